package simulator

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

const (
	adminPrefix = "/__simulator/"
	tmsPrefix   = "/tms/"
	// maxBodyBytes bounds what one request may make the simulator buffer; a customer is < 2 KiB.
	maxBodyBytes = 1 << 20
)

// ServeHTTP serves /tms routes (with faults, authentication, stats and a log line) and the
// unauthenticated /__simulator/ routes (without any of those). Other paths are authenticated and
// answered 404 like an unknown /tms path, but never get faults.
func (s *Simulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, adminPrefix) {
		s.serveAdmin(w, r)
		return
	}
	start := time.Now()
	rt, ids := matchRoute(r.URL.Path)
	route := routeUnknown
	if rt != nil {
		route = rt.name
	}
	s.stats.countReceived(r.Method)
	var fault faultDecision
	if strings.HasPrefix(r.URL.Path, tmsPrefix) { // faults model the CyberSource gateway: /tms only
		fault = s.faults.decide(r.Method)
	}
	if fault.delay > 0 {
		s.stats.countFault(FaultLatency)
		sleepFor(r, fault.delay)
	}
	if fault.kind != "" {
		s.stats.countFault(fault.kind)
	}

	var rep *reply
	switch fault.kind {
	case FaultReset:
		s.logRequest(r, route, &ids, 0, fault.kind, "", "", start)
		resetConnection(w)
		return
	case Fault429:
		rep = tooManyRequestsReply(s.faults.retryAfterSeconds())
	case Fault503:
		rep = serviceUnavailableReply(s.faults.retryAfterSeconds())
	default:
		rep = s.process(r, rt, ids)
		if fault.kind == Fault502After {
			rep = badGatewayReply()
		}
	}
	correlationID := writeReply(w, rep)
	s.stats.countAnswer(r.Method, route, rep.status)
	s.logRequest(r, route, &ids, rep.status, fault.kind, rep.authFailure, correlationID, start)
}

// process authenticates and runs one /tms request.
func (s *Simulator) process(r *http.Request, rt *route, ids pathIDs) *reply {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return errorReply(http.StatusRequestEntityTooLarge, errInvalidRequest, "The request body is too large")
		}
		return errorReply(http.StatusBadRequest, errInvalidRequest, "The request body could not be read")
	}
	merchantID, err := s.authenticate(r, body)
	if err != nil {
		return authFailedReply(err.Error())
	}
	return s.dispatch(r, rt, ids, merchantID, body)
}

// writeReply writes rep with the headers every answer carries (tms-api.md §2) and returns the
// correlation id for the log.
func writeReply(w http.ResponseWriter, rep *reply) string {
	h := w.Header()
	for k, v := range rep.header {
		h[k] = v
	}
	correlationID := newCorrelationID()
	h.Set("v-c-correlation-id", correlationID)
	h.Set("uniqueTransactionID", newUniqueTransactionID())
	if len(rep.body) > 0 {
		contentType := rep.contentType
		if contentType == "" {
			contentType = "application/json;charset=utf-8"
		}
		h.Set("Content-Type", contentType)
	}
	w.WriteHeader(rep.status)
	if len(rep.body) > 0 {
		_, _ = w.Write(rep.body) // a client that went away is not the simulator's problem
	}
	return correlationID
}

// logRequest writes the one line per request. The authentication failure reason is logged here and
// nowhere else: the 401 body never says why (tms-api.md §4).
func (s *Simulator) logRequest(r *http.Request, route string, ids *pathIDs, status int, fault, authFailure, correlationID string, start time.Time) {
	if s.logger == nil {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", r.Method),
		slog.String("path", r.URL.RequestURI()),
		slog.String("route", route),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
	}
	if m := r.Header.Get("v-c-merchant-id"); m != "" {
		attrs = append(attrs, slog.String("merchant", m))
	}
	for i := range ids.n {
		attrs = append(attrs, slog.String(ids.params[i].logKey, ids.values[i]))
	}
	if correlationID != "" {
		attrs = append(attrs, slog.String("correlation_id", correlationID))
	}
	if fault != "" {
		attrs = append(attrs, slog.String("fault", fault))
	}
	if authFailure != "" {
		attrs = append(attrs, slog.String("auth_failure", authFailure))
	}
	s.logger.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
}
