package provider

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// emptyProviderModel is a provider block with every attribute null.
func emptyProviderModel() providerModel {
	return providerModel{
		MerchantID: types.StringNull(), KeyID: types.StringNull(), SharedSecret: types.StringNull(),
		PortfolioID: types.StringNull(), P12File: types.StringNull(), P12Base64: types.StringNull(),
		P12Password: types.StringNull(), KeyAlias: types.StringNull(), Environment: types.StringNull(),
		Endpoint: types.StringNull(), ProfileID: types.StringNull(), MaxRetries: types.Int64Null(),
		RequestTimeout: types.StringNull(),
	}
}

func envFrom(values map[string]string) func(string) string {
	return func(name string) string { return values[name] }
}

// diagAt returns the first error diagnostic attached to attribute, if any.
func diagAt(diags diag.Diagnostics, attribute string) (diag.Diagnostic, bool) {
	for _, d := range diags.Errors() {
		if withPath, ok := d.(diag.DiagnosticWithPath); ok && withPath.Path().Equal(path.Root(attribute)) {
			return d, true
		}
	}
	return nil, false
}

func TestResolveProviderConfig(t *testing.T) {
	t.Run("configuration wins over the environment, which fills the rest", func(t *testing.T) {
		m := emptyProviderModel()
		m.MerchantID = types.StringValue("from_config")
		cfg, diags := resolveProviderConfig(m, envFrom(map[string]string{
			"CYBERSOURCE_MERCHANT_ID": "from_env", "CYBERSOURCE_KEY_ID": "key-from-env",
		}))
		if diags.HasError() {
			t.Fatal(diags)
		}
		if cfg.merchantID.value != "from_config" || cfg.merchantID.fromEnv {
			t.Errorf("merchant_id = %+v, want the configured value", cfg.merchantID)
		}
		if cfg.keyID.value != "key-from-env" || !cfg.keyID.fromEnv {
			t.Errorf("key_id = %+v, want the environment's value marked as such", cfg.keyID)
		}
		if !strings.Contains(cfg.keyID.source(), "CYBERSOURCE_KEY_ID") || strings.Contains(cfg.merchantID.source(), "CYBERSOURCE") {
			t.Errorf("sources: %q / %q", cfg.keyID.source(), cfg.merchantID.source())
		}
	})
	t.Run("defaults", func(t *testing.T) {
		cfg, diags := resolveProviderConfig(emptyProviderModel(), envFrom(nil))
		if diags.HasError() {
			t.Fatal(diags)
		}
		if cfg.maxRetries != 4 || cfg.requestTimeout != 60*time.Second {
			t.Errorf("defaults = %d retries, %s; want 4, 60s", cfg.maxRetries, cfg.requestTimeout)
		}
	})
	t.Run("zero retries is kept", func(t *testing.T) {
		m := emptyProviderModel()
		m.MaxRetries = types.Int64Value(0)
		cfg, _ := resolveProviderConfig(m, envFrom(nil))
		if cfg.maxRetries != 0 {
			t.Errorf("max_retries = %d, want 0", cfg.maxRetries)
		}
	})
	t.Run("unknown values are errors on their attribute with guidance", func(t *testing.T) {
		m := emptyProviderModel()
		m.SharedSecret = types.StringUnknown()
		m.RequestTimeout = types.StringUnknown()
		_, diags := resolveProviderConfig(m, envFrom(nil))
		d, ok := diagAt(diags, "shared_secret")
		if !ok || d.Summary() != "Unknown CyberSource Shared Secret" || !strings.Contains(d.Detail(), "CYBERSOURCE_SHARED_SECRET") {
			t.Fatalf("diagnostics = %v", diags)
		}
		if _, ok := diagAt(diags, "request_timeout"); !ok {
			t.Fatalf("no diagnostic on request_timeout: %v", diags)
		}
	})
}

func TestCheckResolvedConfig(t *testing.T) {
	const secret = "dGZkZW1vLXNpbXVsYXRvci1zaGFyZWQtc2VjcmV0ISE="
	tests := []struct {
		name      string
		env       map[string]string
		attribute string // "" = no error expected
		summary   string
		detail    string
	}{
		{"signature complete", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": secret}, "", "", ""},
		{"p12 complete", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_P12_FILE": "/x.p12"}, "", "", ""},
		{"missing merchant", map[string]string{"CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": secret}, "merchant_id", "Missing CyberSource Merchant ID", "CYBERSOURCE_MERCHANT_ID"},
		{"nothing at all", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m"}, "shared_secret", "Missing CyberSource Credentials", "p12_file"},
		{"secret without key", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_SHARED_SECRET": secret}, "key_id", "Missing CyberSource Key ID", "CYBERSOURCE_SHARED_SECRET"},
		{"key without secret", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k"}, "shared_secret", "Missing CyberSource Shared Secret", "CYBERSOURCE_KEY_ID"},
		{"both methods", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": secret, "CYBERSOURCE_P12_FILE": "/x.p12"}, "p12_file", "Conflicting CyberSource Authentication Methods", "CYBERSOURCE_P12_FILE"},
		{"both p12 forms", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_P12_FILE": "/x.p12", "CYBERSOURCE_P12_BASE64": "AAAA"}, "p12_base64", "Conflicting CyberSource P12 Settings", "CYBERSOURCE_P12_BASE64"},
		{"bad base64 secret from env", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": "%%"}, "shared_secret", "Invalid CyberSource Shared Secret", "CYBERSOURCE_SHARED_SECRET"},
		{"http endpoint from env", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": secret, "CYBERSOURCE_ENDPOINT": "http://example.com"}, "endpoint", "Invalid CyberSource Endpoint", "CYBERSOURCE_ENDPOINT"},
		{"unknown environment from env", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": secret, "CYBERSOURCE_ENVIRONMENT": "moon"}, "environment", "Invalid CyberSource Environment", "sandbox"},
		{"environment host from env", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": secret, "CYBERSOURCE_ENVIRONMENT": "apitest.cybersource.com"}, "", "", ""},
		{"short profile from env", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": secret, "CYBERSOURCE_PROFILE_ID": "abc"}, "profile_id", "Invalid CyberSource Profile ID", "CYBERSOURCE_PROFILE_ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := resolveProviderConfig(emptyProviderModel(), envFrom(tt.env))
			if diags.HasError() {
				t.Fatal(diags)
			}
			diags = checkResolvedConfig(cfg)
			if tt.attribute == "" {
				if diags.HasError() {
					t.Fatalf("unexpected diagnostics: %v", diags)
				}
				return
			}
			d, ok := diagAt(diags, tt.attribute)
			if !ok {
				t.Fatalf("no error on %s; diagnostics: %v", tt.attribute, diags)
			}
			if d.Summary() != tt.summary || !strings.Contains(d.Detail(), tt.detail) {
				t.Fatalf("diagnostic = %q / %q; want %q containing %q", d.Summary(), d.Detail(), tt.summary, tt.detail)
			}
		})
	}
}

func TestClientConfig(t *testing.T) {
	m := emptyProviderModel()
	m.MerchantID = types.StringValue("m")
	m.P12Base64 = types.StringValue("aGVsbG8=\n")
	m.Endpoint = types.StringValue("https://configured.example.com")
	cfg, _ := resolveProviderConfig(m, envFrom(nil))

	out, diags := cfg.clientConfig("1.2.3", "1.11.4", Options{Endpoint: "http://127.0.0.1:1"})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if out.UserAgent != "Terraform/1.11.4" || out.Version != "1.2.3" {
		t.Errorf("user agent %q, version %q", out.UserAgent, out.Version)
	}
	if out.BaseURL != "http://127.0.0.1:1" {
		t.Errorf("BaseURL = %q, want the Options endpoint to win", out.BaseURL)
	}
	if string(out.P12Data) != "hello" {
		t.Errorf("P12Data = %q, want the decoded content", out.P12Data)
	}
	if out.Logger == nil || out.MaxRetries != 4 || out.RequestTimeout != time.Minute {
		t.Errorf("logger %v, retries %d, timeout %s", out.Logger, out.MaxRetries, out.RequestTimeout)
	}
	if out, _ := cfg.clientConfig("1.2.3", "", Options{}); out.UserAgent != "" || out.BaseURL != "https://configured.example.com" {
		t.Errorf("without Terraform version/options: user agent %q, base URL %q", out.UserAgent, out.BaseURL)
	}
}

// TestClientConfigErrorsMapToAttributes feeds real client.New failures through the mapping and
// checks each lands on the attribute it concerns, naming the environment variable when the value
// came from there.
func TestClientConfigErrorsMapToAttributes(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		attribute string
		want      string
	}{
		{"bad key id", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "has space", "CYBERSOURCE_SHARED_SECRET": "c2VjcmV0"}, "key_id", "CYBERSOURCE_KEY_ID"},
		{"bad merchant id", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m\"", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": "c2VjcmV0"}, "merchant_id", "CYBERSOURCE_MERCHANT_ID"},
		{"unreadable p12 file", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_P12_FILE": "/nonexistent/x.p12"}, "p12_file", "cannot be read"},
		{"garbage p12", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_P12_BASE64": "aGVsbG8="}, "p12_base64", "CYBERSOURCE_P12_BASE64"},
		{"bad portfolio", map[string]string{"CYBERSOURCE_MERCHANT_ID": "m", "CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": "c2VjcmV0", "CYBERSOURCE_PORTFOLIO_ID": "a b"}, "portfolio_id", "CYBERSOURCE_PORTFOLIO_ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags := resolveProviderConfig(emptyProviderModel(), envFrom(tt.env))
			out, d := cfg.clientConfig("test", "", Options{})
			diags.Append(d...)
			if diags.HasError() {
				t.Fatal(diags)
			}
			_, err := client.New(out)
			if err == nil {
				t.Fatal("client.New accepted the configuration")
			}
			addClientConfigError(&diags, cfg, err)
			got, ok := diagAt(diags, tt.attribute)
			if !ok {
				t.Fatalf("no error on %s: %v (client error: %v)", tt.attribute, diags, err)
			}
			if !strings.Contains(got.Detail(), tt.want) {
				t.Fatalf("detail %q does not mention %q", got.Detail(), tt.want)
			}
		})
	}
	t.Run("every client field the provider sets has an attribute", func(t *testing.T) {
		var cfg resolvedConfig
		cfg.bindSettings(emptyProviderModel())
		for _, field := range []string{"MerchantID", "KeyID", "SharedSecret", "PortfolioID", "P12File", "P12Data",
			"P12Password", "KeyAlias", "Environment", "BaseURL", "ProfileID"} {
			if s, ok := cfg.settingForField(field); !ok || s.attribute == "" {
				t.Errorf("client field %s maps to no attribute", field)
			}
		}
	})
}

func TestParseRequestTimeout(t *testing.T) {
	for raw, ok := range map[string]bool{"60s": true, "2m": true, "1s": true, "1h": true, "999ms": false, "61m": false, "fast": false, "": false, "-5s": false} {
		if _, err := parseRequestTimeout(raw); (err == nil) != ok {
			t.Errorf("parseRequestTimeout(%q) error = %v, want ok=%t", raw, err, ok)
		}
	}
}

func TestEnvironmentValues(t *testing.T) {
	values := environmentValues()
	for _, want := range []string{"sandbox", "production", "apitest.cybersource.com", "api.visaacceptance.com"} {
		found := false
		for _, v := range values {
			found = found || v == want
		}
		if !found {
			t.Errorf("environment values %v lack %q", values, want)
		}
	}
}
