package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// maxResponseBytes bounds how much of any answer is read. Customer bodies,
// even with both embedded objects, are a few kilobytes.
const maxResponseBytes = 4 << 20

// finish turns the last attempt into the caller's result.
func (cl *call) finish(ctx context.Context, doErr error) (*Result, error) {
	if cl.prepareErr != nil {
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
	return &TransportError{Method: cl.method, Path: cl.path, Err: err, MayHaveBeenApplied: cl.ambiguous}
}

func (cl *call) result() (*Result, error) {
	resp := cl.resp
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := newAPIError(cl.method, cl.path, resp, cl.respBody)
		apiErr.MayHaveBeenApplied = cl.ambiguous
		return nil, apiErr
	}
	res := &Result{
		ETag:          resp.Header.Get("ETag"),
		CorrelationID: resp.Header.Get(headerCorrelationID),
		StatusCode:    resp.StatusCode,
	}
	if cl.method == http.MethodDelete {
		return res, nil
	}
	if len(bytes.TrimSpace(cl.respBody)) == 0 {
		return nil, &TransportError{Method: cl.method, Path: cl.path, Err: fmt.Errorf("%s with an empty body", resp.Status), MayHaveBeenApplied: cl.mutating}
	}
	var customer Customer
	if err := json.Unmarshal(cl.respBody, &customer); err != nil {
		// A write succeeded but we cannot read the answer: it was applied.
		return nil, &TransportError{Method: cl.method, Path: cl.path, Err: fmt.Errorf("decoding %s response: %w", resp.Status, err), MayHaveBeenApplied: cl.mutating}
	}
	res.Customer = &customer
	return res, nil
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
