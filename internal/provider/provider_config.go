package provider

import (
	"encoding/base64"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// Provider-level defaults, documented in the schema. max_retries mirrors the client's default;
// request_timeout is a string so that users write "60s" or "2m" like everywhere else in Terraform.
const (
	defaultMaxRetries     = client.DefaultMaxRetries
	defaultRequestTimeout = "60s"
	maxMaxRetries         = 10
)

// providerModel is the provider block as Terraform sends it.
type providerModel struct {
	MerchantID     types.String `tfsdk:"merchant_id"`
	KeyID          types.String `tfsdk:"key_id"`
	SharedSecret   types.String `tfsdk:"shared_secret"`
	PortfolioID    types.String `tfsdk:"portfolio_id"`
	P12File        types.String `tfsdk:"p12_file"`
	P12Base64      types.String `tfsdk:"p12_base64"`
	P12Password    types.String `tfsdk:"p12_password"`
	KeyAlias       types.String `tfsdk:"key_alias"`
	Environment    types.String `tfsdk:"environment"`
	Endpoint       types.String `tfsdk:"endpoint"`
	ProfileID      types.String `tfsdk:"profile_id"`
	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
}

// setting is one resolved string setting together with where it came from, so a diagnostic can
// name the attribute and, when the value came from the environment, the variable.
type setting struct {
	attribute string // provider attribute name, e.g. "shared_secret"
	envVar    string // environment fallback, e.g. "CYBERSOURCE_SHARED_SECRET"
	label     string // human name for "Unknown CyberSource <label>" diagnostics
	value     string
	fromEnv   bool
}

// source describes where the value came from, for diagnostic details.
func (s setting) source() string {
	if s.fromEnv {
		return fmt.Sprintf("`%s` (taken from the %s environment variable)", s.attribute, s.envVar)
	}
	return fmt.Sprintf("`%s`", s.attribute)
}

func (s setting) path() path.Path { return path.Root(s.attribute) }

func (s setting) set() bool { return s.value != "" }

// resolvedConfig is the provider block after environment fallbacks (configuration wins).
type resolvedConfig struct {
	merchantID, keyID, sharedSecret, portfolioID setting
	p12File, p12Base64, p12Password, keyAlias    setting
	environment, endpoint, profileID             setting
	maxRetries                                   int64
	requestTimeout                               time.Duration
}

// settingBinding ties one string setting of resolvedConfig to its value in the provider block.
type settingBinding struct {
	target     *setting
	configured types.String
}

// bindSettings names every string setting (attribute, environment variable, label for
// diagnostics) and pairs it with the configured value, so resolution is one loop.
func (cfg *resolvedConfig) bindSettings(m providerModel) []settingBinding {
	bind := func(target *setting, configured types.String, attribute, envVar, label string) settingBinding {
		*target = setting{attribute: attribute, envVar: envVar, label: label}
		return settingBinding{target: target, configured: configured}
	}
	return []settingBinding{
		bind(&cfg.merchantID, m.MerchantID, "merchant_id", "CYBERSOURCE_MERCHANT_ID", "Merchant ID"),
		bind(&cfg.keyID, m.KeyID, "key_id", "CYBERSOURCE_KEY_ID", "Key ID"),
		bind(&cfg.sharedSecret, m.SharedSecret, "shared_secret", "CYBERSOURCE_SHARED_SECRET", "Shared Secret"),
		bind(&cfg.portfolioID, m.PortfolioID, "portfolio_id", "CYBERSOURCE_PORTFOLIO_ID", "Portfolio ID"),
		bind(&cfg.p12File, m.P12File, "p12_file", "CYBERSOURCE_P12_FILE", "P12 File"),
		bind(&cfg.p12Base64, m.P12Base64, "p12_base64", "CYBERSOURCE_P12_BASE64", "P12 Content"),
		bind(&cfg.p12Password, m.P12Password, "p12_password", "CYBERSOURCE_P12_PASSWORD", "P12 Password"),
		bind(&cfg.keyAlias, m.KeyAlias, "key_alias", "CYBERSOURCE_KEY_ALIAS", "Key Alias"),
		bind(&cfg.environment, m.Environment, "environment", "CYBERSOURCE_ENVIRONMENT", "Environment"),
		bind(&cfg.endpoint, m.Endpoint, "endpoint", "CYBERSOURCE_ENDPOINT", "Endpoint"),
		bind(&cfg.profileID, m.ProfileID, "profile_id", "CYBERSOURCE_PROFILE_ID", "Profile ID"),
	}
}

// secrets returns the values that must never appear in logs.
func (cfg resolvedConfig) secrets() []string {
	return []string{cfg.sharedSecret.value, cfg.p12Password.value, cfg.p12Base64.value}
}

// resolveProviderConfig applies the environment fallbacks and defaults. getenv is os.Getenv in
// production and a map lookup in unit tests. Unknown values stop resolution with the
// hashicups-style guidance: the client cannot be built from a value that is not known yet.
func resolveProviderConfig(m providerModel, getenv func(string) string) (resolvedConfig, diag.Diagnostics) {
	var diags diag.Diagnostics
	var cfg resolvedConfig
	if getenv == nil {
		getenv = os.Getenv
	}

	for _, s := range cfg.bindSettings(m) {
		switch {
		case s.configured.IsUnknown():
			diags.AddAttributeError(s.target.path(), "Unknown CyberSource "+s.target.label,
				fmt.Sprintf("The provider cannot create the CyberSource API client because `%s` has a value that is "+
					"not known until apply. Set the value statically in the configuration, use the %s environment "+
					"variable, or apply the resource the value comes from first (for example with -target).",
					s.target.attribute, s.target.envVar))
		case !s.configured.IsNull():
			s.target.value = s.configured.ValueString()
		default:
			s.target.value = getenv(s.target.envVar)
			s.target.fromEnv = s.target.value != ""
		}
	}

	cfg.maxRetries = defaultMaxRetries
	switch {
	case m.MaxRetries.IsUnknown():
		diags.AddAttributeError(path.Root("max_retries"), "Unknown CyberSource Max Retries",
			"The provider cannot create the CyberSource API client because `max_retries` is not known until apply. "+
				"Set it statically in the configuration or omit it to use the default.")
	case !m.MaxRetries.IsNull():
		cfg.maxRetries = m.MaxRetries.ValueInt64()
	}

	timeout := defaultRequestTimeout
	switch {
	case m.RequestTimeout.IsUnknown():
		diags.AddAttributeError(path.Root("request_timeout"), "Unknown CyberSource Request Timeout",
			"The provider cannot create the CyberSource API client because `request_timeout` is not known until apply. "+
				"Set it statically in the configuration or omit it to use the default.")
	case !m.RequestTimeout.IsNull():
		timeout = m.RequestTimeout.ValueString()
	}
	if d, err := parseRequestTimeout(timeout); err != nil {
		diags.AddAttributeError(path.Root("request_timeout"), "Invalid CyberSource Request Timeout", err.Error())
	} else {
		cfg.requestTimeout = d
	}
	return cfg, diags
}

// checkResolvedConfig applies the checks that need the environment fallbacks: a value from the
// environment never went through the schema validators, and "exactly one authentication method"
// can only be judged once both sources are merged.
func checkResolvedConfig(cfg resolvedConfig) diag.Diagnostics {
	var diags diag.Diagnostics

	if !cfg.merchantID.set() {
		diags.AddAttributeError(cfg.merchantID.path(), "Missing CyberSource Merchant ID",
			"The provider needs the CyberSource merchant id. Set `merchant_id` in the provider block or the "+
				"CYBERSOURCE_MERCHANT_ID environment variable.")
	}

	// Values from the environment, checked like the schema checks configured ones.
	for _, s := range []setting{cfg.sharedSecret, cfg.p12Base64} {
		if s.fromEnv {
			if err := checkBase64(s.value); err != nil {
				diags.AddAttributeError(s.path(), "Invalid CyberSource "+s.label,
					fmt.Sprintf("The value of %s %s.", s.source(), err))
			}
		}
	}
	if cfg.endpoint.fromEnv {
		if err := client.CheckEndpoint(cfg.endpoint.value); err != nil {
			diags.AddAttributeError(cfg.endpoint.path(), "Invalid CyberSource Endpoint",
				fmt.Sprintf("The value of %s %s.", cfg.endpoint.source(), err))
		}
	}
	if cfg.environment.fromEnv {
		if _, ok := client.LookupEnvironment(cfg.environment.value); !ok {
			diags.AddAttributeError(cfg.environment.path(), "Invalid CyberSource Environment",
				fmt.Sprintf("The value %q of %s is not a known environment. Use one of: %s.",
					cfg.environment.value, cfg.environment.source(), strings.Join(client.EnvironmentNames(), ", ")))
		}
	}
	if cfg.profileID.fromEnv {
		if err := client.CheckProfileID(cfg.profileID.value); err != nil {
			diags.AddAttributeError(cfg.profileID.path(), "Invalid CyberSource Profile ID",
				fmt.Sprintf("The value of %s %s.", cfg.profileID.source(), err))
		}
	}

	diags.Append(checkAuthentication(cfg)...)
	return diags
}

// checkAuthentication enforces "exactly one complete authentication method": HTTP Signature
// (key_id + shared_secret, optionally portfolio_id for a meta key) or JWT (p12_file or p12_base64).
func checkAuthentication(cfg resolvedConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	hasSignature := cfg.keyID.set() || cfg.sharedSecret.set()
	hasP12 := cfg.p12File.set() || cfg.p12Base64.set()

	switch {
	case cfg.p12File.set() && cfg.p12Base64.set():
		diags.AddAttributeError(cfg.p12Base64.path(), "Conflicting CyberSource P12 Settings",
			fmt.Sprintf("Both %s and %s are set. Set exactly one: the path to the P12 file or its base64 content.",
				cfg.p12File.source(), cfg.p12Base64.source()))
	case cfg.sharedSecret.set() && hasP12:
		p12 := cfg.p12File
		if !p12.set() {
			p12 = cfg.p12Base64
		}
		diags.AddAttributeError(p12.path(), "Conflicting CyberSource Authentication Methods",
			fmt.Sprintf("HTTP Signature authentication is configured through %s, and JWT authentication through %s. "+
				"Configure exactly one authentication method: unset one of them in the provider block or the "+
				"environment.", cfg.sharedSecret.source(), p12.source()))
	case hasSignature && !cfg.keyID.set() && !hasP12:
		diags.AddAttributeError(cfg.keyID.path(), "Missing CyberSource Key ID",
			fmt.Sprintf("%s is set but the key id that goes with it is not. Set `key_id` (or CYBERSOURCE_KEY_ID) to the "+
				"id of the shared secret key (the meta key's id when `portfolio_id` is set).", cfg.sharedSecret.source()))
	case hasSignature && !cfg.sharedSecret.set() && !hasP12:
		diags.AddAttributeError(cfg.sharedSecret.path(), "Missing CyberSource Shared Secret",
			fmt.Sprintf("%s is set but the shared secret that goes with it is not. Set `shared_secret` (or "+
				"CYBERSOURCE_SHARED_SECRET) to the base64 secret of that key, or configure a P12 file instead.", cfg.keyID.source()))
	case !hasSignature && !hasP12:
		diags.AddAttributeError(cfg.sharedSecret.path(), "Missing CyberSource Credentials",
			"No authentication method is configured. Set `key_id` and `shared_secret` (HTTP Signature; add "+
				"`portfolio_id` for a meta key) or `p12_file`/`p12_base64` with `p12_password` (JWT), in the provider "+
				"block or through the CYBERSOURCE_* environment variables.")
	}
	return diags
}

// clientConfig turns the resolved settings into the client's Config. Options from
// NewWithOptions (tests, benchmarks) win over the configuration.
func (cfg resolvedConfig) clientConfig(version, terraformVersion string, opts Options) (client.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := client.Config{
		MerchantID:     cfg.merchantID.value,
		KeyID:          cfg.keyID.value,
		SharedSecret:   cfg.sharedSecret.value,
		PortfolioID:    cfg.portfolioID.value,
		P12File:        cfg.p12File.value,
		P12Password:    cfg.p12Password.value,
		KeyAlias:       cfg.keyAlias.value,
		Environment:    cfg.environment.value,
		BaseURL:        cfg.endpoint.value,
		RequestTimeout: cfg.requestTimeout,
		MaxRetries:     int(cfg.maxRetries),
		Version:        version,
		HTTPClient:     opts.HTTPClient,
		Logger:         tflogExchangeLogger{},
	}
	if terraformVersion != "" {
		out.UserAgent = "Terraform/" + terraformVersion
	}
	if opts.Endpoint != "" {
		out.BaseURL = opts.Endpoint
	}
	if cfg.p12Base64.set() {
		data, err := decodeBase64(cfg.p12Base64.value)
		if err != nil {
			diags.AddAttributeError(cfg.p12Base64.path(), "Invalid CyberSource P12 Content",
				fmt.Sprintf("The value of %s %s.", cfg.p12Base64.source(), err))
		}
		out.P12Data = data
	}
	return out, diags
}

// settingForField maps client.ConfigError.Field to the provider setting at fault.
func (cfg resolvedConfig) settingForField(field string) (setting, bool) {
	switch field {
	case "MerchantID":
		return cfg.merchantID, true
	case "KeyID":
		return cfg.keyID, true
	case "SharedSecret":
		return cfg.sharedSecret, true
	case "PortfolioID":
		return cfg.portfolioID, true
	case "P12File":
		return cfg.p12File, true
	case "P12Data":
		return cfg.p12Base64, true
	case "P12Password":
		return cfg.p12Password, true
	case "KeyAlias":
		return cfg.keyAlias, true
	case "Environment":
		return cfg.environment, true
	case "BaseURL":
		return cfg.endpoint, true
	case "ProfileID":
		return cfg.profileID, true
	}
	return setting{}, false
}

// decodeBase64 accepts standard base64 with surrounding whitespace (a trailing newline from a
// file or `base64` output is common).
func decodeBase64(s string) ([]byte, error) {
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("is not valid base64 (%v)", err)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("decodes to nothing")
	}
	return data, nil
}

// checkBase64 reports whether s is usable base64, without returning the decoded bytes.
func checkBase64(s string) error {
	_, err := decodeBase64(s)
	return err
}

// parseRequestTimeout parses request_timeout ("60s", "2m"). The bounds keep a typo such as "60ms"
// or "60h" from producing a provider that times out every call or hangs for hours.
func parseRequestTimeout(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("request_timeout %q is not a duration such as \"60s\" or \"2m\": %v", s, err)
	}
	if d < time.Second || d > time.Hour {
		return 0, fmt.Errorf("request_timeout %q must be between 1s and 1h", s)
	}
	return d, nil
}
