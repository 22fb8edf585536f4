package pluginserver

import (
	"maps"
	"testing"
)

// recordingKnobs records what applyRuntimeSettings set instead of changing the test's runtime;
// the runtime reports processors as its GOMAXPROCS default.
func recordingKnobs(processors int, set map[string]int64) runtimeKnobs {
	return runtimeKnobs{
		setGCPercent: func(v int) int { set["GOGC"] = int64(v); return 100 },
		maxProcs: func(v int) int {
			if v > 0 {
				set["GOMAXPROCS"] = int64(v)
			}
			return processors
		},
		setMemoryLimit: func(v int64) int64 { set["GOMEMLIMIT"] = v; return 0 },
	}
}

func TestRuntimeSettingsYieldToTheUsersVariables(t *testing.T) {
	defaults := map[string]int64{"GOGC": 400, "GOMAXPROCS": 1, "GOMEMLIMIT": 48 << 20}
	without := func(name string) map[string]int64 {
		out := maps.Clone(defaults)
		delete(out, name)
		return out
	}
	tests := []struct {
		name string
		env  map[string]string
		want map[string]int64
	}{
		{"nothing chosen", map[string]string{}, defaults},
		{"GOGC chosen", map[string]string{"GOGC": "100"}, without("GOGC")},
		{"GOGC=off chosen", map[string]string{"GOGC": "off"}, without("GOGC")},
		{"GOMAXPROCS chosen", map[string]string{"GOMAXPROCS": "2"}, without("GOMAXPROCS")},
		{"GOMEMLIMIT chosen", map[string]string{"GOMEMLIMIT": "1GiB"}, without("GOMEMLIMIT")},
		{"all chosen", map[string]string{"GOGC": "50", "GOMAXPROCS": "2", "GOMEMLIMIT": "off"}, map[string]int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := map[string]int64{}
			applyRuntimeSettings(func(name string) string { return tt.env[name] }, recordingKnobs(2, set))
			if !maps.Equal(set, tt.want) {
				t.Errorf("set %v, want %v", set, tt.want)
			}
		})
	}
}

// The provider gets half the processors Go would use, never none.
func TestRuntimeSettingsGiveTheProviderHalfTheProcessors(t *testing.T) {
	for processors, want := range map[int]int64{1: 1, 2: 1, 3: 1, 4: 2, 16: 8} {
		set := map[string]int64{}
		applyRuntimeSettings(func(string) string { return "" }, recordingKnobs(processors, set))
		if set["GOMAXPROCS"] != want {
			t.Errorf("%d processors: GOMAXPROCS set to %d, want %d", processors, set["GOMAXPROCS"], want)
		}
	}
}

// A default linked in empty (or mistyped) leaves the runtime's own default in place.
func TestRuntimeSettingsSkipEmptyOrInvalidDefaults(t *testing.T) {
	saved := [3]string{defaultGCPercent, defaultMaxProcsDivisor, defaultMemoryLimitMiB}
	t.Cleanup(func() { defaultGCPercent, defaultMaxProcsDivisor, defaultMemoryLimitMiB = saved[0], saved[1], saved[2] })
	defaultGCPercent, defaultMaxProcsDivisor, defaultMemoryLimitMiB = "", "two", "-5"

	set := map[string]int64{}
	applyRuntimeSettings(func(string) string { return "" }, recordingKnobs(2, set))
	if len(set) != 0 {
		t.Errorf("set %v, want nothing", set)
	}
}
