package bench

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func samplePhase() PhaseResult {
	return PhaseResult{
		Name:               PhaseUpdate,
		WallSeconds:        3.0,
		FloorSeconds:       2.0,
		Calls:              map[string]int{"GET": 200, "PATCH": 202},
		ExpectedCalls:      expectedCalls(PhaseUpdate, 200),
		Connections:        21,
		FloorConnections:   10,
		ProviderPeakRSSMiB: 41.5,
		ProviderProcesses:  3,
		ProviderCPUSeconds: 2.0,

		FloorProviderCPUSeconds: 1.6,
		FloorProviderCalls:      map[string]int{"GET": 200, "PATCH": 200},
	}
}

func TestPhaseFillDerivesFigures(t *testing.T) {
	p := samplePhase()
	p.fill(200)
	if p.Ratio != 1.5 {
		t.Errorf("Ratio = %v, want 1.5", p.Ratio)
	}
	if p.OverheadMSPerResource != 5 {
		t.Errorf("OverheadMSPerResource = %v, want 5", p.OverheadMSPerResource)
	}
	if p.CallsPerResource["GET"] != 1 || p.CallsPerResource["PATCH"] != 1.01 {
		t.Errorf("CallsPerResource = %v", p.CallsPerResource)
	}
	if p.Retries != 2 {
		t.Errorf("Retries = %d, want 2", p.Retries)
	}
	if p.ProviderCPUMSPerResource != 10 || p.FloorProviderCPUMSPerResource != 8 || p.ProviderCPURatio != 1.25 {
		t.Errorf("CPU per resource = %v, floor provider %v, ratio %v; want 10, 8, 1.25",
			p.ProviderCPUMSPerResource, p.FloorProviderCPUMSPerResource, p.ProviderCPURatio)
	}
}

func TestPhaseFillWithoutFloorLeavesRatioZero(t *testing.T) {
	p := PhaseResult{WallSeconds: 1}
	p.fill(10)
	if p.Ratio != 0 || p.ProviderCPURatio != 0 {
		t.Errorf("Ratio = %v, CPU ratio = %v, want 0 when no floor was measured", p.Ratio, p.ProviderCPURatio)
	}
}

func sampleReport() *Report {
	p := samplePhase()
	p.fill(200)
	r := &Report{N: 200, Parallelism: 10, LatencyMS: 50, TLS: true, TerraformVersion: "1.11.4", Phases: []PhaseResult{p}}
	r.Targets = EvaluateTargets(r)
	return r
}

func TestWriteTable(t *testing.T) {
	var out bytes.Buffer
	if err := sampleReport().WriteTable(&out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"N=200 P=10 latency=50ms tls=true terraform=1.11.4",
		"overhead ms/res",
		"GET 1.00 PATCH 1.01",
		"41.5",
		"CPU/floor prov",
		"floor prov CPU ms/res",
		"1.25",
		"1 call/resource/op",
		"MISS",
		"PASS",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q:\n%s", want, text)
		}
	}
}

func TestJSONUsesDocumentedFieldNames(t *testing.T) {
	data, err := sampleReport().MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	var decoded struct {
		N      int `json:"n"`
		Phases []struct {
			Name             string             `json:"name"`
			Overhead         float64            `json:"overhead_ms_per_resource"`
			CallsPerResource map[string]float64 `json:"calls_per_resource"`
			RSS              float64            `json:"provider_peak_rss_mib"`
			Retries          int                `json:"retries"`
			CPU              float64            `json:"provider_cpu_ms_per_resource"`
			FloorCPU         float64            `json:"floor_provider_cpu_ms_per_resource"`
			CPURatio         float64            `json:"provider_cpu_ratio_to_floor_provider"`
		} `json:"phases"`
		Targets []TargetResult `json:"targets"`
	}
	if err := json.Unmarshal(data, &decoded); err != nil {
		t.Fatal(err)
	}
	if decoded.N != 200 || len(decoded.Phases) != 1 || len(decoded.Targets) == 0 {
		t.Fatalf("decoded = %+v", decoded)
	}
	phase := decoded.Phases[0]
	if phase.Name != PhaseUpdate || phase.Overhead != 5 || phase.RSS != 41.5 || phase.Retries != 2 || phase.CallsPerResource["GET"] != 1 {
		t.Errorf("phase = %+v", phase)
	}
	if phase.CPU != 10 || phase.FloorCPU != 8 || phase.CPURatio != 1.25 {
		t.Errorf("CPU figures = %+v", phase)
	}
}
