package bench

import (
	"slices"
)

// combineRepeats turns the phases of several repeats into one set. Timings,
// CPU and allocations are medians, the middle of what a 2-core machine shared
// with other work produced. RSS, connections, faults and process counts are
// the largest seen and calls those of the repeat that made the most, so that
// a target on them holds for every repeat, not for a typical one.
func combineRepeats(repeats [][]PhaseResult, n int) []PhaseResult {
	if len(repeats) == 1 {
		return repeats[0]
	}
	combined := make([]PhaseResult, len(repeats[0]))
	for i := range combined {
		column := make([]PhaseResult, len(repeats))
		for r := range repeats {
			column[r] = repeats[r][i]
		}
		combined[i] = combinePhase(column)
		combined[i].fill(n)
	}
	return combined
}

// medianFields and worstFields list the PhaseResult measurements by how
// combinePhase combines them; derived figures are recomputed by fill.
var (
	medianFields = []func(*PhaseResult) *float64{
		func(p *PhaseResult) *float64 { return &p.WallSeconds },
		func(p *PhaseResult) *float64 { return &p.FloorSeconds },
		func(p *PhaseResult) *float64 { return &p.ProviderCPUSeconds },
		func(p *PhaseResult) *float64 { return &p.TerraformCPUSeconds },
		func(p *PhaseResult) *float64 { return &p.ProviderAllocKiBPerResource },
		func(p *PhaseResult) *float64 { return &p.FloorProviderWallSeconds },
		func(p *PhaseResult) *float64 { return &p.FloorProviderCPUSeconds },
		func(p *PhaseResult) *float64 { return &p.FloorProviderAllocKiBPerResource },
	}
	worstFields = []func(*PhaseResult) *float64{
		func(p *PhaseResult) *float64 { return &p.ProviderPeakRSSMiB },
		func(p *PhaseResult) *float64 { return &p.FloorProviderPeakRSSMiB },
	}
	worstCounts = []func(*PhaseResult) *int{
		func(p *PhaseResult) *int { return &p.Connections },
		func(p *PhaseResult) *int { return &p.FloorConnections },
		func(p *PhaseResult) *int { return &p.Faults },
		func(p *PhaseResult) *int { return &p.ProviderProcesses },
		func(p *PhaseResult) *int { return &p.FloorProviderProcesses },
	}
)

// combinePhase combines one phase's results from every repeat.
func combinePhase(column []PhaseResult) PhaseResult {
	out := column[0]
	out.Calls = mostCalls(column, func(p PhaseResult) map[string]int { return p.Calls })
	out.FloorProviderCalls = mostCalls(column, func(p PhaseResult) map[string]int { return p.FloorProviderCalls })
	for _, field := range medianFields {
		values := make([]float64, len(column))
		for r := range column {
			values[r] = *field(&column[r])
		}
		*field(&out) = median(values)
	}
	for _, field := range worstFields {
		for r := range column {
			*field(&out) = max(*field(&out), *field(&column[r]))
		}
	}
	for _, field := range worstCounts {
		for r := range column {
			*field(&out) = max(*field(&out), *field(&column[r]))
		}
	}
	return out
}

// mostCalls returns the calls of the repeat that made the most.
func mostCalls(column []PhaseResult, calls func(PhaseResult) map[string]int) map[string]int {
	var most map[string]int
	mostTotal := -1
	for _, p := range column {
		total := 0
		for _, count := range calls(p) {
			total += count
		}
		if total > mostTotal {
			most, mostTotal = calls(p), total
		}
	}
	return most
}

// median of values; the mean of the middle two for an even count.
func median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	sorted := slices.Sorted(slices.Values(values))
	mid := len(sorted) / 2
	if len(sorted)%2 == 0 {
		return (sorted[mid-1] + sorted[mid]) / 2
	}
	return sorted[mid]
}
