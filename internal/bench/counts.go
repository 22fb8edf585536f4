package bench

import (
	"maps"
	"strings"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// simCounts is what one phase reads from the simulator's counters after a
// ResetStats at its start.
type simCounts struct {
	calls       map[string]int // TMS requests received, by method
	byRoute     map[string]int // TMS requests answered, by "METHOD route" (any status)
	connections int
	faults      int
}

// readCounts converts the simulator's Stats into the benchmark's counts.
// Calls come from ByMethod, which counts every /tms request received (a
// connection reset included), so a retried request always shows up as an
// extra call; the simulator's own /__simulator endpoints are not counted.
func readCounts(sim *simulator.Simulator) simCounts {
	stats := sim.Stats()
	counts := simCounts{calls: maps.Clone(stats.ByMethod), byRoute: map[string]int{}, connections: stats.ConnectionsAccepted}
	if counts.calls == nil {
		counts.calls = map[string]int{}
	}
	for key, n := range stats.Requests { // "METHOD route status"
		if i := strings.LastIndexByte(key, ' '); i > 0 {
			counts.byRoute[key[:i]] += n
		}
	}
	for kind, n := range stats.FaultsInjected {
		// The fixed latency is recorded as a fault kind too, but it is the
		// benchmark's premise, not a failure.
		if kind != simulator.FaultLatency {
			counts.faults += n
		}
	}
	return counts
}
