package client

import (
	"context"
	"time"
)

// Logger receives one Exchange per attempt. The provider bridges it to a
// tflog subsystem; the client has already redacted everything it passes on,
// so an implementation may log the fields as they are.
type Logger interface {
	LogExchange(ctx context.Context, e Exchange)
}

// BodyLogger is an optional extension of Logger. When the Logger implements
// it, each call first asks whether bodies will be logged and, when they will
// not, leaves RequestBody and ResponseBody empty instead of redacting them:
// redaction re-encodes every body token by token, which is wasted work when
// the log level then drops the result (the usual case: bodies are logged at
// TRACE only). A Logger without it always gets redacted bodies.
type BodyLogger interface {
	LogsBodies(ctx context.Context) bool
}

// logsBodies reports whether this call's bodies should be redacted for the
// Logger.
func (c *Client) logsBodies(ctx context.Context) bool {
	if c.logger == nil {
		return false
	}
	if bl, ok := c.logger.(BodyLogger); ok {
		return bl.LogsBodies(ctx)
	}
	return true
}

// Exchange describes one HTTP attempt. It deliberately carries no headers:
// the interesting ones (signature, Authorization, digest) are secrets or
// noise, and the correlation id is lifted out on its own.
type Exchange struct {
	Method        string
	Path          string
	Attempt       int // 1 for the first try
	StatusCode    int // 0 when no answer arrived
	Duration      time.Duration
	CorrelationID string
	RequestBody   string // redacted JSON, or a placeholder for non-JSON
	ResponseBody  string // likewise
	Err           error  // transport error of this attempt, if any
	WillRetry     bool
	RetryAfter    time.Duration // the wait before the next attempt when WillRetry
}

// logAttempt reports one attempt to the Logger, redacted.
func (cl *call) logAttempt(ctx context.Context, duration time.Duration, willRetry bool) {
	logger := cl.client.logger
	if logger == nil {
		return
	}
	e := Exchange{
		Method:      cl.method,
		Path:        cl.path,
		Attempt:     cl.attempt,
		Duration:    duration,
		RequestBody: cl.loggedRequest,
		Err:         cl.err,
		WillRetry:   willRetry,
	}
	if willRetry {
		e.RetryAfter = cl.wait
	}
	if cl.resp != nil {
		e.StatusCode = cl.resp.StatusCode
		e.CorrelationID = cl.resp.Header.Get(headerCorrelationID)
		if cl.logBodies {
			e.ResponseBody = redactBody(cl.respBody)
		}
	}
	logger.LogExchange(ctx, e)
}
