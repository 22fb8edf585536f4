package client

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestRetryAfterParsing(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	p := retryPolicy{maxRetryAfter: 30 * time.Second}
	tests := []struct {
		header string
		want   time.Duration
		wantOK bool
	}{
		{"", 0, false},
		{"3", 3 * time.Second, true},
		{" 0 ", 0, true},
		{"120", 30 * time.Second, true}, // capped
		{"99999999999999999", 30 * time.Second, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"soon", 0, false},
		{now.Add(5 * time.Second).Format(http.TimeFormat), 5 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true}, // in the past: retry now
		{now.Add(time.Hour).Format(http.TimeFormat), 30 * time.Second, true},
		{now.Add(7 * time.Second).Format(time.RFC850), 7 * time.Second, true}, // obsolete HTTP-date form
	}
	for _, tt := range tests {
		got, ok := p.retryAfter(tt.header, now)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("retryAfter(%q) = %s, %v; want %s, %v", tt.header, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestBackoffGrowsWithinBounds(t *testing.T) {
	p := retryPolicy{waitMin: 100 * time.Millisecond, waitMax: 2 * time.Second}
	for retry := 1; retry <= 12; retry++ {
		ceiling := min(p.waitMin<<(retry-1), p.waitMax)
		seen := map[time.Duration]bool{}
		for range 200 {
			d := p.backoff(retry)
			if d < p.waitMin || d > ceiling || d < ceiling/2 {
				t.Fatalf("backoff(%d) = %s, want within [max(%s, %s), %s]", retry, d, p.waitMin, ceiling/2, ceiling)
			}
			seen[d] = true
		}
		if retry >= 3 && len(seen) < 2 {
			t.Errorf("backoff(%d) shows no jitter", retry)
		}
	}
}

// step is one scripted server answer.
type step struct {
	status     int
	retryAfter string
	body       string
	reset      bool // close the connection after reading the request
}

// scriptedServer answers with steps in order, repeating the last one.
func scriptedServer(t *testing.T, steps ...step) (*recorder, string) {
	var (
		rec recorder
		mu  sync.Mutex
		n   int
	)
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		rr := rec.record(r)
		if problem := verifyHTTPSignature(rr, testSecret, testMerchantID); problem != "" {
			t.Errorf("attempt %d: %s", rec.count(), problem)
		}
		mu.Lock()
		s := steps[min(n, len(steps)-1)]
		n++
		mu.Unlock()
		if s.reset {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			if tcp, ok := conn.(*net.TCPConn); ok {
				_ = tcp.SetLinger(0) // RST rather than FIN
			}
			_ = conn.Close()
			return
		}
		if s.retryAfter != "" {
			w.Header().Set("Retry-After", s.retryAfter)
		}
		w.Header().Set(headerCorrelationID, "corr-"+strconv.Itoa(rec.count()))
		body := s.body
		if body == "" && s.status < 300 && s.status != http.StatusNoContent {
			body = `{"id":"` + testCustomerID + `"}`
		}
		if body == "" && s.status >= 400 {
			body = `{"errors":[{"type":"serverError","message":"scripted"}]}`
		}
		w.WriteHeader(s.status)
		_, _ = w.Write([]byte(body))
	})
	return &rec, srv.URL
}

func TestRetryPolicyByMethod(t *testing.T) {
	ok := step{status: 200}
	created := step{status: 201}
	tests := []struct {
		name         string
		method       string
		ifMatch      bool
		maxRetries   int
		steps        []step
		wantAttempts int
		wantStatus   int  // final status, 0 for a transport error
		wantApplied  bool // MayHaveBeenApplied on the error
	}{
		{name: "GET retried after 503 then succeeds", method: http.MethodGet, steps: []step{{status: 503}, {status: 503}, ok}, wantAttempts: 3, wantStatus: 200},
		{name: "GET retried after 502", method: http.MethodGet, steps: []step{{status: 502}, ok}, wantAttempts: 2, wantStatus: 200},
		{name: "GET retried after 504", method: http.MethodGet, steps: []step{{status: 504}, ok}, wantAttempts: 2, wantStatus: 200},
		{name: "GET retried after 429", method: http.MethodGet, steps: []step{{status: 429}, ok}, wantAttempts: 2, wantStatus: 200},
		{name: "GET retried after a reset", method: http.MethodGet, steps: []step{{reset: true}, ok}, wantAttempts: 2, wantStatus: 200},
		{name: "GET not retried after 500", method: http.MethodGet, steps: []step{{status: 500}, ok}, wantAttempts: 1, wantStatus: 500},
		{name: "GET not retried after 404", method: http.MethodGet, steps: []step{{status: 404}, ok}, wantAttempts: 1, wantStatus: 404},
		{name: "GET not retried after 401", method: http.MethodGet, steps: []step{{status: 401, body: `{"response":{"rmsg":"Authentication Failed"}}`}, ok}, wantAttempts: 1, wantStatus: 401},
		{name: "GET gives up after the budget", method: http.MethodGet, steps: []step{{status: 503}}, wantAttempts: 4, wantStatus: 503},
		{name: "no retries when MaxRetries is 0", method: http.MethodGet, maxRetries: -1, steps: []step{{status: 503}, ok}, wantAttempts: 1, wantStatus: 503},
		{name: "POST not retried after 502", method: http.MethodPost, steps: []step{{status: 502}, created}, wantAttempts: 1, wantStatus: 502, wantApplied: true},
		{name: "POST not retried after 504", method: http.MethodPost, steps: []step{{status: 504}, created}, wantAttempts: 1, wantStatus: 504, wantApplied: true},
		{name: "POST not retried after 500", method: http.MethodPost, steps: []step{{status: 500}, created}, wantAttempts: 1, wantStatus: 500, wantApplied: true},
		{name: "POST not retried after a reset", method: http.MethodPost, steps: []step{{reset: true}, created}, wantAttempts: 1, wantApplied: true},
		{name: "POST retried after 503", method: http.MethodPost, steps: []step{{status: 503}, created}, wantAttempts: 2, wantStatus: 201},
		{name: "POST retried after 429", method: http.MethodPost, steps: []step{{status: 429}, created}, wantAttempts: 2, wantStatus: 201},
		{name: "POST 503 budget exhausted is not ambiguous", method: http.MethodPost, steps: []step{{status: 503}}, wantAttempts: 4, wantStatus: 503},
		{name: "POST 400 is final and unambiguous", method: http.MethodPost, steps: []step{{status: 400}}, wantAttempts: 1, wantStatus: 400},
		{name: "PATCH without if-match not retried after 502", method: http.MethodPatch, steps: []step{{status: 502}, ok}, wantAttempts: 1, wantStatus: 502, wantApplied: true},
		{name: "PATCH without if-match not retried after a reset", method: http.MethodPatch, steps: []step{{reset: true}, ok}, wantAttempts: 1, wantApplied: true},
		{name: "PATCH without if-match retried after 503", method: http.MethodPatch, steps: []step{{status: 503}, ok}, wantAttempts: 2, wantStatus: 200},
		{name: "PATCH with if-match retried after 502", method: http.MethodPatch, ifMatch: true, steps: []step{{status: 502}, ok}, wantAttempts: 2, wantStatus: 200},
		{name: "PATCH with if-match retried after a reset", method: http.MethodPatch, ifMatch: true, steps: []step{{reset: true}, ok}, wantAttempts: 2, wantStatus: 200},
		// The first attempt may have applied the patch and moved the ETag.
		{name: "PATCH 412 after an ambiguous attempt may have been applied", method: http.MethodPatch, ifMatch: true, steps: []step{{status: 504}, {status: 412}}, wantAttempts: 2, wantStatus: 412, wantApplied: true},
		{name: "DELETE retried after 504", method: http.MethodDelete, steps: []step{{status: 504}, {status: 204}}, wantAttempts: 2, wantStatus: 204},
		{name: "DELETE 500 may have been applied", method: http.MethodDelete, steps: []step{{status: 500}}, wantAttempts: 1, wantStatus: 500, wantApplied: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, url := scriptedServer(t, tt.steps...)
			cfg := testConfig(url)
			if tt.maxRetries < 0 {
				cfg.MaxRetries = 0
			}
			logger := &captureLogger{}
			cfg.Logger = logger
			c := newTestClient(t, cfg)
			c.now = steppingClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))

			ctx := t.Context()
			var (
				res *Receipt
				err error
			)
			switch tt.method {
			case http.MethodGet:
				res, err = receiptOf(c.GetCustomer(ctx, testCustomerID, CallOptions{}))
			case http.MethodPost:
				res, err = receiptOf(c.CreateCustomer(ctx, &Customer{}, CallOptions{}))
			case http.MethodPatch:
				opts := CallOptions{}
				if tt.ifMatch {
					opts.IfMatch = "etag-1"
				}
				res, err = receiptOf(c.UpdateCustomer(ctx, testCustomerID, MergePatch{}, opts))
			case http.MethodDelete:
				res, err = c.DeleteCustomer(ctx, testCustomerID, CallOptions{})
			}

			if got := rec.count(); got != tt.wantAttempts {
				t.Errorf("server saw %d attempts, want %d", got, tt.wantAttempts)
			}
			if got := len(logger.all()); got != tt.wantAttempts {
				t.Errorf("logger saw %d attempts, want %d", got, tt.wantAttempts)
			}
			var apiErr *APIError
			var tErr *TransportError
			switch {
			case tt.wantStatus >= 200 && tt.wantStatus < 300:
				if err != nil || res.StatusCode != tt.wantStatus {
					t.Fatalf("result %+v, err %v; want status %d", res, err, tt.wantStatus)
				}
			case tt.wantStatus == 0:
				if !errors.As(err, &tErr) {
					t.Fatalf("err = %v, want a *TransportError", err)
				}
			default:
				if !errors.As(err, &apiErr) || apiErr.StatusCode != tt.wantStatus {
					t.Fatalf("err = %v, want an *APIError with status %d", err, tt.wantStatus)
				}
			}
			if MayHaveBeenApplied(err) != tt.wantApplied {
				t.Errorf("MayHaveBeenApplied = %v, want %v (err %v)", MayHaveBeenApplied(err), tt.wantApplied, err)
			}
			// Every attempt was freshly signed: the server verified each
			// signature, and the stepping clock makes every date differ.
			dates := map[string]bool{}
			for _, rr := range rec.all() {
				dates[rr.Header.Get("Date")] = true
			}
			if len(dates) != rec.count() {
				t.Errorf("%d attempts carried %d distinct dates; retries were not re-signed", rec.count(), len(dates))
			}
			exchanges := logger.all()
			for i, e := range exchanges {
				last := i == len(exchanges)-1
				if e.Attempt != i+1 || e.WillRetry == last || e.Method != tt.method {
					t.Errorf("exchange %d = attempt %d, WillRetry %v, method %s", i, e.Attempt, e.WillRetry, e.Method)
				}
			}
		})
	}
}

func TestRetryAfterIsHonouredAndCapped(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter string
		want       time.Duration
	}{
		{"seconds above the cap", "120", 5 * time.Millisecond},
		{"HTTP-date above the cap", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat), 5 * time.Millisecond},
		{"zero seconds waits RetryWaitMin", "0", time.Millisecond},
		{"HTTP-date in the past waits RetryWaitMin", "Mon, 01 Jan 2001 00:00:00 GMT", time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, url := scriptedServer(t, step{status: 429, retryAfter: tt.retryAfter}, step{status: 200})
			logger := &captureLogger{}
			cfg := testConfig(url)
			cfg.Logger = logger
			if _, err := newTestClient(t, cfg).GetCustomer(t.Context(), "x", CallOptions{}); err != nil {
				t.Fatal(err)
			}
			first := logger.all()[0]
			if !first.WillRetry || first.RetryAfter != tt.want || first.StatusCode != 429 {
				t.Errorf("first exchange: WillRetry %v, RetryAfter %s, status %d; want a retry after %s", first.WillRetry, first.RetryAfter, first.StatusCode, tt.want)
			}
		})
	}
}

func TestPostRetriedAfterDialError(t *testing.T) {
	// A listener that is closed again leaves a port nobody answers on.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	logger := &captureLogger{}
	cfg := testConfig("http://" + addr)
	cfg.Logger = logger
	_, err = newTestClient(t, cfg).CreateCustomer(t.Context(), &Customer{}, CallOptions{})
	var tErr *TransportError
	if !errors.As(err, &tErr) || MayHaveBeenApplied(err) {
		t.Fatalf("err = %v, want an unambiguous *TransportError", err)
	}
	if got := len(logger.all()); got != cfg.MaxRetries+1 {
		t.Errorf("%d attempts, want %d: a refused connection never reached the server", got, cfg.MaxRetries+1)
	}
	if !isDialError(err) {
		t.Errorf("err = %v, want a dial error in the chain", err)
	}
}

func TestTimeoutRetriesOnlyIdempotentRequests(t *testing.T) {
	var rec recorder
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		<-r.Context().Done() // never answer; the client's per-attempt timeout fires
	})
	tests := []struct {
		method       string
		wantAttempts int
		wantApplied  bool
	}{
		{http.MethodPost, 1, true},
		{http.MethodGet, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			before := rec.count()
			cfg := testConfig(srv.URL)
			cfg.RequestTimeout = 50 * time.Millisecond
			cfg.MaxRetries = 1
			c := newTestClient(t, cfg)
			var err error
			if tt.method == http.MethodPost {
				_, err = c.CreateCustomer(t.Context(), &Customer{}, CallOptions{})
			} else {
				_, err = c.GetCustomer(t.Context(), "x", CallOptions{})
			}
			var netErr net.Error
			if !errors.As(err, &netErr) || !netErr.Timeout() {
				t.Errorf("err = %v, want a timeout", err)
			}
			if got := rec.count() - before; got != tt.wantAttempts {
				t.Errorf("%d attempts, want %d", got, tt.wantAttempts)
			}
			if MayHaveBeenApplied(err) != tt.wantApplied {
				t.Errorf("MayHaveBeenApplied = %v, want %v", MayHaveBeenApplied(err), tt.wantApplied)
			}
		})
	}
}

func TestCancellation(t *testing.T) {
	t.Run("while waiting to retry", func(t *testing.T) {
		rec, url := scriptedServer(t, step{status: 503})
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		cfg := testConfig(url)
		// Long waits: the test only finishes quickly if cancellation
		// interrupts the wait.
		cfg.RetryWaitMin, cfg.RetryWaitMax = time.Minute, time.Minute
		cfg.Logger = &captureLogger{onLog: func(e Exchange) {
			if e.WillRetry {
				cancel()
			}
		}}
		_, err := newTestClient(t, cfg).GetCustomer(ctx, "x", CallOptions{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		var tErr *TransportError
		if !errors.As(err, &tErr) {
			t.Errorf("err = %T, want *TransportError", err)
		}
		if rec.count() != 1 {
			t.Errorf("%d attempts, want 1", rec.count())
		}
	})

	t.Run("during a request", func(t *testing.T) {
		arrived := make(chan struct{})
		var rec recorder
		srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
			rec.record(r)
			close(arrived)
			<-r.Context().Done()
		})
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		go func() {
			<-arrived
			cancel()
		}()
		_, err := newTestClient(t, testConfig(srv.URL)).CreateCustomer(ctx, &Customer{}, CallOptions{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		if !MayHaveBeenApplied(err) {
			t.Error("a POST cancelled after it was sent must be reported as possibly applied")
		}
		if rec.count() != 1 {
			t.Errorf("%d attempts, want 1", rec.count())
		}
	})

	t.Run("already cancelled", func(t *testing.T) {
		rec, url := scriptedServer(t, step{status: 200})
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		_, err := newTestClient(t, testConfig(url)).GetCustomer(ctx, "x", CallOptions{})
		if !errors.Is(err, context.Canceled) || rec.count() != 0 {
			t.Errorf("err = %v after %d requests, want context.Canceled and none", err, rec.count())
		}
	})

	t.Run("deadline shorter than the wait", func(t *testing.T) {
		rec, url := scriptedServer(t, step{status: 503}, step{status: 200})
		ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
		defer cancel()
		cfg := testConfig(url)
		cfg.RetryWaitMin, cfg.RetryWaitMax = time.Hour, time.Hour
		_, err := newTestClient(t, cfg).GetCustomer(ctx, "x", CallOptions{})
		// Rather than sleep into the deadline, the client returns the
		// real answer at once.
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || rec.count() != 1 {
			t.Errorf("err = %v after %d attempts, want the 503 after 1", err, rec.count())
		}
	})
}
