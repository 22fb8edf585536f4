package provider

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

// providerEnvVars are every variable the provider reads; misconfiguration tests clear them so the
// developer's environment cannot mask (or cause) the error under test.
var providerEnvVars = []string{
	"CYBERSOURCE_MERCHANT_ID", "CYBERSOURCE_KEY_ID", "CYBERSOURCE_SHARED_SECRET", "CYBERSOURCE_PORTFOLIO_ID",
	"CYBERSOURCE_P12_FILE", "CYBERSOURCE_P12_BASE64", "CYBERSOURCE_P12_PASSWORD", "CYBERSOURCE_KEY_ALIAS",
	"CYBERSOURCE_ENVIRONMENT", "CYBERSOURCE_ENDPOINT", "CYBERSOURCE_PROFILE_ID",
}

// providerBlock renders a provider block from attribute lines, without the harness's credentials.
func providerBlock(lines ...string) string {
	return "provider \"cybersource\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

// readsCustomer is a configuration element that makes Terraform configure the provider and call it.
const readsCustomer = `
data "cybersource_tms_customer" "test" {
  id = "0000000000000000000000000000ABCD"
}
`

var (
	demoMerchant = fmt.Sprintf("merchant_id = %q", simulator.DemoMerchantID)
	demoKeyID    = fmt.Sprintf("key_id = %q", simulator.DemoKeyID)
	demoSecret   = fmt.Sprintf("shared_secret = %q", simulator.DemoSharedSecret)
)

// misconfigurationStep is a plan that must fail with the given error.
func misconfigurationStep(block, pattern string) resource.TestStep {
	return resource.TestStep{
		Config:      block + readsCustomer,
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(pattern),
	}
}

// TestAccProvider_invalidConfiguration: each provider misconfiguration, from configuration alone,
// gets its own diagnostic on the attribute at fault.
func TestAccProvider_invalidConfiguration(t *testing.T) {
	e := newAccEnv(t)
	e.requireSimulator("provider blocks are written out in full; sandbox credentials in the environment would change the outcome")
	p12Path := filepath.Join(t.TempDir(), "absent.p12")
	cases := []struct {
		lines   []string
		pattern string
	}{
		// ValidateConfig and attribute validators.
		{[]string{demoMerchant, demoKeyID, `shared_secret = "not base64!"`}, `(?s)Invalid Base64 Value.*shared_secret`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `p12_base64 = "AAAA"`}, `(?s)Conflicting CyberSource Authentication\s+Methods`},
		{[]string{demoMerchant, `p12_file = "x.p12"`, `p12_base64 = "AAAA"`}, `Conflicting CyberSource P12 Settings`},
		{[]string{demoMerchant, `p12_base64 = "%%%"`}, `(?s)Invalid Base64 Value.*p12_base64`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `environment = "staging"`}, `(?s)environment.*value must be one of`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `endpoint = "http://api.example.com"`}, `(?s)Invalid CyberSource Endpoint.*loopback`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `endpoint = "ftp://127.0.0.1"`}, `(?s)Invalid CyberSource Endpoint.*https`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `endpoint = "/relative"`}, `(?s)Invalid CyberSource Endpoint.*absolute`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `profile_id = "short"`}, `(?s)Invalid TMS Profile ID.*exactly\s+36`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `max_retries = 11`}, `(?s)max_retries.*between\s+0\s+and\s+10`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `max_retries = -1`}, `(?s)max_retries.*between\s+0\s+and\s+10`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `request_timeout = "fast"`}, `(?s)Invalid CyberSource Request Timeout.*duration`},
		{[]string{demoMerchant, demoKeyID, demoSecret, `request_timeout = "10ms"`}, `(?s)Invalid CyberSource Request Timeout.*between\s+1s\s+and\s+1h`},
		{[]string{`merchant_id = ""`, demoKeyID, demoSecret}, `Empty Value Not Allowed`},
		// Configure: the merged configuration and environment.
		{[]string{demoKeyID, demoSecret}, `(?s)Missing CyberSource Merchant ID.*CYBERSOURCE_MERCHANT_ID`},
		{[]string{demoMerchant, demoKeyID}, `(?s)Missing CyberSource Shared Secret.*key_id`},
		{[]string{demoMerchant, demoSecret}, `(?s)Missing CyberSource Key ID.*shared_secret`},
		{[]string{demoMerchant}, `(?s)Missing CyberSource Credentials.*p12_file`},
		// Configure: what only the client can judge.
		{[]string{demoMerchant, `key_id = "has space"`, demoSecret}, `(?s)Invalid CyberSource Key ID.*key_id`},
		{[]string{demoMerchant, fmt.Sprintf("p12_file = %q", p12Path), `p12_password = "x"`}, `(?s)Invalid CyberSource P12 File.*cannot\s+be\s+read`},
		{[]string{demoMerchant, `p12_base64 = "AAAA"`, `p12_password = "x"`}, `(?s)Invalid CyberSource P12 Content.*PKCS#12`},
	}
	steps := make([]resource.TestStep, 0, len(cases)+3)
	for _, c := range cases {
		steps = append(steps, misconfigurationStep(providerBlock(c.lines...), c.pattern))
	}
	steps = append(steps,
		// Unknown values get the guidance on how to make them known.
		resource.TestStep{
			Config: `
resource "terraform_data" "merchant" {
  input = "tfdemo_merchant"
}
` + providerBlock("merchant_id = terraform_data.merchant.output", demoKeyID, demoSecret) + readsCustomer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Unknown CyberSource Merchant ID.*CYBERSOURCE_MERCHANT_ID`),
		},
		// Valid format, wrong secret: the API's 401 with advice on credentials.
		misconfigurationStep(providerBlock(demoMerchant, demoKeyID, fmt.Sprintf("shared_secret = %q", simulator.OtherSharedSecret)),
			`(?s)Unable to Read Customer.*401.*did not accept\s+the\s+credentials.*key_id`),
		// A profile the merchant does not have: 424, attached to profile_id.
		misconfigurationStep(providerBlock(demoMerchant, demoKeyID, demoSecret, `profile_id = "00000000-0000-0000-0000-000000000000"`),
			`(?s)Unable to Read Customer.*424.*profile_id`),
	)
	clearProviderEnv(t)
	e.testSerial(steps...)
}

// clearProviderEnv unsets every CYBERSOURCE_* variable for the test.
func clearProviderEnv(t *testing.T) {
	t.Helper()
	for _, name := range providerEnvVars {
		t.Setenv(name, "")
	}
}

// TestAccProvider_environment: the environment fills what the configuration leaves out, the
// configuration wins over it, and a bad value from the environment is reported with the variable's
// name.
func TestAccProvider_environment(t *testing.T) {
	e := newAccEnv(t)
	e.requireSimulator("sets the CYBERSOURCE_* variables to the simulator's demo credentials")
	clearProviderEnv(t)
	t.Setenv("CYBERSOURCE_MERCHANT_ID", simulator.DemoMerchantID)
	t.Setenv("CYBERSOURCE_KEY_ID", simulator.DemoKeyID)
	t.Setenv("CYBERSOURCE_SHARED_SECRET", simulator.OtherSharedSecret) // wrong: the configuration must win
	t.Setenv("CYBERSOURCE_PROFILE_ID", simulator.DemoProfileID)

	withConfiguredSecret := providerBlock(demoSecret) + customerConfig(`title = "From the environment"`)
	e.testSerial(
		resource.TestStep{
			Config:            withConfiguredSecret,
			ConfigStateChecks: []statecheck.StateCheck{expectString("title", "From the environment")},
		},
		resource.TestStep{
			PreConfig: func() { t.Setenv("CYBERSOURCE_SHARED_SECRET", "not base64!") },
			Config:    providerBlock() + readsCustomer,
			PlanOnly:  true,
			ExpectError: regexp.MustCompile(
				`(?s)Invalid CyberSource Shared Secret.*CYBERSOURCE_SHARED_SECRET.*base64`),
		},
		resource.TestStep{
			PreConfig: func() {
				t.Setenv("CYBERSOURCE_SHARED_SECRET", simulator.DemoSharedSecret)
				t.Setenv("CYBERSOURCE_PROFILE_ID", "not-36-characters")
			},
			Config:      providerBlock() + readsCustomer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Invalid CyberSource Profile ID.*CYBERSOURCE_PROFILE_ID`),
		},
		resource.TestStep{
			PreConfig: func() {
				t.Setenv("CYBERSOURCE_PROFILE_ID", "")
				t.Setenv("CYBERSOURCE_ENVIRONMENT", "moon")
			},
			Config:      providerBlock() + readsCustomer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Invalid CyberSource Environment.*CYBERSOURCE_ENVIRONMENT`),
		},
		resource.TestStep{
			PreConfig: func() {
				t.Setenv("CYBERSOURCE_ENVIRONMENT", "")
				t.Setenv("CYBERSOURCE_P12_BASE64", base64.StdEncoding.EncodeToString([]byte("p12")))
			},
			Config:      providerBlock() + readsCustomer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Conflicting CyberSource Authentication\s+Methods.*CYBERSOURCE_P12_BASE64`),
		},
		resource.TestStep{
			// Everything from the environment: the customer is still managed. The profile it was
			// created through is back (another profile in effect would replace it).
			PreConfig: func() {
				t.Setenv("CYBERSOURCE_P12_BASE64", "")
				t.Setenv("CYBERSOURCE_PROFILE_ID", simulator.DemoProfileID)
			},
			Config:   providerBlock() + customerConfig(`title = "From the environment"`),
			PlanOnly: true,
		},
	)
}

// TestAccProvider_authenticationModes manages a customer with each authentication mode the
// simulator verifies: JWT from p12_base64 and from p12_file, and a portfolio meta key.
func TestAccProvider_authenticationModes(t *testing.T) {
	if sandboxMode() {
		t.Skip("needs the simulator: it trusts a certificate generated by the test")
	}
	key, cert := testkeys.Generate(t, simulator.DemoMerchantID, "tfdemo-serial-0001")
	p12 := testkeys.P12(t, key, cert, "p12-password")
	p12Path := filepath.Join(t.TempDir(), "merchant.p12")
	if err := os.WriteFile(p12Path, p12, 0o600); err != nil {
		t.Fatal(err)
	}
	e := startAccEnv(t, simulator.Options{
		JWTCertificates: []simulator.JWTCertificate{{MerchantID: simulator.DemoMerchantID, Certificate: cert}},
	}, false)
	customer := customerConfig(`title = "Authenticated"`)
	jwtInline := providerBlock(demoMerchant, fmt.Sprintf("p12_base64 = %q", base64.StdEncoding.EncodeToString(p12)), `p12_password = "p12-password"`)
	jwtFile := providerBlock(demoMerchant, fmt.Sprintf("p12_file = %q", p12Path), `p12_password = "p12-password"`)
	metaKey := providerBlock(demoMerchant,
		fmt.Sprintf("key_id = %q", simulator.DemoMetaKeyID),
		fmt.Sprintf("shared_secret = %q", simulator.DemoMetaKeySecret),
		fmt.Sprintf("portfolio_id = %q", simulator.DemoPortfolioID))
	wrongPassword := providerBlock(demoMerchant, fmt.Sprintf("p12_base64 = %q", base64.StdEncoding.EncodeToString(p12)), `p12_password = "wrong"`)
	clearProviderEnv(t)
	e.testSerial(
		// First, so that the destroy at the end runs with working credentials.
		resource.TestStep{
			Config:      wrongPassword + customer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Invalid CyberSource P12 Password.*p12_password`),
		},
		resource.TestStep{
			Config: jwtInline + customer,
			ConfigStateChecks: []statecheck.StateCheck{
				expectString("title", "Authenticated"),
				statecheck.ExpectKnownValue(customerAddress, tfjsonpath.New("creator"), knownvalue.StringExact(simulator.DemoMerchantID)),
			},
		},
		resource.TestStep{Config: jwtFile + customerConfig(`title = "Authenticated by file"`),
			ConfigStateChecks: []statecheck.StateCheck{expectString("title", "Authenticated by file")}},
		resource.TestStep{Config: metaKey + customerConfig(`title = "Authenticated by meta key"`),
			ConfigStateChecks: []statecheck.StateCheck{expectString("title", "Authenticated by meta key")}},
	)
}
