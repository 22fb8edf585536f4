package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// contentTypeJSON is what the official SDKs send (tms-api.md §2).
const contentTypeJSON = "application/json;charset=utf-8"

// CallOptions are per-call request settings.
type CallOptions struct {
	ProfileID string // overrides Config.ProfileID for this call; 36 chars when set
	IfMatch   string // PATCH only (ignored by other methods): the ETag from the last read or write
	// Interrupt, when closed, stops the call from starting anything new: no first attempt if it
	// is already closed, and no retry after it closes (the wait before a retry ends at once).
	// An attempt already on the wire is never abandoned because of it: it runs until its answer,
	// the per-attempt RequestTimeout or ctx ends it, so that the caller learns the outcome of a
	// request the server may have carried out. Callers that must not lose track of a write
	// (Terraform's graceful stop) pass a ctx without cancellation plus this channel.
	Interrupt <-chan struct{}
}

// ErrInterrupted is the cause of a *TransportError for a call that was never sent because
// CallOptions.Interrupt was already closed.
var ErrInterrupted = errors.New("not sent: the caller asked to stop before the request went out")

// do is the single request path: build, sign, send with retries, log, and hand back the body of
// a 2xx answer. target is the escaped API path with its query, if any.
func (c *Client) do(ctx context.Context, method, target string, body []byte, opts CallOptions) (*response, error) {
	if ctx == nil {
		return nil, errors.New("client: nil context")
	}
	profileID := c.profileID
	if opts.ProfileID != "" {
		if err := CheckProfileID(opts.ProfileID); err != nil {
			return nil, fmt.Errorf("client: CallOptions.ProfileID %w", err)
		}
		profileID = opts.ProfileID
	}
	ifMatch := ""
	if method == http.MethodPatch && opts.IfMatch != "" {
		if strings.ContainsFunc(opts.IfMatch, isControl) {
			return nil, errors.New("client: CallOptions.IfMatch must not contain control characters")
		}
		ifMatch = opts.IfMatch
	}

	cl := &call{
		client:     c,
		ctx:        ctx,
		method:     method,
		path:       target,
		url:        c.baseURL.String() + target,
		body:       body,
		idempotent: method == http.MethodGet || method == http.MethodDelete || ifMatch != "",
		mutating:   method != http.MethodGet,
		interrupt:  opts.Interrupt,
	}
	if closed(opts.Interrupt) {
		return nil, cl.transportError(ErrInterrupted)
	}
	cl.logBodies = c.logsBodies(ctx)
	if cl.logBodies && body != nil {
		cl.loggedRequest = redactBody(body)
	}

	var rawBody any // nil, not an empty []byte, so GET/DELETE send no body
	if body != nil {
		rawBody = body
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, cl.url, rawBody)
	if err != nil {
		return nil, fmt.Errorf("client: building %s %s: %w", method, target, err)
	}
	req.Host = req.URL.Host
	req.Header.Set("Accept", contentTypeJSON)
	if body != nil {
		req.Header.Set("Content-Type", contentTypeJSON)
	}
	req.Header.Set("User-Agent", c.userAgent)
	if profileID != "" {
		req.Header.Set("profile-id", profileID)
	}
	if ifMatch != "" {
		req.Header.Set("if-match", ifMatch)
	}
	if err := c.signer.sign(req.Request, body, c.now()); err != nil {
		return nil, cl.transportError(fmt.Errorf("signing request: %w", err))
	}

	resp, doErr := cl.retryingClient().Do(req)
	if resp != nil {
		// The body was already buffered by checkRetry; closing the
		// replacement reader is all that is left.
		_ = resp.Body.Close()
	}
	return cl.finish(ctx, doErr)
}

// closed reports whether ch is a closed channel; a nil channel never is.
func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// retryingClient builds a go-retryablehttp client bound to this call. It is a
// small struct, so one per call costs nothing and lets every hook see the
// call's state without context lookups; the connection pool underneath is
// shared.
func (cl *call) retryingClient() *retryablehttp.Client {
	c := cl.client
	return &retryablehttp.Client{
		HTTPClient: &http.Client{
			Transport:     &attemptTransport{base: c.transport, call: cl},
			Timeout:       c.requestTimeout, // per attempt: retryablehttp calls Do once per attempt
			CheckRedirect: noRedirects,
		},
		// A nil Logger silences retryablehttp's own output; attempts are
		// reported, redacted, through our Logger hook instead.
		Logger:       nil,
		RetryWaitMin: c.retry.waitMin,
		RetryWaitMax: c.retry.waitMax,
		RetryMax:     c.retry.maxRetries,
		CheckRetry:   cl.checkRetry,
		Backoff:      cl.backoff,
		PrepareRetry: cl.prepareRetry,
		// Hand the last response or error back unchanged; finish decides
		// what the caller sees.
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
}
