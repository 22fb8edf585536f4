package client

import (
	"crypto/rsa"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// Defaults applied by New when the corresponding Config field is zero, except
// DefaultMaxRetries: a zero MaxRetries means "no retries", so callers that
// want the default retry budget must set it themselves (the provider does).
// They are exported so that callers (the provider's schema, the docs) can show
// the same numbers the client uses.
const (
	DefaultRequestTimeout = 60 * time.Second // the Node SDK's per-request timeout (tms-api.md §6)
	DefaultMaxRetries     = 4
	DefaultRetryWaitMin   = 500 * time.Millisecond
	DefaultRetryWaitMax   = 8 * time.Second
	DefaultMaxRetryAfter  = 30 * time.Second
)

// profileIDLength is fixed by the API: a profile-id of any other length is
// rejected with 424 (tms-api.md §2), so we reject it before sending.
const profileIDLength = 36

// Config configures a Client. Exactly one authentication method must be
// complete: KeyID+SharedSecret (HTTP Signature, plus PortfolioID for a meta
// key) or P12File/P12Data (JWT).
type Config struct {
	MerchantID   string
	KeyID        string // HTTP Signature key id, or the meta key id when PortfolioID is set
	SharedSecret string // base64; surrounding whitespace (a trailing newline from a file) is ignored
	PortfolioID  string // set => meta-key signing (tms-api.md §5a), or the JWT issuer with a P12
	P12File      string // JWT: path ...
	P12Data      []byte // ... or the file's bytes
	P12Password  string
	KeyAlias     string // defaults to MerchantID
	Environment  string // "sandbox" (default) | "production" | other names | a bare host name
	BaseURL      string // overrides Environment; https, or http to a loopback address only
	ProfileID    string // default profile-id header; 36 chars when set

	RequestTimeout time.Duration // per attempt; default 60s
	// MaxRetries is the number of retries after the first attempt. Zero means
	// no retries, because a zero must stay expressible; callers that want the
	// default should set DefaultMaxRetries. Negative values are invalid.
	MaxRetries    int
	RetryWaitMin  time.Duration // default 500ms
	RetryWaitMax  time.Duration // default 8s
	MaxRetryAfter time.Duration // cap on a server's Retry-After; default 30s

	UserAgent  string       // appended after "terraform-provider-cybersource/<Version>"
	Version    string       // provider version for the User-Agent; "dev" when empty
	HTTPClient *http.Client // optional; only its Transport is used (tests, benchmarks)
	Logger     Logger       // optional; receives redacted exchanges
}

// ConfigError reports an invalid Config field. Field is the Go field name so
// that the provider can map it back to its own attribute.
type ConfigError struct {
	Field   string
	Message string
}

func (e *ConfigError) Error() string {
	return e.Field + ": " + e.Message
}

// String masks the secrets, so that a Config printed with %v or %+v (in a
// panic, a debug line) shows whether they are set but never what they are.
func (c Config) String() string {
	masked := c
	masked.SharedSecret = maskIfSet(c.SharedSecret)
	masked.P12Password = maskIfSet(c.P12Password)
	if len(c.P12Data) > 0 {
		masked.P12Data = []byte("***")
	}
	type withoutMethods Config // formatting the plain struct type avoids calling String again
	return fmt.Sprintf("%+v", withoutMethods(masked))
}

// GoString masks %#v the same way.
func (c Config) GoString() string { return c.String() }

func maskIfSet(secret string) string {
	if secret == "" {
		return ""
	}
	return "***"
}

func configErrorf(field, format string, args ...any) *ConfigError {
	return &ConfigError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// settings is a validated, defaulted Config: everything New needs, decoded
// once so that no request has to re-parse or re-check it.
type settings struct {
	merchantID     string
	baseURL        *url.URL
	profileID      string
	requestTimeout time.Duration
	retry          retryPolicy
	userAgent      string
	logger         Logger
	transport      http.RoundTripper
	signer         requestSigner
}

func (cfg Config) validate() (*settings, error) {
	s := &settings{logger: cfg.Logger}

	if cfg.MerchantID == "" {
		return nil, configErrorf("MerchantID", "is required")
	}
	if err := checkHeaderToken("MerchantID", cfg.MerchantID); err != nil {
		return nil, err
	}
	s.merchantID = cfg.MerchantID

	signer, err := cfg.buildSigner()
	if err != nil {
		return nil, err
	}
	s.signer = signer

	if s.baseURL, err = cfg.resolveBaseURL(); err != nil {
		return nil, err
	}

	if cfg.ProfileID != "" {
		if err := CheckProfileID(cfg.ProfileID); err != nil {
			return nil, &ConfigError{Field: "ProfileID", Message: err.Error()}
		}
		s.profileID = cfg.ProfileID
	}

	if s.requestTimeout, err = durationOrDefault("RequestTimeout", cfg.RequestTimeout, DefaultRequestTimeout); err != nil {
		return nil, err
	}
	if s.retry, err = cfg.retryPolicy(); err != nil {
		return nil, err
	}

	if strings.ContainsFunc(cfg.UserAgent, isControl) {
		return nil, configErrorf("UserAgent", "must not contain control characters")
	}
	if strings.ContainsFunc(cfg.Version, isControl) {
		return nil, configErrorf("Version", "must not contain control characters")
	}
	s.userAgent = userAgent(cfg.Version, cfg.UserAgent)

	s.transport = sharedTransport()
	if cfg.HTTPClient != nil && cfg.HTTPClient.Transport != nil {
		s.transport = cfg.HTTPClient.Transport
	}
	return s, nil
}

// buildSigner enforces "exactly one complete authentication method" and
// returns the signer for it.
func (cfg Config) buildSigner() (requestSigner, error) {
	hasHMAC := cfg.KeyID != "" || cfg.SharedSecret != ""
	hasJWT := cfg.P12File != "" || len(cfg.P12Data) > 0

	switch {
	case hasHMAC && hasJWT:
		field := "P12File"
		if cfg.P12File == "" {
			field = "P12Data"
		}
		return nil, configErrorf(field, "cannot be combined with KeyID/SharedSecret: configure exactly one authentication method (HTTP Signature or JWT)")
	case hasHMAC:
		return cfg.httpSignatureSigner()
	case hasJWT:
		return cfg.jwtSigner()
	default:
		return nil, configErrorf("KeyID", "no authentication configured: set KeyID and SharedSecret (HTTP Signature; add PortfolioID for a meta key), or P12File or P12Data with P12Password (JWT)")
	}
}

func (cfg Config) httpSignatureSigner() (requestSigner, error) {
	if cfg.KeyID == "" {
		return nil, configErrorf("KeyID", "is required with SharedSecret")
	}
	if err := checkHeaderToken("KeyID", cfg.KeyID); err != nil {
		return nil, err
	}
	trimmed := strings.TrimSpace(cfg.SharedSecret)
	if trimmed == "" {
		return nil, configErrorf("SharedSecret", "is required with KeyID")
	}
	secret, err := base64.StdEncoding.DecodeString(trimmed)
	if err != nil {
		// The decoder's message names a byte offset, never the secret itself.
		return nil, configErrorf("SharedSecret", "must be valid base64 (%v)", err)
	}
	if len(secret) == 0 {
		return nil, configErrorf("SharedSecret", "decodes to an empty key")
	}
	signingMerchant := cfg.MerchantID
	if cfg.PortfolioID != "" {
		if err := checkHeaderToken("PortfolioID", cfg.PortfolioID); err != nil {
			return nil, err
		}
		signingMerchant = cfg.PortfolioID
	}
	return &httpSignatureSigner{
		keyID:             cfg.KeyID,
		secret:            secret,
		merchantID:        cfg.MerchantID,
		signingMerchantID: signingMerchant,
		metaKey:           cfg.PortfolioID != "",
	}, nil
}

func (cfg Config) jwtSigner() (requestSigner, error) {
	if cfg.P12File != "" && len(cfg.P12Data) > 0 {
		return nil, configErrorf("P12Data", "cannot be combined with P12File: set one of them")
	}
	data := cfg.P12Data
	field := "P12Data"
	if cfg.P12File != "" {
		field = "P12File"
		var err error
		if data, err = os.ReadFile(cfg.P12File); err != nil {
			return nil, configErrorf("P12File", "cannot be read: %v", err)
		}
	}
	alias := cfg.KeyAlias
	if alias == "" {
		alias = cfg.MerchantID
	}
	key, kid, err := loadP12(data, cfg.P12Password, alias, cfg.KeyAlias != "", field)
	if err != nil {
		return nil, err
	}
	issuer := cfg.MerchantID
	if cfg.PortfolioID != "" {
		if err := checkHeaderToken("PortfolioID", cfg.PortfolioID); err != nil {
			return nil, err
		}
		// tms-api.md §5b: the issuer is the portfolio when a meta key signs.
		issuer = cfg.PortfolioID
	}
	return newJWTSigner(key, kid, issuer, cfg.MerchantID), nil
}

// resolveBaseURL picks the endpoint: BaseURL when set, else the environment.
func (cfg Config) resolveBaseURL() (*url.URL, error) {
	envHost := ""
	if cfg.Environment != "" {
		host, ok := LookupEnvironment(cfg.Environment)
		if !ok {
			return nil, configErrorf("Environment", "unknown environment %q; use one of %s, or one of their host names", cfg.Environment, strings.Join(EnvironmentNames(), ", "))
		}
		envHost = host
	}
	if cfg.BaseURL == "" {
		if envHost == "" {
			envHost = environments[defaultEnvironment]
		}
		return &url.URL{Scheme: "https", Host: envHost}, nil
	}
	return parseBaseURL(cfg.BaseURL)
}

// parseBaseURL applies CheckEndpoint and returns the URL in the form requests are built from.
func parseBaseURL(raw string) (*url.URL, error) {
	if err := CheckEndpoint(raw); err != nil {
		return nil, &ConfigError{Field: "BaseURL", Message: err.Error()}
	}
	u, err := url.Parse(raw)
	if err != nil { // CheckEndpoint parsed it already
		return nil, &ConfigError{Field: "BaseURL", Message: err.Error()}
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Path, u.RawPath = "", ""
	return u, nil
}

func (cfg Config) retryPolicy() (retryPolicy, error) {
	if cfg.MaxRetries < 0 {
		return retryPolicy{}, configErrorf("MaxRetries", "must not be negative (0 disables retries)")
	}
	p := retryPolicy{maxRetries: cfg.MaxRetries}
	var err error
	if p.waitMin, err = durationOrDefault("RetryWaitMin", cfg.RetryWaitMin, DefaultRetryWaitMin); err != nil {
		return p, err
	}
	if p.waitMax, err = durationOrDefault("RetryWaitMax", cfg.RetryWaitMax, DefaultRetryWaitMax); err != nil {
		return p, err
	}
	if p.maxRetryAfter, err = durationOrDefault("MaxRetryAfter", cfg.MaxRetryAfter, DefaultMaxRetryAfter); err != nil {
		return p, err
	}
	if p.waitMin > p.waitMax {
		return p, configErrorf("RetryWaitMin", "(%s) must not exceed RetryWaitMax (%s)", p.waitMin, p.waitMax)
	}
	return p, nil
}

func durationOrDefault(field string, d, def time.Duration) (time.Duration, error) {
	switch {
	case d < 0:
		return 0, configErrorf(field, "must not be negative")
	case d == 0:
		return def, nil
	default:
		return d, nil
	}
}

// checkHeaderToken rejects values that would corrupt a header or the
// signature header's quoted parameters (tms-api.md §5a): no whitespace,
// control characters, quotes or backslashes.
func checkHeaderToken(field, v string) error {
	for _, r := range v {
		if r <= ' ' || r == 0x7f || r == '"' || r == '\\' || r > 0x7e {
			return configErrorf(field, "must contain only printable ASCII characters without spaces or quotes")
		}
	}
	return nil
}

func isControl(r rune) bool { return r < ' ' || r == 0x7f }

// userAgent identifies the provider first (tms-api.md §6: the SDKs send a
// browser string, which makes support requests harder to trace).
func userAgent(version, extra string) string {
	if version == "" {
		version = "dev"
	}
	ua := "terraform-provider-cybersource/" + version
	if extra = strings.TrimSpace(extra); extra != "" {
		ua += " " + extra
	}
	return ua
}

// rsaKeyOrError narrows a decoded private key to RSA: CyberSource's JWT
// verification is RS256 only (tms-api.md §5b).
func rsaKeyOrError(field string, key any) (*rsa.PrivateKey, error) {
	rk, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, configErrorf(field, "holds a %T private key; CyberSource JWT authentication needs an RSA key", key)
	}
	return rk, nil
}
