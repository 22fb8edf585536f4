package provider

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

// Provider settings a first-time user got wrong (issue 11), each reported on the setting at fault.

// TestAccProvider_endpointSettings: an endpoint with a path (issue 11, item 6: it was doubled into
// /tms/v2/tms/v2/...) is refused, from the configuration and from CYBERSOURCE_ENDPOINT; and
// `environment` must be valid even when `endpoint` takes precedence over it (item 7). Nothing is
// sent.
func TestAccProvider_endpointSettings(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("counts the requests")
	const withPath = "http://127.0.0.1:18080/tms/v2"
	pathRefused := `must\s+not\s+contain\s+a\s+path\s+\(got\s+"/tms/v2"\).*the\s+provider\s+adds\s+the\s+API\s+paths`
	credentials := []string{demoMerchant, demoKeyID, demoSecret}
	block := func(lines ...string) string { return providerBlock(append(credentials, lines...)...) }
	clearProviderEnv(t)
	e.testSerial(
		resource.TestStep{
			Config:      block(fmt.Sprintf("endpoint = %q", withPath)) + readsCustomer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(onAttribute(`Invalid CyberSource Endpoint`, "endpoint") + `.*` + pathRefused),
		},
		resource.TestStep{
			PreConfig:   func() { noRequests(t, sim, "an endpoint with a path")(); t.Setenv("CYBERSOURCE_ENDPOINT", withPath) },
			Config:      block() + readsCustomer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Invalid CyberSource Endpoint.*CYBERSOURCE_ENDPOINT.*` + pathRefused),
		},
		resource.TestStep{
			PreConfig: func() {
				noRequests(t, sim, "CYBERSOURCE_ENDPOINT with a path")()
				t.Setenv("CYBERSOURCE_ENDPOINT", "")
			},
			Config:      block(`endpoint = "http://127.0.0.1:18080"`, `environment = "staging"`) + readsCustomer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)environment.*value must be one of`),
		},
		resource.TestStep{
			PreConfig: func() {
				noRequests(t, sim, "an invalid environment next to an endpoint")()
				t.Setenv("CYBERSOURCE_ENVIRONMENT", "moon")
			},
			Config:      block(`endpoint = "http://127.0.0.1:18080"`) + readsCustomer,
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Invalid CyberSource Environment.*"moon".*CYBERSOURCE_ENVIRONMENT`),
		},
	)
	noRequests(t, sim, "an invalid CYBERSOURCE_ENVIRONMENT next to an endpoint")()
}

// TestAccProvider_p12WithoutPassword: a password-protected P12 file without p12_password is
// reported on p12_password as missing (it said "does not decrypt").
func TestAccProvider_p12WithoutPassword(t *testing.T) {
	key, cert := testkeys.Generate(t, simulator.DemoMerchantID, "tfdemo-serial-0001")
	p12 := base64.StdEncoding.EncodeToString(testkeys.P12(t, key, cert, "p12-password"))
	const message = `is\s+not\s+set,\s+but\s+the\s+P12\s+file\s+is\s+protected\s+by\s+a\s+password`

	// Through the protocol: one diagnostic, on p12_password.
	srv, schemas := protocolServer(t, Options{})
	diags := configureProvider(t, srv, schemas, map[string]tftypes.Value{
		"merchant_id": tftypes.NewValue(tftypes.String, simulator.DemoMerchantID),
		"p12_base64":  tftypes.NewValue(tftypes.String, p12),
	})
	if len(diags) != 1 || !diags[0].Attribute.Equal(tftypes.NewAttributePath().WithAttributeName("p12_password")) ||
		!regexp.MustCompile(message).MatchString(diags[0].Detail) {
		t.Errorf("diagnostics %s, want one on p12_password saying it is not set", describeDiagnostics(diags))
	}

	// Through Terraform.
	e := newAccEnv(t)
	e.requireSimulator("the provider block is written out in full")
	clearProviderEnv(t)
	e.testSerial(misconfigurationStep(providerBlock(demoMerchant, fmt.Sprintf("p12_base64 = %q", p12)),
		`(?s)Invalid CyberSource P12 Password.*p12_password.*`+message))
}

// TestConflictingAuthenticationWording: each setting is named with where it came from, without two
// parentheticals in a row ("`shared_secret` (taken from …) (HTTP Signature)").
func TestConflictingAuthenticationWording(t *testing.T) {
	m := emptyProviderModel()
	m.MerchantID = types.StringValue("m")
	cfg, diags := resolveProviderConfig(m, envFrom(map[string]string{
		"CYBERSOURCE_KEY_ID": "k", "CYBERSOURCE_SHARED_SECRET": "c2VjcmV0", "CYBERSOURCE_P12_BASE64": "AAAA",
	}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	d, ok := diagAt(checkAuthentication(cfg), "p12_base64")
	if !ok {
		t.Fatal("no diagnostic on p12_base64")
	}
	const want = "HTTP Signature authentication is configured through `shared_secret` (taken from the " +
		"CYBERSOURCE_SHARED_SECRET environment variable), and JWT authentication through `p12_base64` (taken from " +
		"the CYBERSOURCE_P12_BASE64 environment variable)."
	if !strings.Contains(d.Detail(), want) || strings.Contains(d.Detail(), ") (") {
		t.Errorf("detail %q\nwant it to contain %q", d.Detail(), want)
	}
}

// TestAccProvider_metaKeyRejectedNamesPortfolio: with a meta key, the advice on rejected
// credentials names portfolio_id (it named only the HTTP Signature settings).
func TestAccProvider_metaKeyRejectedNamesPortfolio(t *testing.T) {
	e := newAccEnv(t)
	e.requireSimulator("the provider block is written out in full, with a meta key of the simulator")
	clearProviderEnv(t)
	e.testSerial(misconfigurationStep(providerBlock(demoMerchant,
		fmt.Sprintf("key_id = %q", simulator.DemoMetaKeyID),
		fmt.Sprintf("shared_secret = %q", simulator.OtherSharedSecret), // valid base64, not the meta key's
		fmt.Sprintf("portfolio_id = %q", simulator.DemoPortfolioID)),
		`(?s)Unable to Read Customer.*401.*did\s+not\s+accept\s+the\s+credentials.*`+
			"`portfolio_id`,\\s+`key_id`\\s+\\(the\\s+meta\\s+key's\\s+id\\).*portfolio\\s+includes\\s+this\\s+merchant"))
}
