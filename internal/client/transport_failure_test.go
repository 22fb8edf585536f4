package client

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestTransportFailureClassification makes each kind of failure happen for real and checks that
// the error says which it was, and how many attempts were made.
func TestTransportFailureClassification(t *testing.T) {
	closedPort := func(t *testing.T) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		_ = ln.Close()
		return "http://" + addr
	}
	untrustedTLS := func(t *testing.T) string {
		srv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	slow := func(t *testing.T) string {
		srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		})
		return srv.URL
	}
	resetting := func(t *testing.T) string {
		_, url := scriptedServer(t, step{reset: true})
		return url
	}
	emptyCreated := func(t *testing.T) string {
		_, url := scriptedServer(t, step{status: 201, body: " "})
		return url
	}

	tests := []struct {
		name         string
		url          func(*testing.T) string
		timeout      time.Duration
		cancelled    bool
		post         bool
		want         TransportFailure
		wantAttempts int
	}{
		{name: "connection refused", url: closedPort, want: FailureConnect, wantAttempts: 4},
		{name: "untrusted certificate is not retried", url: untrustedTLS, want: FailureTLS, wantAttempts: 1},
		{name: "no answer in time", url: slow, timeout: 50 * time.Millisecond, want: FailureTimeout, wantAttempts: 4},
		{name: "connection reset after sending a POST", url: resetting, post: true, want: FailureConnectionLost, wantAttempts: 1},
		{name: "cancelled", url: slow, cancelled: true, want: FailureCanceled, wantAttempts: 1},
		{name: "created without a body", url: emptyCreated, post: true, want: FailureUnusableAnswer, wantAttempts: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(tt.url(t))
			if tt.timeout > 0 {
				cfg.RequestTimeout = tt.timeout
			}
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			if tt.cancelled {
				time.AfterFunc(50*time.Millisecond, cancel)
			}
			c := newTestClient(t, cfg)
			var err error
			if tt.post {
				_, err = c.CreateCustomer(ctx, &Customer{}, CallOptions{})
			} else {
				_, err = c.GetCustomer(ctx, testCustomerID, CallOptions{})
			}
			var tErr *TransportError
			if !errors.As(err, &tErr) {
				t.Fatalf("err = %v (%T), want a *TransportError", err, err)
			}
			if got := tErr.Failure(); got != tt.want {
				t.Errorf("Failure() = %d, want %d (err: %v)", got, tt.want, err)
			}
			if tErr.Attempts != tt.wantAttempts {
				t.Errorf("Attempts = %d, want %d", tErr.Attempts, tt.wantAttempts)
			}
			if strings.Count(err.Error(), tErr.URL) != 1 || !strings.HasPrefix(tErr.URL, cfg.BaseURL) {
				t.Errorf("error %q does not name the URL requested (%q) exactly once", err, tErr.URL)
			}
			if tt.wantAttempts > 1 && !strings.Contains(err.Error(), "attempts were made") {
				t.Errorf("error %q does not say how many attempts were made", err)
			}
		})
	}
}

func TestDNSFailureIsClassified(t *testing.T) {
	// .invalid never resolves (RFC 6761); the resolver answers without network access.
	err := &TransportError{Err: &net.DNSError{Err: "no such host", Name: "api.example.invalid", IsNotFound: true}}
	if got := err.Failure(); got != FailureDNS {
		t.Errorf("Failure() = %d, want FailureDNS", got)
	}
}
