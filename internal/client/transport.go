package client

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"net/http/httptrace"
	"sync"
	"time"
)

// maxIdleConnsPerHost is well above terraform's default -parallelism of 10:
// Go's default keeps only 2 idle connections per host, so parallel applies
// over HTTP/1.1 would open (and TLS-handshake) a new connection for most
// requests. (Over HTTP/2 one connection carries them all.)
const maxIdleConnsPerHost = 32

// sharedTransport is the process-wide connection pool. One pool for every
// Client means a provider that is configured more than once (plan, then
// apply in the same process) still reuses warm TLS connections.
var sharedTransport = sync.OnceValue(func() *http.Transport { return NewTransport(nil) })

// NewTransport returns an *http.Transport tuned like the client's shared
// one: keep-alive, maxIdleConnsPerHost idle connections per host, TLS 1.2+,
// and HTTP/2 when the server offers it by ALPN. CyberSource's gateways do, so
// a process's parallel requests share one multiplexed connection; a server
// that only speaks HTTP/1.1 gets pooled keep-alive connections instead.
// ForceAttemptHTTP2 is needed because a custom DialContext or TLSClientConfig
// otherwise turns Go's HTTP/2 support off.
// rootCAs, when non-nil, replaces the system roots; tests and benchmarks use
// it to trust the simulator's certificate while keeping the same pool
// behaviour as production.
func NewTransport(rootCAs *x509.CertPool) *http.Transport {
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   maxIdleConnsPerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: rootCAs},
	}
}

// attemptTransport wraps the shared transport for one call. It records when
// each attempt starts and whether its request headers were written, which is
// how the retry policy tells "never sent" (safe to retry a POST) from
// "sent, outcome unknown".
//
// It deliberately does not implement CloseIdleConnections: go-retryablehttp
// calls that when it gives up, and passing it through would drop every
// other request's warm connections from the shared pool.
type attemptTransport struct {
	base http.RoundTripper
	call *call
}

func (t *attemptTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	gate := t.call.client.firstConnection
	leader, err := gate.enter(req.Context())
	if err != nil {
		return nil, err
	}
	if leader {
		defer gate.open()
	}
	sent := t.call.beginAttempt()
	trace := &httptrace.ClientTrace{
		// WroteHeaders fires once the request line and headers are handed to
		// the connection; before that not a byte of this request has left
		// (our headers are far below the write buffer size).
		WroteHeaders: func() { sent.Store(true) },
	}
	return t.base.RoundTrip(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
}
