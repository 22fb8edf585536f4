package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// retryPolicy holds the validated retry settings of a Client.
type retryPolicy struct {
	maxRetries    int
	waitMin       time.Duration
	waitMax       time.Duration
	maxRetryAfter time.Duration
}

// backoff is exponential with "equal jitter": the n-th retry waits between
// half and all of waitMin·2ⁿ⁻¹ (capped at waitMax), never less than waitMin.
// The random half spreads out clients that failed together (terraform runs
// ten requests at once) without ever retrying immediately.
func (p retryPolicy) backoff(retry int) time.Duration {
	d := p.waitMin
	for i := 1; i < retry && d < p.waitMax; i++ {
		d *= 2
	}
	d = min(d, p.waitMax)
	half := d / 2
	if half > 0 {
		d = half + rand.N(half+1)
	}
	return max(d, p.waitMin)
}

// retryAfter parses a Retry-After header: delay-seconds or an HTTP-date
// (RFC 9110 §10.2.3). The result is capped at maxRetryAfter so that a
// misbehaving server cannot park terraform for hours; ok is false when the
// header is absent or unparseable.
func (p retryPolicy) retryAfter(header string, now time.Time) (time.Duration, bool) {
	header = strings.TrimSpace(header)
	if header == "" {
		return 0, false
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(header, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(p.maxRetryAfter/time.Second)+1 {
			return p.maxRetryAfter, true // also avoids overflow on absurd values
		}
		d = time.Duration(secs) * time.Second
	} else if at, err := http.ParseTime(header); err == nil {
		d = max(at.Sub(now), 0)
	} else {
		return 0, false
	}
	return min(d, p.maxRetryAfter), true
}

// retryableStatus applies tms-api.md §6. 429 and 503 mean "not processed, come
// back later" and are safe for every method; 502 and 504 mean a gateway lost
// track of a request that may have been processed, so only idempotent
// requests repeat them. Everything else (4xx, 500) is final.
func retryableStatus(code int, idempotent bool) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return true
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return idempotent
	default:
		return false
	}
}

// ambiguousStatus marks answers after which a mutating request may or may
// not have been carried out.
func ambiguousStatus(code int) bool {
	return code == http.StatusInternalServerError || code == http.StatusBadGateway || code == http.StatusGatewayTimeout
}

// retryableTransportError decides for a request that got no answer. A
// request that never left this machine (dial error, or the headers were
// never written) is safe to repeat whatever its method; one that was sent is
// repeated only when idempotent. Certificate and configuration errors are
// never retried: they will not fix themselves.
func retryableTransportError(err error, sent, idempotent bool) bool {
	if permanentTransportError(err) {
		return false
	}
	if !sent || isDialError(err) {
		return true
	}
	return idempotent
}

func isDialError(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr)
}

func permanentTransportError(err error) bool {
	var (
		unknownAuthority *x509.UnknownAuthorityError
		unknownValue     x509.UnknownAuthorityError
		invalidCert      x509.CertificateInvalidError
		hostnameErr      x509.HostnameError
		verifyErr        *tls.CertificateVerificationError
		recordHeaderErr  tls.RecordHeaderError // e.g. https to a plain-http port
	)
	return errors.As(err, &unknownAuthority) || errors.As(err, &unknownValue) || errors.As(err, &invalidCert) ||
		errors.As(err, &hostnameErr) || errors.As(err, &verifyErr) ||
		errors.As(err, &recordHeaderErr)
}

// fitsDeadline reports whether waiting d still leaves the context time for
// another attempt; if not, returning the real error now beats a
// "context deadline exceeded" later.
func fitsDeadline(ctx context.Context, d time.Duration, now time.Time) bool {
	deadline, ok := ctx.Deadline()
	return !ok || now.Add(d).Before(deadline)
}
