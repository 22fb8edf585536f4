package tfrun

import (
	"context"
	"fmt"
)

// Provider is a provider binary built for one test process or benchmark run,
// together with the CLI configuration that makes terraform use it.
type Provider struct {
	// Dir holds the binary and the CLI configuration; the caller owns it.
	Dir string
	// Binary is the provider executable inside Dir.
	Binary string
	// CLIConfigFile is the dev_overrides configuration, for TF_CLI_CONFIG_FILE.
	CLIConfigFile string
}

// Build compiles the provider into dir and writes the dev_overrides CLI
// configuration beside it. dir should be a fresh temporary directory the
// caller removes afterwards (t.TempDir in tests).
func Build(ctx context.Context, dir string) (*Provider, error) {
	providers, err := BuildTargets(ctx, dir, BuildOptions{}, MainTarget)
	if err != nil {
		return nil, err
	}
	return providers[0], nil
}

// Credentials are the provider settings a run passes through the
// CYBERSOURCE_* environment variables, so that generated configurations need
// no provider block arguments and never contain a secret.
type Credentials struct {
	MerchantID   string
	KeyID        string
	SharedSecret string
	PortfolioID  string
	P12File      string
	P12Password  string
	ProfileID    string
	Endpoint     string
}

// Env returns the non-empty credentials as environment variables.
func (c Credentials) Env() map[string]string {
	env := map[string]string{}
	for name, value := range map[string]string{
		"CYBERSOURCE_MERCHANT_ID":   c.MerchantID,
		"CYBERSOURCE_KEY_ID":        c.KeyID,
		"CYBERSOURCE_SHARED_SECRET": c.SharedSecret,
		"CYBERSOURCE_PORTFOLIO_ID":  c.PortfolioID,
		"CYBERSOURCE_P12_FILE":      c.P12File,
		"CYBERSOURCE_P12_PASSWORD":  c.P12Password,
		"CYBERSOURCE_PROFILE_ID":    c.ProfileID,
		"CYBERSOURCE_ENDPOINT":      c.Endpoint,
	} {
		if value != "" {
			env[name] = value
		}
	}
	return env
}

// LogEnv returns the variables that send terraform core and provider logs at
// TRACE to path, including the provider's raw HTTP subsystem, which is off
// unless asked for.
func LogEnv(path string) map[string]string {
	return map[string]string{
		"TF_LOG":                           "TRACE",
		"TF_LOG_PATH":                      path,
		"TF_LOG_PROVIDER_CYBERSOURCE_HTTP": "TRACE",
	}
}

// String names the provider build for error messages.
func (p *Provider) String() string {
	return fmt.Sprintf("provider %s", p.Binary)
}
