package bench

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/pluginserver"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// readExitReports reads the <pid>.stats.json files the provider processes of
// one command wrote as they exited (pluginserver.StatsDirVariable).
func readExitReports(dir string) ([]pluginserver.ProcessStats, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.stats.json"))
	if err != nil {
		return nil, err
	}
	reports := make([]pluginserver.ProcessStats, 0, len(paths))
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var stats pluginserver.ProcessStats
		if err := json.Unmarshal(data, &stats); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		reports = append(reports, stats)
	}
	return reports, nil
}

// measureCommand combines a command's result, the simulator's counters and
// the provider processes' exit reports. A process's own CPU time read at exit
// is exact, where the /proc sampler misses each process's last interval, so
// the reports win; the sampler's figures remain for a process that was killed
// before it could report.
func measureCommand(result *tfrun.Result, counts simCounts, statsDir string) (commandMeasure, error) {
	reports, err := readExitReports(statsDir)
	if err != nil {
		return commandMeasure{}, err
	}
	m := commandMeasure{
		wallSeconds: result.Duration.Seconds(),
		counts:      counts,
		peakRSSMiB:  float64(result.ProviderPeakRSS) / (1 << 20),
		processes:   max(result.ProviderProcesses, len(reports)),
		cpuSeconds:  result.ProviderCPU.Seconds(),
	}
	var reportedCPU float64
	for _, r := range reports {
		reportedCPU += r.CPUSeconds()
		m.allocBytes += r.AllocBytes
		m.peakRSSMiB = max(m.peakRSSMiB, float64(r.MaxRSSBytes)/(1<<20))
	}
	switch {
	case len(reports) == 0:
		m.note = "provider processes wrote no exit reports: CPU sampled from /proc, allocations unknown"
	case len(reports) < result.ProviderProcesses:
		m.cpuSeconds = max(m.cpuSeconds, reportedCPU)
		m.note = fmt.Sprintf("%d of %d provider processes wrote exit reports: CPU partly sampled", len(reports), result.ProviderProcesses)
	default:
		m.cpuSeconds = reportedCPU
	}
	if len(reports) > 0 {
		m.runtime = describeRuntime(reports[0])
	}
	m.terraformCPUSeconds = max(0, result.TotalCPU.Seconds()-m.cpuSeconds)
	return m, nil
}

// describeRuntime renders a process's runtime settings the way the variables
// that choose them are written.
func describeRuntime(s pluginserver.ProcessStats) string {
	limit := "off"
	if s.MemoryLimitBytes != 0 && s.MemoryLimitBytes < math.MaxInt64 {
		limit = fmt.Sprintf("%dMiB", s.MemoryLimitBytes>>20)
	}
	return fmt.Sprintf("GOGC=%d GOMAXPROCS=%d GOMEMLIMIT=%s", s.GCPercent, s.GOMAXPROCS, limit)
}
