package client

import (
	"context"
	"crypto/x509"
	"errors"
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

	getInParallel(t, c, workers, perWorker)
	if got := conns.Load(); got > bound {
		t.Errorf("%d requests opened %d connections, want at most %d", workers*perWorker, got, bound)
	}
}

// TestParallelRequestsShareOneHTTP2Connection runs terraform's default
// parallelism against a TLS server that offers HTTP/2, as CyberSource's
// gateways do, from a cold start: the whole burst must share one connection
// (one TCP and one TLS handshake), not dial one each before learning that the
// first would have done.
func TestParallelRequestsShareOneHTTP2Connection(t *testing.T) {
	const (
		workers   = 10
		perWorker = 20
	)
	var conns, notHTTP2 atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ProtoMajor != 2 {
			notHTTP2.Add(1)
		}
		_, _ = w.Write([]byte(`{"id":"x"}`))
	}))
	srv.EnableHTTP2 = true
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			conns.Add(1)
		}
	}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	transport := NewTransport(roots) // the shared transport's settings, trusting the test server
	t.Cleanup(transport.CloseIdleConnections)
	cfg := testConfig(srv.URL)
	cfg.HTTPClient = &http.Client{Transport: transport}
	c := newTestClient(t, cfg)

	getInParallel(t, c, workers, perWorker)
	if n := notHTTP2.Load(); n != 0 {
		t.Errorf("%d requests did not use HTTP/2", n)
	}
	if got := conns.Load(); got != 1 {
		t.Errorf("%d parallel requests opened %d connections, want 1", workers*perWorker, got)
	}
}

func TestFirstConnectionGate(t *testing.T) {
	gate := newFirstConnectionGate()
	leader, err := gate.enter(t.Context())
	if !leader || err != nil {
		t.Fatalf("first enter: leader %v, err %v; want the leader", leader, err)
	}
	// While the leader is out, a held attempt gives up with its own context.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if leader, err := gate.enter(ctx); leader || !errors.Is(err, context.Canceled) {
		t.Errorf("held attempt with a cancelled context: leader %v, err %v", leader, err)
	}
	// Held attempts go once the leader opens the gate, and nobody leads again.
	held := make(chan error, 3)
	for range 3 {
		go func() {
			leader, err := gate.enter(t.Context())
			if leader {
				err = errors.New("a second leader")
			}
			held <- err
		}()
	}
	gate.open()
	for range 3 {
		if err := <-held; err != nil {
			t.Error(err)
		}
	}
	if leader, err := gate.enter(t.Context()); leader || err != nil {
		t.Errorf("enter after open: leader %v, err %v", leader, err)
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

// getInParallel issues workers×perWorker GETs from workers goroutines, as
// terraform -parallelism does, and fails the test on any error.
func getInParallel(t *testing.T, c *Client, workers, perWorker int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker)
	for range workers {
		wg.Go(func() {
			for range perWorker {
				if _, err := c.GetCustomer(t.Context(), "x", CallOptions{}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}
