package simulator

import (
	"log/slog"
	"sync"
	"time"
)

// Simulator is the stateful TMS customer API. It is an http.Handler; use Start to serve it on a
// loopback port. All methods are safe for concurrent use.
type Simulator struct {
	creds     *credentials
	clockSkew time.Duration
	now       func() time.Time
	logger    *slog.Logger // nil: no per-request log lines are built at all
	store     *store
	faults    *faultInjector
	stats     *statsCounter

	hookMu     sync.RWMutex
	beforeHook func(method, route, customerID string)
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
func (s *Simulator) Stats() Stats { return s.stats.snapshot(s.store.count()) }

// ResetStats zeroes every counter; stored customers are kept.
func (s *Simulator) ResetStats() { s.stats.reset() }

// SetBeforeHook installs fn, called for every authenticated /tms request just before the operation
// runs (after faults that pre-empt processing). route is "customers" or "customer"; customerID is
// empty for POST. fn may call the simulator's Go API, e.g. ModifyCustomer to simulate a concurrent
// writer. nil removes the hook.
func (s *Simulator) SetBeforeHook(fn func(method, route, customerID string)) {
	s.hookMu.Lock()
	defer s.hookMu.Unlock()
	s.beforeHook = fn
}

func (s *Simulator) runBeforeHook(method, route, customerID string) {
	s.hookMu.RLock()
	fn := s.beforeHook
	s.hookMu.RUnlock()
	if fn != nil {
		fn(method, route, customerID)
	}
}
