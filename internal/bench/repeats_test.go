package bench

import (
	"maps"
	"math"
	"testing"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		values []float64
		want   float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	}
	for _, tt := range tests {
		if got := median(tt.values); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.values, got, tt.want)
		}
	}
}

func TestCombineRepeatsTakesMediansAndWorstCases(t *testing.T) {
	repeat := func(wall, cpu, floorCPU, rss float64, conns int, calls map[string]int) []PhaseResult {
		p := PhaseResult{
			Name: PhaseCreate, WallSeconds: wall, FloorSeconds: 1, ProviderCPUSeconds: cpu,
			FloorProviderCPUSeconds: floorCPU, ProviderPeakRSSMiB: rss, Connections: conns,
			Calls: calls, ExpectedCalls: expectedCalls(PhaseCreate, 100),
		}
		p.fill(100)
		return []PhaseResult{p}
	}
	normal := map[string]int{"POST": 100}
	retried := map[string]int{"POST": 101}
	combined := combineRepeats([][]PhaseResult{
		repeat(2.0, 0.9, 0.5, 30, 1, normal),
		repeat(9.0, 0.7, 0.6, 35, 2, retried), // a slow outlier with a retry
		repeat(2.2, 0.8, 0.4, 31, 1, normal),
	}, 100)

	p := combined[0]
	if p.WallSeconds != 2.2 || p.ProviderCPUSeconds != 0.8 || p.FloorProviderCPUSeconds != 0.5 {
		t.Errorf("medians: wall %v, CPU %v, floor provider CPU %v; want 2.2, 0.8, 0.5",
			p.WallSeconds, p.ProviderCPUSeconds, p.FloorProviderCPUSeconds)
	}
	if p.ProviderPeakRSSMiB != 35 || p.Connections != 2 || !maps.Equal(p.Calls, retried) || p.Retries != 1 {
		t.Errorf("worst cases: RSS %v, connections %d, calls %v, retries %d; want 35, 2, %v, 1",
			p.ProviderPeakRSSMiB, p.Connections, p.Calls, p.Retries, retried)
	}
	// Derived figures come from the combined ones, not from any one repeat.
	if !approx(p.ProviderCPUMSPerResource, 8) || !approx(p.ProviderCPURatio, 1.6) || !approx(p.OverheadMSPerResource, 12) {
		t.Errorf("derived: CPU %v ms/res, ratio %v, overhead %v; want 8, 1.6, 12",
			p.ProviderCPUMSPerResource, p.ProviderCPURatio, p.OverheadMSPerResource)
	}
}

func TestCombineRepeatsOfOneIsThatRepeat(t *testing.T) {
	only := []PhaseResult{{Name: PhaseRefresh, WallSeconds: 1.5}}
	if got := combineRepeats([][]PhaseResult{only}, 10); got[0].WallSeconds != 1.5 {
		t.Errorf("got %+v", got)
	}
}

// approx compares computed figures without tripping on float rounding.
func approx(got, want float64) bool { return math.Abs(got-want) < 1e-9 }
