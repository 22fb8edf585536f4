package pluginserver

import (
	"maps"
	"testing"
)

func TestQuietLogsTerraformDiscards(t *testing.T) {
	allOff := map[string]string{}
	for _, name := range loggerLevelVariables {
		allOff[name] = "OFF"
	}
	tests := []struct {
		name string
		env  map[string]string
		want map[string]string // what was set
	}{
		{name: "terraform keeps no provider logs", env: map[string]string{}, want: allOff},
		{
			name: "only core logging on", // TF_LOG_CORE does not reach providers
			env:  map[string]string{"TF_LOG_CORE": "TRACE", "TF_LOG_SDK": "DEBUG"},
			want: allOff,
		},
		{name: "TF_LOG set", env: map[string]string{"TF_LOG": "DEBUG"}, want: map[string]string{}},
		{name: "TF_LOG_PROVIDER set", env: map[string]string{"TF_LOG_PROVIDER": "INFO"}, want: map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := map[string]string{}
			quietLogsTerraformDiscards(
				func(name string) string { return tt.env[name] },
				func(name, value string) error { set[name] = value; return nil },
			)
			if !maps.Equal(set, tt.want) {
				t.Errorf("set %v, want %v", set, tt.want)
			}
		})
	}
}

func TestLoggersOffEnvironmentMatchesWhatTheProviderSetsForItself(t *testing.T) {
	got := LoggersOffEnvironment("cybersource")
	for _, name := range loggerLevelVariables {
		if name == "TF_LOG_PROVIDER_CYBERSOURCE_HTTP" {
			continue // the provider's own subsystem; another provider has none
		}
		if got[name] != "OFF" {
			t.Errorf("%s = %q, want OFF", name, got[name])
		}
	}
	if floor := LoggersOffEnvironment("cybersource-floor"); floor["TF_LOG_PROVIDER_CYBERSOURCE_FLOOR"] != "OFF" {
		t.Errorf("the provider logger's variable follows the SDK's naming (dashes become underscores): %v", floor)
	}
}
