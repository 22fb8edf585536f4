package client

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

func TestNewRejectsInvalidConfig(t *testing.T) {
	key, cert := testkeys.Generate(t, testMerchantID, "kid-1")
	p12 := testkeys.P12(t, key, cert, "pw")
	noSerialKey, noSerialCert := testkeys.Generate(t, testMerchantID, "")
	noSerialP12 := testkeys.P12(t, noSerialKey, noSerialCert, "pw")
	hmacCfg := func(mut func(*Config)) Config {
		cfg := Config{MerchantID: testMerchantID, KeyID: testKeyID, SharedSecret: testSecret}
		mut(&cfg)
		return cfg
	}
	jwtCfg := func(mut func(*Config)) Config {
		cfg := Config{MerchantID: testMerchantID, P12Data: p12, P12Password: "pw"}
		mut(&cfg)
		return cfg
	}

	tests := []struct {
		name      string
		cfg       Config
		wantField string
		wantText  string
	}{
		{"missing merchant", hmacCfg(func(c *Config) { c.MerchantID = "" }), "MerchantID", "required"},
		{"merchant with space", hmacCfg(func(c *Config) { c.MerchantID = "a b" }), "MerchantID", "printable"},
		{"secret not base64", hmacCfg(func(c *Config) { c.SharedSecret = "not*base64!" }), "SharedSecret", "valid base64"},
		{"secret decodes empty", hmacCfg(func(c *Config) { c.SharedSecret = "====" }), "SharedSecret", ""},
		{"key id without secret", hmacCfg(func(c *Config) { c.SharedSecret = "" }), "SharedSecret", "required with KeyID"},
		{"secret without key id", hmacCfg(func(c *Config) { c.KeyID = "" }), "KeyID", "required with SharedSecret"},
		{"key id with quote", hmacCfg(func(c *Config) { c.KeyID = `a"b` }), "KeyID", "printable"},
		{"portfolio with newline", hmacCfg(func(c *Config) { c.PortfolioID = "p\n" }), "PortfolioID", "printable"},
		{"no authentication", Config{MerchantID: testMerchantID}, "KeyID", "no authentication"},
		{"portfolio alone is not authentication", Config{MerchantID: testMerchantID, PortfolioID: "p"}, "KeyID", "no authentication"},
		{"both methods", hmacCfg(func(c *Config) { c.P12Data = p12 }), "P12Data", "exactly one"},
		{"both methods via file", hmacCfg(func(c *Config) { c.P12File = "x.p12" }), "P12File", "exactly one"},
		{"both P12 sources", jwtCfg(func(c *Config) { c.P12File = "x.p12" }), "P12Data", "P12File"},
		{"P12 file missing", Config{MerchantID: testMerchantID, P12File: filepath.Join(t.TempDir(), "missing.p12")}, "P12File", "cannot be read"},
		{"P12 data garbage", jwtCfg(func(c *Config) { c.P12Data = []byte("not a p12") }), "P12Data", "PKCS#12"},
		{"P12 wrong password", jwtCfg(func(c *Config) { c.P12Password = "wrong" }), "P12Password", "wrong password"},
		// No password at all is not a wrong one: say that one is needed.
		{"P12 password missing", jwtCfg(func(c *Config) { c.P12Password = "" }), "P12Password", "is not set, but the P12 file is protected"},
		{"P12 key alias matches no certificate", jwtCfg(func(c *Config) { c.KeyAlias = "someone_else" }), "KeyAlias", "matches no certificate"},
		{"P12 without serialNumber", jwtCfg(func(c *Config) { c.P12Data = noSerialP12 }), "P12Data", "serialNumber"},
		{"unknown environment", hmacCfg(func(c *Config) { c.Environment = "staging" }), "Environment", "sandbox"},
		{"http to a remote host", hmacCfg(func(c *Config) { c.BaseURL = "http://api.cybersource.com" }), "BaseURL", "https"},
		{"unsupported scheme", hmacCfg(func(c *Config) { c.BaseURL = "ftp://127.0.0.1" }), "BaseURL", "https"},
		{"relative base URL", hmacCfg(func(c *Config) { c.BaseURL = "/tms" }), "BaseURL", "absolute"},
		{"base URL with query", hmacCfg(func(c *Config) { c.BaseURL = "https://h.example?x=1" }), "BaseURL", "query"},
		{"base URL with user", hmacCfg(func(c *Config) { c.BaseURL = "https://u:p@h.example" }), "BaseURL", "user"},
		// A path would be doubled with the API paths the client adds (/tms/v2/tms/v2/customers).
		{"base URL with a path", hmacCfg(func(c *Config) { c.BaseURL = "http://127.0.0.1:18080/tms/v2" }), "BaseURL", "must not contain a path"},
		{"unparseable base URL", hmacCfg(func(c *Config) { c.BaseURL = "https://[::1" }), "BaseURL", "valid URL"},
		{"profile id too short", hmacCfg(func(c *Config) { c.ProfileID = "abc" }), "ProfileID", "36"},
		{"negative retries", hmacCfg(func(c *Config) { c.MaxRetries = -1 }), "MaxRetries", "negative"},
		{"negative timeout", hmacCfg(func(c *Config) { c.RequestTimeout = -time.Second }), "RequestTimeout", "negative"},
		{"negative wait", hmacCfg(func(c *Config) { c.RetryWaitMax = -time.Second }), "RetryWaitMax", "negative"},
		{"negative retry-after cap", hmacCfg(func(c *Config) { c.MaxRetryAfter = -time.Second }), "MaxRetryAfter", "negative"},
		{"min above max", hmacCfg(func(c *Config) { c.RetryWaitMin, c.RetryWaitMax = time.Second, time.Millisecond }), "RetryWaitMin", "exceed"},
		{"user agent with newline", hmacCfg(func(c *Config) { c.UserAgent = "x\r\nInjected: 1" }), "UserAgent", "control"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.cfg)
			if err == nil {
				t.Fatalf("New succeeded (auth %s), want a %s error", c.AuthMethod(), tt.wantField)
			}
			var cfgErr *ConfigError
			if !errors.As(err, &cfgErr) {
				t.Fatalf("error %T %v is not a *ConfigError", err, err)
			}
			if cfgErr.Field != tt.wantField {
				t.Errorf("Field = %q, want %q (error: %v)", cfgErr.Field, tt.wantField, err)
			}
			if !strings.HasPrefix(err.Error(), tt.wantField+": ") {
				t.Errorf("Error() = %q, want it to start with the field name", err.Error())
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("Error() = %q, want it to mention %q", err.Error(), tt.wantText)
			}
			for _, secret := range []string{testSecret, "pw", "not*base64!"} {
				if tt.cfg.SharedSecret == secret || tt.cfg.P12Password == secret {
					if strings.Contains(err.Error(), secret) {
						t.Errorf("Error() leaks a secret: %q", err.Error())
					}
				}
			}
		})
	}
}

func TestNewAcceptsValidConfig(t *testing.T) {
	key, cert := testkeys.Generate(t, testMerchantID, "kid-1")
	p12 := testkeys.P12(t, key, cert, "pw")
	p12Path := filepath.Join(t.TempDir(), "merchant.p12")
	if err := os.WriteFile(p12Path, p12, 0o600); err != nil {
		t.Fatal(err)
	}
	base := Config{MerchantID: testMerchantID, KeyID: testKeyID, SharedSecret: testSecret}
	with := func(mut func(*Config)) Config {
		cfg := base
		mut(&cfg)
		return cfg
	}

	tests := []struct {
		name        string
		cfg         Config
		wantBaseURL string
		wantAuth    string
	}{
		{"defaults to sandbox", base, "https://apitest.cybersource.com", AuthMethodHTTPSignature},
		{"production", with(func(c *Config) { c.Environment = "production" }), "https://api.cybersource.com", AuthMethodHTTPSignature},
		{"environment name ignores case", with(func(c *Config) { c.Environment = "Production-India" }), "https://api.in.cybersource.com", AuthMethodHTTPSignature},
		{"bare host as environment", with(func(c *Config) { c.Environment = "apitest.visaacceptance.com" }), "https://apitest.visaacceptance.com", AuthMethodHTTPSignature},
		{"base URL overrides environment", with(func(c *Config) { c.Environment = "production"; c.BaseURL = "https://proxy.example/" }), "https://proxy.example", AuthMethodHTTPSignature},
		{"http to 127.0.0.1", with(func(c *Config) { c.BaseURL = "http://127.0.0.1:8080" }), "http://127.0.0.1:8080", AuthMethodHTTPSignature},
		{"http to localhost", with(func(c *Config) { c.BaseURL = "http://localhost:8080/" }), "http://localhost:8080", AuthMethodHTTPSignature},
		{"http to ::1", with(func(c *Config) { c.BaseURL = "http://[::1]:9000" }), "http://[::1]:9000", AuthMethodHTTPSignature},
		{"secret with trailing newline", with(func(c *Config) { c.SharedSecret = testSecret + "\n" }), "https://apitest.cybersource.com", AuthMethodHTTPSignature},
		{"meta key", with(func(c *Config) { c.PortfolioID = "tfdemo_portfolio" }), "https://apitest.cybersource.com", AuthMethodMetaKey},
		{"jwt from bytes", Config{MerchantID: testMerchantID, P12Data: p12, P12Password: "pw"}, "https://apitest.cybersource.com", AuthMethodJWT},
		{"jwt from file", Config{MerchantID: testMerchantID, P12File: p12Path, P12Password: "pw"}, "https://apitest.cybersource.com", AuthMethodJWT},
		{"profile id", with(func(c *Config) { c.ProfileID = testProfileID }), "https://apitest.cybersource.com", AuthMethodHTTPSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, tt.cfg)
			if got := c.BaseURL(); got != tt.wantBaseURL {
				t.Errorf("BaseURL() = %q, want %q", got, tt.wantBaseURL)
			}
			if got := c.AuthMethod(); got != tt.wantAuth {
				t.Errorf("AuthMethod() = %q, want %q", got, tt.wantAuth)
			}
		})
	}
}

func TestNewAppliesDefaults(t *testing.T) {
	c := newTestClient(t, Config{MerchantID: testMerchantID, KeyID: testKeyID, SharedSecret: testSecret})
	if c.requestTimeout != DefaultRequestTimeout {
		t.Errorf("requestTimeout = %s, want %s", c.requestTimeout, DefaultRequestTimeout)
	}
	want := retryPolicy{maxRetries: 0, waitMin: DefaultRetryWaitMin, waitMax: DefaultRetryWaitMax, maxRetryAfter: DefaultMaxRetryAfter}
	if c.retry != want {
		t.Errorf("retry = %+v, want %+v", c.retry, want)
	}
	if c.userAgent != "terraform-provider-cybersource/dev" {
		t.Errorf("userAgent = %q", c.userAgent)
	}
	if c.transport != sharedTransport() {
		t.Error("a client without HTTPClient does not use the shared transport")
	}

	c = newTestClient(t, Config{MerchantID: testMerchantID, KeyID: testKeyID, SharedSecret: testSecret, MaxRetries: DefaultMaxRetries, Version: "1.2.3", UserAgent: "bench/1"})
	if c.retry.maxRetries != DefaultMaxRetries {
		t.Errorf("maxRetries = %d, want %d", c.retry.maxRetries, DefaultMaxRetries)
	}
	if c.userAgent != "terraform-provider-cybersource/1.2.3 bench/1" {
		t.Errorf("userAgent = %q", c.userAgent)
	}
}

func TestEnvironments(t *testing.T) {
	names := EnvironmentNames()
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			t.Fatalf("EnvironmentNames not sorted: %v", names)
		}
	}
	wantHosts := map[string]string{
		"sandbox":                    "apitest.cybersource.com",
		"production":                 "api.cybersource.com",
		"production-india":           "api.in.cybersource.com",
		"production-saudi-arabia":    "api.sa.cybersource.com",
		"sandbox-saudi-arabia":       "apitest.sa.cybersource.com",
		"sandbox-visa-acceptance":    "apitest.visaacceptance.com",
		"production-visa-acceptance": "api.visaacceptance.com",
	}
	if len(names) != len(wantHosts) {
		t.Errorf("EnvironmentNames() = %v, want %d names", names, len(wantHosts))
	}
	for name, host := range wantHosts {
		if got, ok := LookupEnvironment(name); !ok || got != host {
			t.Errorf("LookupEnvironment(%q) = %q, %v; want %q", name, got, ok, host)
		}
		if got, ok := LookupEnvironment(strings.ToUpper(host)); !ok || got != host {
			t.Errorf("LookupEnvironment(%q) = %q, %v; want the host itself", host, got, ok)
		}
	}
	if _, ok := LookupEnvironment("evil.example.com"); ok {
		t.Error("an unknown host was accepted as an environment")
	}
}

func TestConfigPrintsNoSecrets(t *testing.T) {
	cfg := Config{MerchantID: testMerchantID, KeyID: "key-1", SharedSecret: "c2VjcmV0LXZhbHVl", P12Password: "p12-pass", P12Data: []byte("p12-bytes")}
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		for _, printed := range []string{fmt.Sprintf(format, cfg), fmt.Sprintf(format, &cfg)} {
			for _, secret := range []string{cfg.SharedSecret, cfg.P12Password, "p12-bytes"} {
				if strings.Contains(printed, secret) {
					t.Errorf("%s printed %q, which contains a secret", format, printed)
				}
			}
			if !strings.Contains(printed, testMerchantID) {
				t.Errorf("%s printed %q without the merchant id", format, printed)
			}
		}
	}
}
