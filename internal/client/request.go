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
}

// Result is a successful answer.
type Result struct {
	Customer      *Customer // nil for DELETE
	ETag          string    // as sent by the server; pass it back as CallOptions.IfMatch
	CorrelationID string
	StatusCode    int
}

// do is the single request path: build, sign, send with retries, log,
// decode. path must already be escaped.
func (c *Client) do(ctx context.Context, method, path string, body []byte, opts CallOptions) (*Result, error) {
	if ctx == nil {
		return nil, errors.New("client: nil context")
	}
	profileID := c.profileID
	if opts.ProfileID != "" {
		if err := checkProfileID(opts.ProfileID); err != nil {
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
		method:     method,
		path:       path,
		body:       body,
		idempotent: method == http.MethodGet || method == http.MethodDelete || ifMatch != "",
		mutating:   method != http.MethodGet,
	}
	cl.logBodies = c.logsBodies(ctx)
	if cl.logBodies && body != nil {
		cl.loggedRequest = redactBody(body)
	}

	var rawBody any // nil, not an empty []byte, so GET/DELETE send no body
	if body != nil {
		rawBody = body
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, c.baseURL.String()+path, rawBody)
	if err != nil {
		return nil, fmt.Errorf("client: building %s %s: %w", method, path, err)
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
		return nil, &TransportError{Method: method, Path: path, Err: fmt.Errorf("signing request: %w", err)}
	}

	resp, doErr := cl.retryingClient().Do(req)
	if resp != nil {
		// The body was already buffered by checkRetry; closing the
		// replacement reader is all that is left.
		_ = resp.Body.Close()
	}
	return cl.finish(ctx, doErr)
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
