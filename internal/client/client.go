package client

import (
	"net/http"
	"time"
)

// Client talks to one CyberSource merchant account. It is safe for
// concurrent use; terraform calls it from many goroutines at once.
type Client struct {
	settings
	// now is the clock used for signatures and Retry-After dates; tests
	// replace it to reproduce the tms-api.md §5a vectors.
	now func() time.Time
	// firstConnection holds a burst of first requests back until one connection is up
	// (connection_gate.go).
	firstConnection *firstConnectionGate
}

// New validates cfg and returns a Client. Every validation failure is a
// *ConfigError naming the offending Config field; no request is made.
func New(cfg Config) (*Client, error) {
	s, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	return &Client{settings: *s, now: time.Now, firstConnection: newFirstConnectionGate()}, nil
}

// AuthMethod returns "http_signature", "meta_key" or "jwt".
func (c *Client) AuthMethod() string { return c.signer.authMethod() }

// BaseURL returns the endpoint requests go to, e.g.
// "https://apitest.cybersource.com".
func (c *Client) BaseURL() string { return c.baseURL.String() }

// noRedirects keeps the client on the configured host: a redirect would be
// sent with a signature computed for another path and host, and could carry
// personal data somewhere unexpected. A 3xx is reported as an *APIError.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
