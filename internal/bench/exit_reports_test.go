package bench

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/pluginserver"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

func writeExitReport(t *testing.T, dir string, pid int, stats pluginserver.ProcessStats) {
	t.Helper()
	data, err := json.Marshal(stats)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, strconv.Itoa(pid)+".stats.json"), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// sampledResult is what tfrun's /proc sampler saw: a little less CPU than the
// processes report, because it misses each one's last interval.
func sampledResult(processes int) *tfrun.Result {
	return &tfrun.Result{
		Duration: 2 * time.Second, ProviderPeakRSS: 30 << 20, ProviderProcesses: processes,
		ProviderCPU: 900 * time.Millisecond, TotalCPU: 3 * time.Second,
	}
}

func TestMeasureCommandPrefersExitReports(t *testing.T) {
	dir := t.TempDir()
	writeExitReport(t, dir, 1, pluginserver.ProcessStats{UserCPUSeconds: 0.5, SystemCPUSeconds: 0.1, MaxRSSBytes: 20 << 20,
		AllocBytes: 100 << 20, GCPercent: 400, GOMAXPROCS: 1, MemoryLimitBytes: 48 << 20})
	writeExitReport(t, dir, 2, pluginserver.ProcessStats{UserCPUSeconds: 0.4, MaxRSSBytes: 32 << 20, AllocBytes: 50 << 20})

	m, err := measureCommand(sampledResult(2), simCounts{connections: 1}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !approx(m.cpuSeconds, 1.0) || !approx(m.terraformCPUSeconds, 2.0) {
		t.Errorf("CPU = %v, terraform CPU = %v; want the reports' 1.0 and the rest, 2.0", m.cpuSeconds, m.terraformCPUSeconds)
	}
	if m.allocBytes != 150<<20 || m.peakRSSMiB != 32 || m.processes != 2 || m.note != "" {
		t.Errorf("measure = %+v", m)
	}
	if m.runtime != "GOGC=400 GOMAXPROCS=1 GOMEMLIMIT=48MiB" {
		t.Errorf("runtime = %q", m.runtime)
	}
}

func TestMeasureCommandFallsBackToSampling(t *testing.T) {
	m, err := measureCommand(sampledResult(3), simCounts{}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if !approx(m.cpuSeconds, 0.9) || m.peakRSSMiB != 30 || !strings.Contains(m.note, "no exit reports") {
		t.Errorf("without reports: %+v", m)
	}

	dir := t.TempDir()
	writeExitReport(t, dir, 1, pluginserver.ProcessStats{UserCPUSeconds: 0.5})
	m, err = measureCommand(sampledResult(3), simCounts{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !approx(m.cpuSeconds, 0.9) || !strings.Contains(m.note, "1 of 3") {
		t.Errorf("with a missing report: %+v", m)
	}
}

func TestDescribeRuntimeWithoutMemoryLimit(t *testing.T) {
	got := describeRuntime(pluginserver.ProcessStats{GCPercent: 100, GOMAXPROCS: 2, MemoryLimitBytes: math.MaxInt64})
	if got != "GOGC=100 GOMAXPROCS=2 GOMEMLIMIT=off" {
		t.Errorf("describeRuntime = %q", got)
	}
}
