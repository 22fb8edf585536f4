package simulator

import (
	"log/slog"
	"sync"
	"time"
)

// Simulator is the stateful TMS API: customers, their shipping addresses and payment instruments,
// and instrument identifiers. It is an http.Handler; use Start to serve it on a loopback port. All
// methods are safe for concurrent use.
type Simulator struct {
	creds     *credentials
	clockSkew time.Duration
	now       func() time.Time
	logger    *slog.Logger // nil: no per-request log lines are built at all
	store     *store
	faults    *faultInjector
	stats     *statsCounter

	hookMu     sync.RWMutex
	beforeHook func(method, route, id string)
}

// New returns a simulator configured by opts (see Options for the defaults).
func New(opts Options) *Simulator {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &Simulator{
		creds:     newCredentials(opts),
		clockSkew: opts.clockSkew(),
		now:       now,
		logger:    opts.Logger,
		store:     newStore(),
		faults:    newFaultInjector(opts.Faults),
		stats:     newStatsCounter(),
	}
}

// SetFaults replaces the fault configuration and reseeds the RNG with f.Seed.
func (s *Simulator) SetFaults(f Faults) { s.faults.set(f) }

// Stats returns a snapshot of the counters.
func (s *Simulator) Stats() Stats { return s.stats.snapshot(s.store.counts()) }

// ResetStats zeroes every counter; stored objects are kept.
func (s *Simulator) ResetStats() { s.stats.reset() }

// SetBeforeHook installs fn, called for every authenticated /tms request that passed the
// request-level checks, just before the operation runs (and never for requests that faults
// pre-empt). route is the route's stats name (see Stats.Requests). id is the id the path ends
// with: the addressed object's on an item route ("customer", "shipping-address", …), the owner's
// on a collection or list below one (the customer's for "shipping-addresses" and
// "payment-instruments", the identifier's for "instrument-identifier-payment-instruments"), and
// "" on a top-level collection ("customers", "instrument-identifiers"). fn may call the
// simulator's Go API, e.g. Modify to simulate a concurrent writer. nil removes the hook.
func (s *Simulator) SetBeforeHook(fn func(method, route, id string)) {
	s.hookMu.Lock()
	defer s.hookMu.Unlock()
	s.beforeHook = fn
}

func (s *Simulator) runBeforeHook(method, route, id string) {
	s.hookMu.RLock()
	fn := s.beforeHook
	s.hookMu.RUnlock()
	if fn != nil {
		fn(method, route, id)
	}
}
