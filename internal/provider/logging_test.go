package provider

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// loggedEntries runs fn with a JSON root logger at TRACE and returns the decoded entries.
func loggedEntries(t *testing.T, fn func(ctx context.Context)) []map[string]any {
	t.Helper()
	t.Setenv("TF_LOG_PROVIDER_CYBERSOURCE_HTTP", "TRACE")
	var out bytes.Buffer
	fn(tflogtest.RootLogger(context.Background(), &out))
	entries, err := tflogtest.MultilineJSONDecode(&out)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestExchangeLoggerUsesHTTPSubsystem(t *testing.T) {
	entries := loggedEntries(t, func(ctx context.Context) {
		ctx = withProviderLogging(ctx, nil)
		tflogExchangeLogger{}.LogExchange(ctx, client.Exchange{
			Method: "PATCH", Path: "/tms/v2/customers/ABC", Attempt: 2, StatusCode: 503,
			Duration: 1500 * time.Millisecond, CorrelationID: "corr-1", WillRetry: true, RetryAfter: time.Second,
			Err: errors.New("boom"), RequestBody: `{"a":1}`, ResponseBody: `{"b":2}`,
		})
	})
	if len(entries) != 2 {
		t.Fatalf("got %d entries, want a summary and a bodies entry: %v", len(entries), entries)
	}
	summary, bodies := entries[0], entries[1]
	if summary["@module"] != "provider.http" || summary["@level"] != "debug" {
		t.Errorf("summary logged at %v/%v, want provider.http/debug", summary["@module"], summary["@level"])
	}
	for key, want := range map[string]any{
		"http_method": "PATCH", "http_path": "/tms/v2/customers/ABC", "http_attempt": float64(2),
		"http_status_code": float64(503), "duration_ms": float64(1500), "correlation_id": "corr-1",
		"will_retry": true, "retry_after": "1s", "error": "boom",
	} {
		if summary[key] != want {
			t.Errorf("summary[%s] = %v, want %v", key, summary[key], want)
		}
	}
	if message, _ := summary["@message"].(string); !strings.Contains(message, "retrying") {
		t.Errorf("summary message %q does not say it retries", summary["@message"])
	}
	if bodies["@level"] != "trace" || bodies["request_body"] != `{"a":1}` || bodies["response_body"] != `{"b":2}` {
		t.Errorf("bodies entry = %v", bodies)
	}
}

func TestExchangeLoggerOmitsEmptyBodies(t *testing.T) {
	entries := loggedEntries(t, func(ctx context.Context) {
		tflogExchangeLogger{}.LogExchange(withProviderLogging(ctx, nil), client.Exchange{Method: "DELETE", StatusCode: 204})
	})
	if len(entries) != 1 {
		t.Fatalf("got %d entries, want only the summary: %v", len(entries), entries)
	}
}

func TestProviderLoggingMasksSecrets(t *testing.T) {
	const secret = "c3VwZXItc2VjcmV0LXZhbHVl"
	entries := loggedEntries(t, func(ctx context.Context) {
		ctx = withProviderLogging(ctx, []string{secret, ""})
		tflog.Debug(ctx, "root with "+secret, map[string]any{"error": "bad key " + secret, "shared_secret": "anything"})
		tflogExchangeLogger{}.LogExchange(ctx, client.Exchange{Method: "GET", Err: errors.New("leaked " + secret), ResponseBody: secret})
		tflog.Debug(ctx, "plain", map[string]any{"p12_password": "pw"})
	})
	if len(entries) != 4 {
		t.Fatalf("got %d entries: %v", len(entries), entries)
	}
	for _, entry := range entries {
		for key, value := range entry {
			if s, ok := value.(string); ok && strings.Contains(s, secret) {
				t.Errorf("entry field %s leaks the secret: %q", key, s)
			}
		}
	}
	if entries[0]["shared_secret"] != "***" || entries[3]["p12_password"] != "***" {
		t.Errorf("secret-named fields not masked: %v / %v", entries[0]["shared_secret"], entries[3]["p12_password"])
	}
}

func TestExchangeLoggerLogsBodiesOnlyAtTrace(t *testing.T) {
	for level, want := range map[string]bool{"TRACE": true, "DEBUG": false, "OFF": false} {
		t.Setenv("TF_LOG_PROVIDER_CYBERSOURCE_HTTP", level)
		ctx := withProviderLogging(tflogtest.RootLogger(context.Background(), &bytes.Buffer{}), nil)
		if got := (tflogExchangeLogger{}).LogsBodies(ctx); got != want {
			t.Errorf("http subsystem at %s: LogsBodies = %v, want %v", level, got, want)
		}
	}
}

func TestProviderLogsOff(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, false},
		{map[string]string{"TF_LOG_PROVIDER_CYBERSOURCE": "OFF"}, false},
		{map[string]string{"TF_LOG_PROVIDER_CYBERSOURCE": "OFF", "TF_LOG_PROVIDER_CYBERSOURCE_HTTP": "off"}, true},
		{map[string]string{"TF_LOG_PROVIDER_CYBERSOURCE": "OFF", "TF_LOG_PROVIDER_CYBERSOURCE_HTTP": "TRACE"}, false},
	}
	for _, tt := range tests {
		if got := providerLogsOff(func(name string) string { return tt.env[name] }); got != tt.want {
			t.Errorf("providerLogsOff(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}

// TestOperationContextWithLogsOff: with every provider logger off, an operation's context is the
// RPC's own, untouched: no subsystem or masking is built for log lines nobody keeps.
func TestOperationContextWithLogsOff(t *testing.T) {
	ctx := context.Background()
	if got := (&providerData{logsOff: true, secrets: []string{"s3cret"}}).operationContext(ctx); got != ctx {
		t.Error("logs off: the operation context was rebuilt")
	}
	if got := (&providerData{secrets: []string{"s3cret"}}).operationContext(ctx); got == ctx {
		t.Error("logs on: the operation context lacks the provider's logging")
	}
}
