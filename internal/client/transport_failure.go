package client

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"syscall"
)

// TransportFailure says, in terms a user can act on, why a request got no usable answer. The
// provider picks its diagnostic's summary and advice from it: a certificate problem and a
// refused connection need different fixes, and only some failures are worth retrying.
type TransportFailure int

const (
	// FailureOther is anything not classified below.
	FailureOther TransportFailure = iota
	// FailureNotSent: the call was interrupted before anything was sent (ErrInterrupted).
	FailureNotSent
	// FailureCanceled: the caller's context was cancelled.
	FailureCanceled
	// FailureDNS: the host name could not be resolved.
	FailureDNS
	// FailureTLS: no TLS session: the server's certificate is not trusted or does not match the
	// host, or the server does not speak TLS.
	FailureTLS
	// FailureConnect: no connection: refused, unreachable, or the dial timed out.
	FailureConnect
	// FailureTimeout: the request was sent but no answer came in time.
	FailureTimeout
	// FailureConnectionLost: the connection broke after the request was sent.
	FailureConnectionLost
	// FailureUnusableAnswer: a success answer whose body could not be read or decoded.
	FailureUnusableAnswer
)

// errUnusableAnswer marks a 2xx answer that could not be used (empty or undecodable body).
var errUnusableAnswer = errors.New("the answer could not be used")

// Failure classifies e; see TransportFailure. The order matters: a cancelled dial is a
// cancellation, not a connection problem.
func (e *TransportError) Failure() TransportFailure {
	err := e.Err
	var (
		dnsErr *net.DNSError
		opErr  *net.OpError
		netErr net.Error
	)
	switch {
	case errors.Is(err, ErrInterrupted):
		return FailureNotSent
	case errors.Is(err, context.Canceled):
		return FailureCanceled
	case errors.Is(err, errUnusableAnswer):
		return FailureUnusableAnswer
	case errors.As(err, &dnsErr):
		return FailureDNS
	case permanentTransportError(err), isTLSHandshakeFailure(err):
		return FailureTLS
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return FailureConnect
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return FailureTimeout
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.EPIPE):
		return FailureConnectionLost
	}
	return FailureOther
}

// isTLSHandshakeFailure recognises handshake failures that are not certificate errors, such as
// an alert from the server.
func isTLSHandshakeFailure(err error) bool {
	var alert tls.AlertError
	return errors.As(err, &alert)
}
