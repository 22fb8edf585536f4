package bench

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"
)

// Report is the outcome of one benchmark run; it is printed as a table and
// written as JSON with the same field names.
type Report struct {
	N                int       `json:"n"`
	Parallelism      int       `json:"parallelism"`
	LatencyMS        float64   `json:"latency_ms"`
	TLS              bool      `json:"tls"`
	TerraformVersion string    `json:"terraform_version,omitempty"`
	GoVersion        string    `json:"go_version,omitempty"`
	StartedAt        time.Time `json:"started_at"`
	// LoadAverage is the 1-minute load average before the run and at its
	// end. A high first figure means other work competed for the CPUs and
	// inflated the wall times; the second includes the run itself.
	LoadAverage  [2]float64 `json:"load_average_1m"`
	CPUs         int        `json:"cpus"`
	TotalSeconds float64    `json:"total_seconds"`
	// FixedCostSeconds is the wall time of `terraform plan` with zero
	// resources: what any command costs before the first resource.
	FixedCostSeconds float64 `json:"fixed_cost_seconds"`
	// Repeat is how many times everything was measured; with more than one,
	// Phases holds medians (see combineRepeats) and Repeats each run's own.
	Repeat  int             `json:"repeat"`
	Phases  []PhaseResult   `json:"phases"`
	Repeats [][]PhaseResult `json:"repeats,omitempty"`
	// ProviderRuntime and FloorProviderRuntime are the Go runtime settings
	// the provider processes reported (GOGC, GOMAXPROCS, GOMEMLIMIT);
	// ProviderLDFlags what the providers were linked with, if anything.
	ProviderRuntime      string `json:"provider_runtime,omitempty"`
	FloorProviderRuntime string `json:"floor_provider_runtime,omitempty"`
	ProviderLDFlags      string `json:"provider_ldflags,omitempty"`
	// Graph is the graph scenario (graph.go), measured once; nil when skipped.
	Graph   *GraphReport   `json:"graph,omitempty"`
	Targets []TargetResult `json:"targets"`
	Notes   []string       `json:"notes,omitempty"`
}

// PhaseResult is one lifecycle phase measured through terraform and through
// the client directly.
type PhaseResult struct {
	Name string `json:"name"`
	// WallSeconds is the terraform command's wall time, start to exit.
	WallSeconds float64 `json:"wall_seconds"`
	// FloorSeconds is the same requests issued by P client workers.
	FloorSeconds float64 `json:"floor_seconds"`
	// Ratio is WallSeconds / FloorSeconds.
	Ratio float64 `json:"ratio"`
	// OverheadMSPerResource is (wall - floor) / N in milliseconds: what
	// terraform core, the plugin protocol and the provider add per resource.
	OverheadMSPerResource float64 `json:"overhead_ms_per_resource"`
	// Calls are the TMS requests the simulator answered during the terraform
	// command, by method; ExpectedCalls what one call per resource means.
	Calls            map[string]int     `json:"calls"`
	ExpectedCalls    map[string]int     `json:"expected_calls"`
	CallsPerResource map[string]float64 `json:"calls_per_resource"`
	// Connections are the TCP connections (all TLS here) the simulator
	// accepted during the terraform command; FloorConnections during the floor.
	Connections      int `json:"connections"`
	FloorConnections int `json:"floor_connections"`
	// Retries are requests beyond the expected ones (a retried request, or
	// any call the lifecycle should not need); Faults those the simulator
	// injected (zero unless faults are configured).
	Retries int `json:"retries"`
	Faults  int `json:"faults"`
	// ProviderPeakRSSMiB is the largest VmHWM of any provider process the
	// command started; ProviderProcesses how many it started.
	ProviderPeakRSSMiB float64 `json:"provider_peak_rss_mib"`
	ProviderProcesses  int     `json:"provider_processes"`
	// ProviderCPUSeconds is the provider processes' CPU time; TerraformCPUSeconds
	// terraform core's own (the command's total minus the provider's). They
	// say where the overhead goes on a machine with few cores.
	ProviderCPUSeconds  float64 `json:"provider_cpu_seconds"`
	TerraformCPUSeconds float64 `json:"terraform_cpu_seconds"`
	// ProviderCPUMSPerResource is ProviderCPUSeconds per resource, in ms.
	ProviderCPUMSPerResource float64 `json:"provider_cpu_ms_per_resource"`
	// ProviderAllocKiBPerResource is what the provider processes allocated
	// (runtime/metrics, exact) per resource.
	ProviderAllocKiBPerResource float64 `json:"provider_alloc_kib_per_resource"`

	// The floor provider (internal/bench/floorprovider: one resource of one
	// attribute, one API call per operation, served stock) measured through
	// the same phase against the same simulator in the same run.
	FloorProviderWallSeconds         float64        `json:"floor_provider_wall_seconds"`
	FloorProviderCalls               map[string]int `json:"floor_provider_calls"`
	FloorProviderPeakRSSMiB          float64        `json:"floor_provider_peak_rss_mib"`
	FloorProviderProcesses           int            `json:"floor_provider_processes"`
	FloorProviderCPUSeconds          float64        `json:"floor_provider_cpu_seconds"`
	FloorProviderCPUMSPerResource    float64        `json:"floor_provider_cpu_ms_per_resource"`
	FloorProviderAllocKiBPerResource float64        `json:"floor_provider_alloc_kib_per_resource"`
	// ProviderCPURatio is ProviderCPUMSPerResource / FloorProviderCPUMSPerResource:
	// at most 1 means our provider costs no more CPU per resource than the floor.
	ProviderCPURatio float64 `json:"provider_cpu_ratio_to_floor_provider"`
}

// setProvider records what the provider's command of this phase measured for
// n resources.
func (p *PhaseResult) setProvider(m commandMeasure, n int) {
	p.WallSeconds = m.wallSeconds
	p.Calls = m.counts.calls
	p.Connections = m.counts.connections
	p.Faults = m.counts.faults
	p.ProviderPeakRSSMiB = m.peakRSSMiB
	p.ProviderProcesses = m.processes
	p.ProviderCPUSeconds = m.cpuSeconds
	p.TerraformCPUSeconds = m.terraformCPUSeconds
	p.ProviderAllocKiBPerResource = perResource(float64(m.allocBytes)/1024, n)
}

// setFloorProvider records what the floor provider's command measured for n
// resources.
func (p *PhaseResult) setFloorProvider(m commandMeasure, n int) {
	p.FloorProviderWallSeconds = m.wallSeconds
	p.FloorProviderCalls = m.counts.calls
	p.FloorProviderPeakRSSMiB = m.peakRSSMiB
	p.FloorProviderProcesses = m.processes
	p.FloorProviderCPUSeconds = m.cpuSeconds
	p.FloorProviderAllocKiBPerResource = perResource(float64(m.allocBytes)/1024, n)
}

// fill derives the ratio, overhead and per-resource figures from the raw
// measurements.
func (p *PhaseResult) fill(n int) {
	if p.FloorSeconds > 0 {
		p.Ratio = p.WallSeconds / p.FloorSeconds
	}
	p.OverheadMSPerResource = perResource((p.WallSeconds-p.FloorSeconds)*1000, n)
	p.ProviderCPUMSPerResource = perResource(p.ProviderCPUSeconds*1000, n)
	p.FloorProviderCPUMSPerResource = perResource(p.FloorProviderCPUSeconds*1000, n)
	if p.FloorProviderCPUMSPerResource > 0 {
		p.ProviderCPURatio = p.ProviderCPUMSPerResource / p.FloorProviderCPUMSPerResource
	}
	p.CallsPerResource = map[string]float64{}
	total, expected := 0, 0
	for method, count := range p.Calls {
		total += count
		if n > 0 {
			p.CallsPerResource[method] = float64(count) / float64(n)
		}
	}
	for _, count := range p.ExpectedCalls {
		expected += count
	}
	p.Retries = total - expected
}

// perResource divides total by n, or returns 0 for no resources.
func perResource(total float64, n int) float64 {
	if n <= 0 {
		return 0
	}
	return total / float64(n)
}

// formatCallsPerResource renders {"GET":1,"PATCH":1} as "GET 1.00 PATCH 1.00"
// in a stable method order.
func formatCallsPerResource(calls map[string]float64) string {
	if len(calls) == 0 {
		return "-"
	}
	parts := make([]string, 0, len(calls))
	for _, method := range slices.Sorted(maps.Keys(calls)) {
		parts = append(parts, fmt.Sprintf("%s %.2f", method, calls[method]))
	}
	return strings.Join(parts, " ")
}

// MarshalIndent renders the report as the JSON the -json flag writes.
func (r *Report) MarshalIndent() ([]byte, error) {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// WriteJSON writes the report to path.
func (r *Report) WriteJSON(path string) error {
	data, err := r.MarshalIndent()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
