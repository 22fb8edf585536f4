package pluginserver

import (
	"runtime"
	"runtime/debug"
	"strconv"
)

// The provider process sets three Go runtime defaults at startup, each only when the user has
// not chosen one with the runtime's own variable (GOGC, GOMAXPROCS, GOMEMLIMIT), which then wins
// unchanged.
//
// Why: a provider process keeps a live heap of a few MiB but allocates about 5 MiB per resource
// over a lifecycle (docs/development/framework-costs.md). Under Go's defaults its GC target stays
// near the runtime's 4 MiB minimum, so it collects every few MiB it allocates: 17.5 % of its CPU
// in the profile, 100 collections for 389 MB in one plan. And it waits on Terraform and the API
// most of the time, so with a processor per core the runtime keeps waking idle processors and
// marking garbage on them, CPU that a 2-core machine would rather give to Terraform core.
//
// Measured with `go run ./cmd/cybersource-bench -provider-ldflags '-X ...'` on 2 cores, N=200,
// 50 ms latency, four interleaved runs per setting (medians; provider CPU per resource summed over
// create, refresh, update and destroy; ratio to the one-attribute floor provider of the same run):
//
//	GOGC  GOMAXPROCS  GOMEMLIMIT   -parallelism 10: CPU  ratio  wall   RSS  | -parallelism 50: CPU  wall   RSS
//	100   2 (Go's)    off          30.7 ms   1.85   13.2 s  32 MiB         | 26.8 ms  13.3 s  38 MiB
//	400   2           48 MiB       23.5 ms   1.46   11.8 s  47 MiB         | 21.4 ms  12.6 s  60 MiB
//	200   1           48 MiB       21.5 ms   1.36   11.5 s  35 MiB         |
//	400   1           48 MiB       20.6 ms   1.33   11.5 s  44 MiB         | 18.8 ms  13.1 s  59 MiB
//
// So the three together take a third off the provider's CPU and lose no wall time at either
// parallelism against Go's defaults; `make bench` (three runs each, 2026-11-30) gives 7.1 / 5.5 /
// 10.6 / 8.3 -> 4.1 / 3.3 / 6.8 / 5.2 ms per resource for create / refresh / update / destroy,
// and at N=1000 the same wall times (Terraform-bound) with peak RSS 34 -> 48 MiB at
// -parallelism 10 and 61 MiB at 50, within the 64 MiB target. One processor was slower than two
// by 0-15 % per phase at -parallelism 50, within the runs' spread, and also under heavy load
// from other processes, where the kernel gives a one-thread process a smaller share of a busy
// machine. On one core (taskset -c 0; GOMAXPROCS is 1 either way) only the GC target acts, and
// it took about a tenth off (one run each).
//
// They are strings so that the benchmark can link others in to measure them, e.g.
// -provider-ldflags '-X <this package>.defaultGCPercent=200'; "" leaves the runtime's own default.
var (
	// defaultGCPercent replaces GOGC's 100: the heap goal becomes at least 16 MiB instead of
	// 4 MiB, and a 200-resource create collects 16 times instead of 87 (update 27 instead of 145),
	// which takes the runtime's estimate of GC CPU from 22-25 % of the provider's to 4-6 %. 200 was
	// within the runs' spread of 400 (4 % more CPU) at 9 MiB less RSS; the limit below keeps 400
	// safe.
	defaultGCPercent = "400"
	// defaultMaxProcsDivisor divides the processors Go would use (GOMAXPROCS's default, which
	// follows CPU affinity and cgroup limits): 2 gives the provider half of them, at least one.
	// Not simply 1: the provider's CPU is 26-42 % of the provider's and Terraform core's together
	// in every phase (-parallelism 50), so on a machine with many cores, where Terraform core can
	// run in parallel, a single processor could become the bottleneck (a 200-resource create
	// needs 0.8 s of provider CPU while the API allows it in 0.2 s), and half the cores leaves the
	// provider more capacity than its share. On 2 cores, the only size measured, it is 1, and the
	// provider used at most half of that processor (CPU time / wall time 0.24-0.45).
	defaultMaxProcsDivisor = "2"
	// defaultMemoryLimitMiB is a safety net for the heap that defaultGCPercent lets grow: a soft
	// limit on Go's own memory, about 10-12 MiB below the RSS it allows (binary text and other
	// non-Go pages), so the process stays under the 64 MiB target however large its live heap
	// gets short of the limit. At the sizes measured it hardly engaged (N=200, -parallelism 50,
	// two runs each: peak RSS 49-59 MiB without it, 46-58 MiB with it, CPU within the spread).
	// Past it the collector runs more often (at most half the CPU, the runtime's own cap), so it
	// sits far above the provider's usual live heap of a few MiB.
	defaultMemoryLimitMiB = "48"
)

// runtimeKnobs are the runtime functions the settings call; tests replace them.
type runtimeKnobs struct {
	setGCPercent   func(int) int
	maxProcs       func(int) int // runtime.GOMAXPROCS: 0 queries, n > 0 sets
	setMemoryLimit func(int64) int64
}

var goRuntime = runtimeKnobs{
	setGCPercent:   debug.SetGCPercent,
	maxProcs:       runtime.GOMAXPROCS,
	setMemoryLimit: debug.SetMemoryLimit,
}

// runtimeSetting is one default and the variable that overrides it.
type runtimeSetting struct {
	variable string // the runtime's own variable; when set, the user has chosen
	value    string // the default, "" for none
	apply    func(knobs runtimeKnobs, value int64)
}

func runtimeSettings() []runtimeSetting {
	return []runtimeSetting{
		{variable: "GOGC", value: defaultGCPercent, apply: func(k runtimeKnobs, percent int64) {
			k.setGCPercent(int(percent))
		}},
		{variable: "GOMAXPROCS", value: defaultMaxProcsDivisor, apply: func(k runtimeKnobs, divisor int64) {
			k.maxProcs(max(1, k.maxProcs(0)/int(divisor)))
		}},
		{variable: "GOMEMLIMIT", value: defaultMemoryLimitMiB, apply: func(k runtimeKnobs, mib int64) {
			k.setMemoryLimit(mib << 20)
		}},
	}
}

// applyRuntimeSettings applies every default whose variable getenv reports unset. A default that
// is not a positive number is ignored: it can only come from a mistyped -ldflags.
func applyRuntimeSettings(getenv func(string) string, knobs runtimeKnobs) {
	for _, s := range runtimeSettings() {
		if getenv(s.variable) != "" || s.value == "" {
			continue
		}
		value, err := strconv.ParseInt(s.value, 10, 64)
		if err != nil || value <= 0 {
			continue
		}
		s.apply(knobs, value)
	}
}
