package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// httpLogSubsystem is the tflog subsystem carrying the raw API exchanges. Its level is set with
// TF_LOG_PROVIDER_CYBERSOURCE_HTTP (falling back to the provider's level), so the noisy
// request/response log can be switched on without turning on everything else.
const httpLogSubsystem = "http"

// secretFieldKeys are the log field names whose values are always masked, whatever they hold.
var secretFieldKeys = []string{"shared_secret", "p12_password", "p12_base64"}

// providerLogsOff reports whether both of the provider's loggers are switched off: the root
// logger (TF_LOG_PROVIDER_CYBERSOURCE) and the http subsystem (TF_LOG_PROVIDER_CYBERSOURCE_HTTP).
// The plugin server sets both to OFF when Terraform keeps no provider logs (internal/pluginserver),
// and then every logging context, masking rule and logged field the provider would build for an
// operation is work for nothing: the provider builds none of them.
func providerLogsOff(getenv func(string) string) bool {
	return strings.EqualFold(getenv("TF_LOG_PROVIDER_CYBERSOURCE"), "OFF") &&
		strings.EqualFold(getenv("TF_LOG_PROVIDER_CYBERSOURCE_HTTP"), "OFF")
}

// debug logs a provider message with key/value fields, building nothing when logs are off.
func (d *providerData) debug(ctx context.Context, message string, keyValues ...any) {
	if d.logsOff {
		return
	}
	fields := make(map[string]any, len(keyValues)/2)
	for i := 0; i+1 < len(keyValues); i += 2 {
		if key, ok := keyValues[i].(string); ok {
			fields[key] = keyValues[i+1]
		}
	}
	tflog.Debug(ctx, message, fields)
}

// withProviderLogging prepares ctx for one provider operation: it creates the "http" subsystem
// and masks every secret the provider knows, in the root logger and in the subsystem alike
// (masking settings are per logger, they are not inherited). Secrets are masked as values
// wherever they appear, because a secret can end up inside an unrelated field such as an error.
func withProviderLogging(ctx context.Context, secrets []string) context.Context {
	ctx = tflog.NewSubsystem(ctx, httpLogSubsystem,
		tflog.WithLevelFromEnv("TF_LOG_PROVIDER_CYBERSOURCE", httpLogSubsystem),
		tflog.WithRootFields())
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, secretFieldKeys...)
	ctx = tflog.SubsystemMaskFieldValuesWithFieldKeys(ctx, httpLogSubsystem, secretFieldKeys...)
	nonEmpty := make([]string, 0, len(secrets))
	for _, s := range secrets {
		if s != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	if len(nonEmpty) == 0 {
		return ctx
	}
	ctx = tflog.MaskAllFieldValuesStrings(ctx, nonEmpty...)
	ctx = tflog.MaskMessageStrings(ctx, nonEmpty...)
	ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, httpLogSubsystem, nonEmpty...)
	ctx = tflog.SubsystemMaskMessageStrings(ctx, httpLogSubsystem, nonEmpty...)
	return ctx
}

// tflogExchangeLogger bridges the client's Logger hook onto the "http" tflog subsystem. The client
// has already redacted the bodies; this type only chooses levels and field names.
type tflogExchangeLogger struct{}

var (
	_ client.Logger     = tflogExchangeLogger{}
	_ client.BodyLogger = tflogExchangeLogger{}
)

// LogsBodies tells the client whether the "http" subsystem logs at Trace, the level of the
// bodies entry; below it the client skips redacting bodies that would be dropped.
func (tflogExchangeLogger) LogsBodies(ctx context.Context) bool {
	return tflog.SubsystemIsTrace(ctx, httpLogSubsystem)
}

// LogExchange logs one attempt at Debug (method, path, status, timing, correlation id) and, at
// Trace, the redacted bodies, which are large and rarely needed.
func (tflogExchangeLogger) LogExchange(ctx context.Context, e client.Exchange) {
	fields := map[string]any{
		"http_method":      e.Method,
		"http_path":        e.Path,
		"http_attempt":     e.Attempt,
		"http_status_code": e.StatusCode,
		"duration_ms":      e.Duration.Milliseconds(),
		"correlation_id":   e.CorrelationID,
		"will_retry":       e.WillRetry,
	}
	if e.RetryAfter > 0 {
		fields["retry_after"] = e.RetryAfter.String()
	}
	if e.Err != nil {
		fields["error"] = e.Err.Error()
	}
	message := "CyberSource API exchange"
	if e.WillRetry {
		message = "CyberSource API exchange failed, retrying"
	}
	tflog.SubsystemDebug(ctx, httpLogSubsystem, message, fields)

	if e.RequestBody == "" && e.ResponseBody == "" {
		return
	}
	tflog.SubsystemTrace(ctx, httpLogSubsystem, "CyberSource API exchange bodies", map[string]any{
		"http_method":    e.Method,
		"http_path":      e.Path,
		"http_attempt":   e.Attempt,
		"correlation_id": e.CorrelationID,
		"request_body":   e.RequestBody,
		"response_body":  e.ResponseBody,
	})
}
