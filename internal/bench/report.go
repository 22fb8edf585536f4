package bench

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
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
	FixedCostSeconds float64        `json:"fixed_cost_seconds"`
	Phases           []PhaseResult  `json:"phases"`
	Targets          []TargetResult `json:"targets"`
	Notes            []string       `json:"notes,omitempty"`
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
}

// fill derives the ratio, overhead and per-resource figures from the raw
// measurements.
func (p *PhaseResult) fill(n int) {
	if p.FloorSeconds > 0 {
		p.Ratio = p.WallSeconds / p.FloorSeconds
	}
	if n > 0 {
		p.OverheadMSPerResource = (p.WallSeconds - p.FloorSeconds) * 1000 / float64(n)
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

// WriteTable prints the phases and targets as aligned text.
func (r *Report) WriteTable(w io.Writer) error {
	out := &stickyWriter{w: w}
	out.printf("cybersource bench: N=%d P=%d latency=%gms tls=%v terraform=%s cpus=%d load(1m)=%.2f→%.2f\n",
		r.N, r.Parallelism, r.LatencyMS, r.TLS, r.TerraformVersion, r.CPUs, r.LoadAverage[0], r.LoadAverage[1])
	out.printf("terraform fixed cost (plan of 0 resources): %.2fs\n\n", r.FixedCostSeconds)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	phases := &stickyWriter{w: tw}
	phases.printf("phase\twall s\tfloor s\tratio\toverhead ms/res\tcalls/res\tconns\tfloor conns\tretries\tfaults\tprovider RSS MiB\tprovider procs\tprovider CPU s\tterraform CPU s\t\n")
	for _, p := range r.Phases {
		phases.printf("%s\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%d\t%d\t%d\t%d\t%.1f\t%d\t%.2f\t%.2f\t\n",
			p.Name, p.WallSeconds, p.FloorSeconds, p.Ratio, p.OverheadMSPerResource,
			formatCallsPerResource(p.CallsPerResource), p.Connections, p.FloorConnections,
			p.Retries, p.Faults, p.ProviderPeakRSSMiB, p.ProviderProcesses, p.ProviderCPUSeconds, p.TerraformCPUSeconds)
	}
	if err := errors.Join(phases.err, tw.Flush()); err != nil {
		return err
	}
	out.printf("\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	targets := &stickyWriter{w: tw}
	targets.printf("target\tphase\twant\tgot\tresult\t\n")
	for _, t := range r.Targets {
		status := "MISS"
		if t.Pass {
			status = "PASS"
		}
		if t.Note != "" {
			status += " (" + t.Note + ")"
		}
		targets.printf("%s\t%s\t%s\t%s\t%s\t\n", t.Name, t.Phase, t.Want, t.Got, status)
	}
	if err := errors.Join(targets.err, tw.Flush()); err != nil {
		return err
	}
	for _, note := range r.Notes {
		out.printf("note: %s\n", note)
	}
	out.printf("\ntotal %.1fs\n", r.TotalSeconds)
	return out.err
}

// stickyWriter keeps the first write error so a table can be printed with
// plain printf calls and checked once at the end.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}

func (s *stickyWriter) printf(format string, args ...any) {
	_, _ = fmt.Fprintf(s, format, args...) // the error is kept in s.err
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
