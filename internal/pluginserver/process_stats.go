package pluginserver

import "runtime/metrics"

// ProcessStats is what <pid>.stats.json holds: totals over the process's life, read as it exits.
type ProcessStats struct {
	// UserCPUSeconds and SystemCPUSeconds are the kernel's accounting of the process (getrusage),
	// MaxRSSBytes its peak resident set (VmHWM, Linux only). Zero where unavailable.
	UserCPUSeconds   float64 `json:"user_cpu_seconds"`
	SystemCPUSeconds float64 `json:"system_cpu_seconds"`
	MaxRSSBytes      uint64  `json:"max_rss_bytes"`
	// The rest comes from runtime/metrics. Allocation totals are exact (the allocation profile
	// is sampled). The GC CPU figures are the runtime's estimates; GCIdleCPUSeconds is mark work
	// done on processors that had nothing else to run, which a smaller GOMAXPROCS does not spend.
	AllocBytes       uint64  `json:"alloc_bytes"`
	AllocObjects     uint64  `json:"alloc_objects"`
	GCCycles         uint64  `json:"gc_cycles"`
	GCCPUSeconds     float64 `json:"gc_cpu_seconds"`
	GCIdleCPUSeconds float64 `json:"gc_idle_cpu_seconds"`
	GOMAXPROCS       uint64  `json:"gomaxprocs"`
	GCPercent        uint64  `json:"gc_percent"`
	MemoryLimitBytes uint64  `json:"memory_limit_bytes"`
}

// CPUSeconds is the process's user plus system time.
func (s ProcessStats) CPUSeconds() float64 { return s.UserCPUSeconds + s.SystemCPUSeconds }

func readProcessStats() ProcessStats {
	var stats ProcessStats
	readProcessUsage(&stats)
	fields := map[string]any{
		"/gc/heap/allocs:bytes":                 &stats.AllocBytes,
		"/gc/heap/allocs:objects":               &stats.AllocObjects,
		"/gc/cycles/total:gc-cycles":            &stats.GCCycles,
		"/cpu/classes/gc/total:cpu-seconds":     &stats.GCCPUSeconds,
		"/cpu/classes/gc/mark/idle:cpu-seconds": &stats.GCIdleCPUSeconds,
		"/sched/gomaxprocs:threads":             &stats.GOMAXPROCS,
		"/gc/gogc:percent":                      &stats.GCPercent,
		"/gc/gomemlimit:bytes":                  &stats.MemoryLimitBytes,
	}
	samples := make([]metrics.Sample, 0, len(fields))
	for name := range fields {
		samples = append(samples, metrics.Sample{Name: name})
	}
	metrics.Read(samples)
	for _, sample := range samples {
		switch field := fields[sample.Name].(type) {
		case *uint64:
			if sample.Value.Kind() == metrics.KindUint64 {
				*field = sample.Value.Uint64()
			}
		case *float64:
			if sample.Value.Kind() == metrics.KindFloat64 {
				*field = sample.Value.Float64()
			}
		}
	}
	return stats
}
