package client

import (
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// countingServer counts the TCP connections it accepts.
func countingServer(t *testing.T, handler http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(handler)
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

func TestSharedTransportSettings(t *testing.T) {
	tr := sharedTransport()
	if tr.MaxIdleConnsPerHost < 32 || tr.DisableKeepAlives || tr.MaxIdleConns < tr.MaxIdleConnsPerHost {
		t.Errorf("transport: MaxIdleConnsPerHost %d, MaxIdleConns %d, DisableKeepAlives %v",
			tr.MaxIdleConnsPerHost, tr.MaxIdleConns, tr.DisableKeepAlives)
	}
	if sharedTransport() != tr {
		t.Error("sharedTransport returns a new transport per call")
	}
}

// TestConnectionReuse runs terraform's default parallelism against one host
// through the shared transport and checks that connections are pooled rather
// than opened per request. Go may dial a spare connection when one frees up
// while a dial is in flight, so the bound is twice the parallelism; measured
// here, the shared transport opens 10-11 connections for 200 requests while a
// transport with Go's default of two idle connections per host opens 30-90.
func TestConnectionReuse(t *testing.T) {
	const (
		workers   = 10
		perWorker = 20
		bound     = 2 * workers
	)
	srv, conns := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"id":"x"}`))
	})
	// No HTTPClient: the package's shared transport is under test.
	c := newTestClient(t, testConfig(srv.URL))

	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWorker {
				if _, err := c.GetCustomer(t.Context(), "x", CallOptions{}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := conns.Load(); got > bound {
		t.Errorf("%d requests opened %d connections, want at most %d", workers*perWorker, got, bound)
	}
}

// TestGivingUpKeepsThePool checks that a call that gives up does not empty
// the shared pool: go-retryablehttp calls CloseIdleConnections when it
// returns an error, which must not reach the transport that every other
// client shares.
func TestGivingUpKeepsThePool(t *testing.T) {
	srv, conns := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"id":"x"}`))
	})
	healthy := newTestClient(t, testConfig(srv.URL))
	if _, err := healthy.GetCustomer(t.Context(), "x", CallOptions{}); err != nil {
		t.Fatal(err)
	}

	// A second client on the same shared transport fails for good: nothing
	// listens on its port.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadAddr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := newTestClient(t, testConfig("http://"+deadAddr)).GetCustomer(t.Context(), "x", CallOptions{}); err == nil {
		t.Fatal("expected the dead endpoint to fail")
	}

	if _, err := healthy.GetCustomer(t.Context(), "x", CallOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := conns.Load(); got != 1 {
		t.Errorf("%d connections, want 1 reused across the other client's failure", got)
	}
}

func TestInjectedHTTPClientTransportIsUsed(t *testing.T) {
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{}`)) })
	var used atomic.Int64
	cfg := testConfig(srv.URL)
	cfg.HTTPClient = &http.Client{Transport: roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		used.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	})}
	if _, err := newTestClient(t, cfg).GetCustomer(t.Context(), "x", CallOptions{}); err != nil {
		t.Fatal(err)
	}
	if used.Load() != 1 {
		t.Errorf("injected transport used %d times, want 1", used.Load())
	}
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	var rec recorder
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
	})
	_, err := newTestClient(t, testConfig(srv.URL)).GetCustomer(t.Context(), "x", CallOptions{})
	if !hasStatus(err, http.StatusFound) || rec.count() != 1 {
		t.Errorf("err = %v after %d requests, want a 302 APIError after 1", err, rec.count())
	}
}

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
