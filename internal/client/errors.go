package client

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// APIError is any non-2xx answer from CyberSource. Its Error text is meant
// to be shown to a user as is: status, CyberSource error type and message,
// the fields at fault and the correlation id that CyberSource support asks
// for (tms-api.md §2, §4).
type APIError struct {
	StatusCode          int
	Status              string // e.g. "404 Not Found"
	Type                string // errors[0].type, or empty
	Message             string // errors[0].message, or the 401 rmsg
	Details             []ErrorDetail
	CorrelationID       string // v-c-correlation-id response header
	UniqueTransactionID string // uniqueTransactionID response header
	Method              string
	Path                string // API path and query, e.g. /tms/v2/customers/X
	URL                 string // the whole URL requested, host included
	Attempts            int    // how many times the request was sent; more than 1 after retries
	// Interrupted is true when a retry was due but not made because the caller asked to stop
	// (CallOptions.Interrupt).
	Interrupted bool
	// BodySnippet is a bounded (≤ 512 bytes), sanitised copy of the body,
	// set only when the body did not decode into a type or message (an HTML
	// page from a proxy, an empty or truncated body).
	BodySnippet string
	// MayHaveBeenApplied is true when the server may have carried out the
	// request despite the error, e.g. a POST answered 500/502/504: the
	// customer may exist. Callers must not blindly repeat the request.
	MayHaveBeenApplied bool
}

// ErrorDetail names a field at fault (400 answers).
type ErrorDetail struct {
	Name     string `json:"name"`
	Location string `json:"location"`
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("CyberSource returned ")
	b.WriteString(e.statusText())
	if target := requestTarget(e.Method, e.Path, e.URL); target != "" {
		b.WriteString(" for " + target)
	}
	switch {
	case e.Type != "" && e.Message != "":
		b.WriteString(": " + e.Type + ": " + e.Message)
	case e.Message != "":
		b.WriteString(": " + e.Message)
	case e.Type != "":
		b.WriteString(": " + e.Type)
	case e.BodySnippet != "":
		b.WriteString(": unexpected response body: " + e.BodySnippet)
	}
	if len(e.Details) > 0 {
		b.WriteString("; fields at fault: ")
		for i, d := range e.Details {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(d.Name)
			if d.Location != "" {
				b.WriteString(" (" + d.Location + ")")
			}
		}
	}
	b.WriteString(attemptsText(e.Attempts, e.Interrupted))
	if e.MayHaveBeenApplied {
		b.WriteString("; the request may nevertheless have been applied")
	}
	if e.CorrelationID != "" {
		b.WriteString("; correlation id " + e.CorrelationID)
	}
	return b.String()
}

func (e *APIError) statusText() string {
	if e.Status != "" {
		return e.Status
	}
	if text := http.StatusText(e.StatusCode); text != "" {
		return strconv.Itoa(e.StatusCode) + " " + text
	}
	return "HTTP " + strconv.Itoa(e.StatusCode)
}

// TransportError is a request that got no usable HTTP answer: dial, TLS,
// timeout, reset, cancellation, or a 2xx body that could not be decoded.
type TransportError struct {
	Method   string
	Path     string // API path and query
	URL      string // the whole URL requested, host included
	Err      error
	Attempts int // how many attempts were started; 0 when nothing was sent
	// Interrupted is true when a retry was due but not made because the caller asked to stop.
	Interrupted bool
	// MayHaveBeenApplied is true when the request was sent and the outcome
	// is unknown (a POST that timed out, a connection reset after writing).
	MayHaveBeenApplied bool
}

func (e *TransportError) Error() string {
	msg := "request " + requestTarget(e.Method, e.Path, e.URL) + " failed: "
	if e.Err != nil {
		cause := e.Err.Error()
		var urlErr *url.Error
		if errors.As(e.Err, &urlErr) && urlErr.Err != nil {
			// net/http's *url.Error repeats the method and the URL this message already names.
			cause = strings.Replace(cause, urlErr.Error(), urlErr.Err.Error(), 1)
		}
		msg += cause
	} else {
		msg += "unknown error"
	}
	msg += attemptsText(e.Attempts, e.Interrupted)
	if e.MayHaveBeenApplied {
		msg += "; the request may have reached CyberSource and been applied"
	}
	return msg
}

// Unwrap exposes the cause, so errors.Is(err, context.Canceled) works.
func (e *TransportError) Unwrap() error { return e.Err }

// requestTarget is "METHOD URL" (or the path when the URL is not known).
func requestTarget(method, path, url string) string {
	if url != "" {
		path = url
	}
	return strings.TrimSpace(method + " " + path)
}

// attemptsText tells how often a request was tried, when that is more than once, and whether
// retrying stopped early because the caller asked to stop.
func attemptsText(attempts int, interrupted bool) string {
	var text string
	if attempts > 1 {
		text = "; " + strconv.Itoa(attempts) + " attempts were made"
	}
	if interrupted {
		text += "; no further retry was made because the operation was asked to stop"
	}
	return text
}

// IsNotFound reports a 404 or 410: tms-api.md §4 says both mean the customer
// is gone (410 once it has been deleted).
func IsNotFound(err error) bool {
	return hasStatus(err, http.StatusNotFound, http.StatusGone)
}

// IsPreconditionFailed reports a 412: the if-match ETag was stale.
func IsPreconditionFailed(err error) bool {
	return hasStatus(err, http.StatusPreconditionFailed)
}

// IsAuthFailure reports a 401 or 403: bad credentials or a profile that may
// not perform the operation.
func IsAuthFailure(err error) bool {
	return hasStatus(err, http.StatusUnauthorized, http.StatusForbidden)
}

// MayHaveBeenApplied reports an ambiguous failure: the request may have taken
// effect (e.g. a POST that created a customer whose id we never learned).
func MayHaveBeenApplied(err error) bool {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.MayHaveBeenApplied
	}
	var tErr *TransportError
	if errors.As(err, &tErr) {
		return tErr.MayHaveBeenApplied
	}
	return false
}

func hasStatus(err error, codes ...int) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	for _, c := range codes {
		if apiErr.StatusCode == c {
			return true
		}
	}
	return false
}
