package simulator

import (
	"crypto/tls"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fault kinds, the keys of Stats.FaultsInjected.
const (
	FaultLatency  = "latency"
	Fault429      = "429"
	Fault503      = "503"
	Fault502After = "502-after"
	FaultReset    = "reset"
)

// gateway502Body imitates the HTML page a load balancer in front of an API answers with: the
// client must cope with a body that is not CyberSource JSON (tms-api.md §4).
const gateway502Body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"

// faultDecision is what happens to one request.
type faultDecision struct {
	delay time.Duration
	kind  string // "" or one of the Fault* kinds other than latency
}

// faultInjector draws every decision from one seeded RNG under a mutex, so a sequential run with the
// same Seed injects the same faults on the same requests.
type faultInjector struct {
	mu           sync.Mutex
	cfg          Faults
	rng          *rand.Rand
	methods      map[string]bool // nil = all
	resetMethods map[string]bool // nil = all
}

func newFaultInjector(cfg Faults) *faultInjector {
	f := &faultInjector{}
	f.set(cfg)
	return f
}

func (f *faultInjector) set(cfg Faults) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cfg = cfg
	f.rng = rand.New(rand.NewPCG(uint64(cfg.Seed), uint64(cfg.Seed)^0x9e3779b97f4a7c15))
	f.methods = methodSet(cfg.Methods)
	f.resetMethods = f.methods
	if len(cfg.ResetMethods) > 0 {
		f.resetMethods = methodSet(cfg.ResetMethods)
	}
}

func methodSet(methods []string) map[string]bool {
	if len(methods) == 0 {
		return nil
	}
	m := map[string]bool{}
	for _, method := range methods {
		m[strings.ToUpper(strings.TrimSpace(method))] = true
	}
	return m
}

func (f *faultInjector) active() bool {
	c := f.cfg
	return c.Latency > 0 || c.Jitter > 0 || c.Rate429 > 0 || c.Rate503 > 0 || c.Rate502After > 0 || c.RateReset > 0
}

// decide draws the fate of one request. For an affected method it always draws the same number of
// values, whichever fault fires, to keep sequences stable when only one rate changes.
func (f *faultInjector) decide(method string) faultDecision {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.active() {
		return faultDecision{}
	}
	var d faultDecision
	if f.methods == nil || f.methods[method] {
		d.delay = f.cfg.Latency
		if f.cfg.Jitter > 0 {
			d.delay += time.Duration(f.rng.Int64N(int64(f.cfg.Jitter)))
		}
		r429, r503, r502 := f.rng.Float64(), f.rng.Float64(), f.rng.Float64()
		switch {
		case r429 < f.cfg.Rate429:
			d.kind = Fault429
		case r503 < f.cfg.Rate503:
			d.kind = Fault503
		case r502 < f.cfg.Rate502After:
			d.kind = Fault502After
		}
	}
	if f.resetMethods == nil || f.resetMethods[method] {
		if f.rng.Float64() < f.cfg.RateReset {
			d.kind = FaultReset // a reset pre-empts any answer
		}
	}
	return d
}

// retryAfterSeconds is the Retry-After value: whole seconds, rounded up.
func (f *faultInjector) retryAfterSeconds() string {
	f.mu.Lock()
	d := f.cfg.RetryAfter
	f.mu.Unlock()
	switch {
	case d == 0:
		d = time.Second
	case d < 0:
		d = 0
	}
	return strconv.FormatInt(int64(math.Ceil(d.Seconds())), 10)
}

// tooManyRequestsReply is the gateway's throttling answer; nothing was processed (inferred,
// tms-api.md §1).
func tooManyRequestsReply(retryAfter string) *reply {
	rep := errorReply(http.StatusTooManyRequests, "tooManyRequests", "Too many requests; retry after "+retryAfter+" seconds")
	rep.header = http.Header{"Retry-After": {retryAfter}}
	return rep
}

// serviceUnavailableReply is a 503 given before the request was processed; Retry-After says it is
// safe to try again, POST included (tms-api.md §6).
func serviceUnavailableReply(retryAfter string) *reply {
	rep := errorReply(http.StatusServiceUnavailable, errServerError, "Service temporarily unavailable; the request was not processed")
	rep.header = http.Header{"Retry-After": {retryAfter}}
	return rep
}

// badGatewayReply replaces an answer that was lost after the change was applied.
func badGatewayReply() *reply {
	return &reply{status: http.StatusBadGateway, body: []byte(gateway502Body), contentType: "text/html"}
}

// resetConnection drops the connection with a TCP RST (SO_LINGER 0) so the client sees "connection
// reset" rather than a clean close. Where the connection cannot be hijacked (HTTP/2, recorders),
// http.ErrAbortHandler makes the server abort the stream or connection instead.
func resetConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			raw := conn
			if tc, ok := conn.(*tls.Conn); ok {
				raw = tc.NetConn()
			}
			if tcp, ok := raw.(*net.TCPConn); ok {
				_ = tcp.SetLinger(0) // best effort: a plain close still ends the exchange without an answer
			}
			_ = raw.Close() // closing the raw connection skips the TLS close_notify, like a crash would
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// sleepFor waits d or until the client gives up.
func sleepFor(r *http.Request, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
	}
}
