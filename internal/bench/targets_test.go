package bench

import "testing"

func findTarget(t *testing.T, results []TargetResult, name, phase string) TargetResult {
	t.Helper()
	for _, r := range results {
		if r.Name == name && r.Phase == phase {
			return r
		}
	}
	t.Fatalf("no target %q for phase %q in %+v", name, phase, results)
	return TargetResult{}
}

func TestEvaluateTargets(t *testing.T) {
	good := PhaseResult{
		Name: PhaseCreate, WallSeconds: 2.0, FloorSeconds: 1.2,
		Calls: map[string]int{"POST": 200}, ExpectedCalls: expectedCalls(PhaseCreate, 200),
		Connections: 12, ProviderPeakRSSMiB: 30,
	}
	bad := PhaseResult{
		Name: PhaseDestroy, WallSeconds: 5.0, FloorSeconds: 2.0,
		Calls: map[string]int{"GET": 400, "DELETE": 200}, ExpectedCalls: expectedCalls(PhaseDestroy, 200),
		Connections: 13, ProviderPeakRSSMiB: 70,
	}
	good.fill(200)
	bad.fill(200)
	r := &Report{N: 200, Parallelism: 10, Phases: []PhaseResult{good, bad}}
	results := EvaluateTargets(r)

	tests := []struct {
		name, phase string
		pass        bool
	}{
		{"1 call/resource/op", PhaseCreate, true},
		{"1 call/resource/op", PhaseDestroy, false},
		{"connections <= P+2", PhaseCreate, true},
		{"connections <= P+2", PhaseDestroy, false},
		{"overhead ms/resource", PhaseCreate, true},   // 4 ms
		{"overhead ms/resource", PhaseDestroy, false}, // 15 ms
		{"provider peak RSS MiB", "all", false},       // 70 > 64
	}
	for _, tt := range tests {
		got := findTarget(t, results, tt.name, tt.phase)
		if got.Pass != tt.pass {
			t.Errorf("%s/%s: pass = %v, want %v (%+v)", tt.name, tt.phase, got.Pass, tt.pass, got)
		}
	}
	if note := findTarget(t, results, "provider peak RSS MiB", "all").Note; note != "defined at N=1000" {
		t.Errorf("RSS note at N=200 = %q", note)
	}
	if note := findTarget(t, results, "overhead ms/resource", PhaseCreate).Note; note != "" {
		t.Errorf("overhead note at the reference size = %q, want none", note)
	}
}

func TestEvaluateTargetsNotesOffReferenceSizes(t *testing.T) {
	p := PhaseResult{Name: PhaseRefresh, Calls: map[string]int{"GET": 1000, "POST": 0},
		ExpectedCalls: expectedCalls(PhaseRefresh, 1000), ProviderPeakRSSMiB: 50}
	p.fill(1000)
	results := EvaluateTargets(&Report{N: 1000, Parallelism: 10, Phases: []PhaseResult{p}})
	if got := findTarget(t, results, "1 call/resource/op", PhaseRefresh); !got.Pass {
		t.Errorf("zero counts should not break equality: %+v", got)
	}
	if got := findTarget(t, results, "overhead ms/resource", PhaseRefresh); got.Note == "" {
		t.Errorf("overhead at N=1000 should carry a note: %+v", got)
	}
	rss := findTarget(t, results, "provider peak RSS MiB", "all")
	if !rss.Pass || rss.Note != "" {
		t.Errorf("RSS at N=1000 = %+v, want PASS without note", rss)
	}
}

func TestEvaluateTargetsUnmeasuredRSSIsAMiss(t *testing.T) {
	results := EvaluateTargets(&Report{N: 1000, Parallelism: 10, Phases: []PhaseResult{{Name: PhaseCreate}}})
	if rss := findTarget(t, results, "provider peak RSS MiB", "all"); rss.Pass {
		t.Errorf("unmeasured RSS passed: %+v", rss)
	}
}

func TestFloorProviderCPUTarget(t *testing.T) {
	phase := func(provider, floor float64) PhaseResult {
		p := PhaseResult{Name: PhaseCreate, ProviderCPUSeconds: provider, FloorProviderCPUSeconds: floor}
		p.fill(200)
		return p
	}
	tests := []struct {
		name            string
		provider, floor float64 // CPU seconds for 200 resources
		pass            bool
		note            string
	}{
		{"cheaper than the floor", 0.8, 0.94, true, ""},
		{"equal to the floor", 0.94, 0.94, true, ""},
		{"dearer than the floor", 1.34, 0.94, false, ""},
		{"floor not measured", 0.8, 0, false, "not measured"},
		{"provider not measured", 0, 0.94, false, "not measured"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results := EvaluateTargets(&Report{N: 200, Parallelism: 10, Phases: []PhaseResult{phase(tt.provider, tt.floor)}})
			got := findTarget(t, results, FloorProviderCPUTarget, PhaseCreate)
			if got.Pass != tt.pass || got.Note != tt.note {
				t.Errorf("got %+v, want pass=%v note=%q", got, tt.pass, tt.note)
			}
		})
	}
	got := findTarget(t, EvaluateTargets(&Report{N: 200, Phases: []PhaseResult{phase(1.34, 0.94)}}), FloorProviderCPUTarget, PhaseCreate)
	if got.Want != "<= 4.70 ms" || got.Got != "6.70 ms (x1.43)" {
		t.Errorf("want/got = %q / %q", got.Want, got.Got)
	}
}
