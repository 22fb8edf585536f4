package pluginserver

import (
	"slices"
	"strings"
)

// Terraform decides what becomes of a provider's log lines with TF_LOG_PROVIDER, or TF_LOG when
// that is unset: when neither is set its provider logger is off, and every line the plugin writes
// to stderr is parsed as JSON and then dropped. The SDK's loggers default to TRACE when their own
// variables are unset, so by default each RPC is formatted as several JSON log lines in the
// provider and parsed again in Terraform, for nothing: at 1000 resources that was about a fifth
// of the provider's CPU time (hclog's JSON encoding) and a large share of Terraform's.
//
// The plugin inherits Terraform's environment, so it can see the same two variables. When both
// are empty, the loggers' own variables are set to OFF before the server starts; when either is
// set, nothing changes and every TF_LOG_* setting keeps its documented meaning.

// terraformLogVariables are the variables Terraform reads to choose the provider log level.
var terraformLogVariables = []string{"TF_LOG_PROVIDER", "TF_LOG"}

// sdkLoggerVariables set the level of the loggers the SDK builds for every provider: its root
// logger and its protocol and framework subsystems.
var sdkLoggerVariables = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"}

// loggerLevelVariables set the level of each logger the provider process writes with: the SDK's,
// the provider's root logger (the SDK names it after the provider type) and the provider's "http"
// subsystem (internal/provider/logging.go).
var loggerLevelVariables = append(slices.Clone(sdkLoggerVariables),
	"TF_LOG_PROVIDER_CYBERSOURCE",
	"TF_LOG_PROVIDER_CYBERSOURCE_HTTP",
)

// LoggersOffEnvironment returns the variables that switch off every logger the SDK builds for a
// provider of type providerType, the state quietLogsTerraformDiscards puts this provider in. The
// benchmark gives it to its floor provider, which is served stock, so that both processes run
// with the same loggers off and differ only in their code.
func LoggersOffEnvironment(providerType string) map[string]string {
	env := map[string]string{"TF_LOG_PROVIDER_" + strings.ToUpper(strings.ReplaceAll(providerType, "-", "_")): "OFF"}
	for _, name := range sdkLoggerVariables {
		env[name] = "OFF"
	}
	return env
}

// quietLogsTerraformDiscards switches every logger off when Terraform keeps no provider output.
// getenv and setenv are os.Getenv and os.Setenv outside tests; a failing setenv only leaves that
// logger as it was.
func quietLogsTerraformDiscards(getenv func(string) string, setenv func(string, string) error) {
	for _, name := range terraformLogVariables {
		if getenv(name) != "" {
			return
		}
	}
	for _, name := range loggerLevelVariables {
		_ = setenv(name, "OFF") // best effort: logging stays on, which is only slower
	}
}
