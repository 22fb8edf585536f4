package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"
)

// call is the state of one logical request across its attempts. All fields
// except sent are touched only by the goroutine running retryablehttp's
// loop; sent is written by the transport's writer goroutine.
type call struct {
	client     *Client
	ctx        context.Context
	method     string
	path       string // API path and query as sent
	url        string // the whole URL requested, for errors
	body       []byte
	idempotent bool // safe to repeat after an ambiguous failure (tms-api.md §6)
	mutating   bool // a lost answer leaves the server state unknown
	interrupt  <-chan struct{}

	logBodies     bool   // the Logger wants bodies (BodyLogger); decided once per call
	loggedRequest string // redacted request body, when logBodies

	attempt      int
	attemptStart time.Time
	sent         *atomic.Bool

	// Outcome of the latest attempt.
	resp     *http.Response
	respBody []byte
	err      error

	ambiguous   bool          // some attempt may have been applied
	wait        time.Duration // chosen by checkRetry, waited for by backoff
	prepareErr  error
	interrupted bool // Interrupt closed before a retry could start: the last attempt is final
}

// beginAttempt is called by attemptTransport as each attempt goes out.
func (cl *call) beginAttempt() *atomic.Bool {
	cl.attemptStart = time.Now()
	cl.sent = new(atomic.Bool)
	return cl.sent
}

// checkRetry is retryablehttp's CheckRetry: it records the attempt's outcome,
// decides whether to retry and how long to wait, and logs the attempt.
func (cl *call) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	cl.attempt++
	sent := cl.sent != nil && cl.sent.Load()
	var duration time.Duration
	if !cl.attemptStart.IsZero() {
		duration = time.Since(cl.attemptStart)
	}
	cl.sent, cl.attemptStart = nil, time.Time{}
	cl.resp, cl.respBody, cl.err = resp, nil, err

	if resp != nil {
		body, readErr := readLimited(resp.Body, maxResponseBytes)
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(body))
		if readErr != nil {
			// The answer started arriving, so the request was sent; losing
			// the body makes the outcome unknown.
			cl.resp, cl.err, sent = nil, fmt.Errorf("reading %s response: %w", resp.Status, readErr), true
		} else {
			cl.respBody = body
		}
	}

	retry := false
	switch {
	case cl.err != nil:
		cl.ambiguous = cl.ambiguous || (cl.mutating && sent)
		retry = ctx.Err() == nil && retryableTransportError(cl.err, sent, cl.idempotent)
	default:
		cl.ambiguous = cl.ambiguous || (cl.mutating && ambiguousStatus(cl.resp.StatusCode))
		retry = ctx.Err() == nil && retryableStatus(cl.resp.StatusCode, cl.idempotent)
	}

	cl.wait = 0
	if retry {
		retry = cl.attempt <= cl.client.retry.maxRetries
	}
	if retry {
		now := cl.client.now()
		wait, ok := time.Duration(0), false
		if cl.resp != nil {
			wait, ok = cl.client.retry.retryAfter(cl.resp.Header.Get("Retry-After"), now)
		}
		if ok {
			// "Retry-After: 0" (or a date in the past) repeated by a server
			// would otherwise spend the whole retry budget in milliseconds.
			wait = max(wait, cl.client.retry.waitMin)
		} else {
			wait = cl.client.retry.backoff(cl.attempt)
		}
		cl.wait = wait
		retry = fitsDeadline(ctx, wait, time.Now())
	}

	cl.logAttempt(ctx, duration, retry)
	return retry, nil
}

// backoff is retryablehttp's Backoff; the wait was chosen in checkRetry,
// where the response and the call's policy are at hand. A call that can be
// interrupted waits here itself, so that closing Interrupt ends the wait at
// once (retryablehttp's own wait only watches the context), and then hands
// retryablehttp nothing left to wait; prepareRetry then stops the call.
func (cl *call) backoff(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
	if cl.interrupt == nil {
		return cl.wait
	}
	timer := time.NewTimer(cl.wait)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-cl.interrupt:
	case <-cl.ctx.Done():
	}
	return 0
}

// errStopRetrying ends retryablehttp's loop from prepareRetry when the caller
// asked to stop; finish then reports the last attempt's own outcome.
var errStopRetrying = errors.New("stopped retrying: interrupted")

// prepareRetry re-signs the request: a fresh date (HTTP Signature) or a
// fresh iat and jti (JWT) for every attempt, and the digest of the body that
// is actually sent again (tms-api.md §5).
func (cl *call) prepareRetry(req *http.Request) error {
	if closed(cl.interrupt) {
		cl.interrupted = true
		return errStopRetrying
	}
	// retryablehttp made a shallow copy of the request; the header map is
	// still shared with the previous attempt, which the transport may be
	// reading, so clone it before writing.
	req.Header = req.Header.Clone()
	if err := cl.client.signer.sign(req, cl.body, cl.client.now()); err != nil {
		cl.prepareErr = err
		return err
	}
	return nil
}
