package client

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

// TestInterrupt covers CallOptions.Interrupt: nothing new starts once it is closed, but an
// attempt already on the wire always finishes, so the caller learns what the server did.
func TestInterrupt(t *testing.T) {
	t.Run("closed before the call: nothing is sent", func(t *testing.T) {
		rec, url := scriptedServer(t, step{status: 201})
		stop := make(chan struct{})
		close(stop)
		_, err := newTestClient(t, testConfig(url)).CreateCustomer(t.Context(), &Customer{}, CallOptions{Interrupt: stop})
		var tErr *TransportError
		if !errors.As(err, &tErr) || !errors.Is(err, ErrInterrupted) || tErr.Failure() != FailureNotSent {
			t.Fatalf("err = %v, want ErrInterrupted classified as not sent", err)
		}
		if MayHaveBeenApplied(err) || rec.count() != 0 || tErr.Attempts != 0 {
			t.Errorf("applied=%v, %d requests, %d attempts; want nothing sent", MayHaveBeenApplied(err), rec.count(), tErr.Attempts)
		}
	})

	t.Run("closed while an attempt is in flight: the attempt finishes", func(t *testing.T) {
		stop := make(chan struct{})
		arrived := make(chan struct{})
		var rec recorder
		srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
			rec.record(r)
			close(arrived)
			time.Sleep(100 * time.Millisecond) // the interrupt arrives meanwhile
			w.WriteHeader(http.StatusCreated)
			_, _ = w.Write([]byte(`{"id":"` + testCustomerID + `"}`))
		})
		go func() {
			<-arrived
			close(stop)
		}()
		res, err := newTestClient(t, testConfig(srv.URL)).CreateCustomer(context.WithoutCancel(t.Context()), &Customer{}, CallOptions{Interrupt: stop})
		if err != nil || res.Value == nil || *res.Value.ID != testCustomerID {
			t.Fatalf("result %+v, err %v; want the created customer", res, err)
		}
	})

	t.Run("closed while waiting to retry: no retry, the last answer is final", func(t *testing.T) {
		rec, url := scriptedServer(t, step{status: 503}, step{status: 201})
		stop := make(chan struct{})
		cfg := testConfig(url)
		// A long wait: the test only finishes quickly if the interrupt ends it.
		cfg.RetryWaitMin, cfg.RetryWaitMax = time.Minute, time.Minute
		cfg.Logger = &captureLogger{onLog: func(e Exchange) {
			if e.WillRetry {
				close(stop)
			}
		}}
		started := time.Now()
		_, err := newTestClient(t, cfg).CreateCustomer(t.Context(), &Customer{}, CallOptions{Interrupt: stop})
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || !apiErr.Interrupted {
			t.Fatalf("err = %v, want the 503 marked as interrupted", err)
		}
		if rec.count() != 1 || time.Since(started) > 10*time.Second {
			t.Errorf("%d attempts in %s, want 1 without waiting out the backoff", rec.count(), time.Since(started))
		}
		if MayHaveBeenApplied(err) {
			t.Error("a 503 means not processed; the create was not applied")
		}
	})

	t.Run("an open interrupt changes nothing", func(t *testing.T) {
		rec, url := scriptedServer(t, step{status: 503}, step{status: 201})
		res, err := newTestClient(t, testConfig(url)).CreateCustomer(t.Context(), &Customer{}, CallOptions{Interrupt: make(chan struct{})})
		if err != nil || !res.Created() || rec.count() != 2 {
			t.Errorf("result %+v, err %v after %d attempts; want created after a retry", res, err, rec.count())
		}
	})
}
