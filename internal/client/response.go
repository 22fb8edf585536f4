package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// maxResponseBytes bounds how much of any answer is read. TMS bodies, even a customer with both
// embedded objects or a full page of 100 list items, are far smaller.
const maxResponseBytes = 4 << 20

// response is a 2xx answer with its body buffered, and what a decoding failure must report.
type response struct {
	method, path, url string
	status            int
	header            http.Header
	body              []byte
	attempts          int
}

// receipt is what every successful answer carries, whatever its body.
func (r *response) receipt() Receipt {
	return Receipt{StatusCode: r.status, CorrelationID: r.header.Get(headerCorrelationID)}
}

// undecodable reports a 2xx answer whose body cannot be used. A write was carried out (the
// server said so) even though its answer is unreadable, hence MayHaveBeenApplied for writes.
func (r *response) undecodable(cause error) *TransportError {
	return &TransportError{
		Method: r.method, Path: r.path, URL: r.url, Attempts: r.attempts,
		Err:                fmt.Errorf("%w: %d answer: %w", errUnusableAnswer, r.status, cause),
		MayHaveBeenApplied: r.method != http.MethodGet,
	}
}

// finish turns the last attempt into the caller's result.
func (cl *call) finish(ctx context.Context, doErr error) (*response, error) {
	if cl.interrupted {
		// The caller asked to stop before a retry: the last attempt's outcome is the answer.
		doErr = nil
	}
	if cl.prepareErr != nil && !cl.interrupted {
		return nil, cl.transportError(fmt.Errorf("signing retry: %w", cl.prepareErr))
	}
	if doErr == nil && cl.err == nil && cl.resp != nil {
		return cl.result()
	}
	cause := cl.err
	if ctxErr := ctx.Err(); ctxErr != nil {
		// Cancelled or timed out, possibly while waiting to retry: say so,
		// in a way errors.Is can see, rather than blame the last attempt.
		cause = ctxErr
		if doErr != nil && errors.Is(doErr, ctxErr) {
			cause = doErr
		}
	}
	if cause == nil {
		cause = doErr
	}
	if cause == nil {
		cause = errors.New("no response")
	}
	return nil, cl.transportError(cause)
}

func (cl *call) transportError(err error) *TransportError {
	return &TransportError{
		Method: cl.method, Path: cl.path, URL: cl.url, Err: err,
		Attempts: cl.attempt, Interrupted: cl.interrupted, MayHaveBeenApplied: cl.ambiguous,
	}
}

func (cl *call) result() (*response, error) {
	resp := cl.resp
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := newAPIError(cl.method, cl.path, resp, cl.respBody)
		apiErr.URL, apiErr.Attempts, apiErr.Interrupted = cl.url, cl.attempt, cl.interrupted
		apiErr.MayHaveBeenApplied = cl.ambiguous
		return nil, apiErr
	}
	return &response{
		method: cl.method, path: cl.path, url: cl.url, attempts: cl.attempt,
		status: resp.StatusCode, header: resp.Header, body: cl.respBody,
	}, nil
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return body, err
	}
	if int64(len(body)) > limit {
		return body[:limit], fmt.Errorf("response body exceeds %d bytes", limit)
	}
	return body, nil
}
