package provider

import (
	"encoding/base64"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

// badInputCase is one invalid configuration (issue 6 §3): it must fail with a
// diagnostic that names the attribute and the rule, before any API call.
type badInputCase struct {
	name string
	// step builds the failing step; it is given the environment so resource
	// cases can use the harness's (valid) provider block.
	step func(e *accEnv) resource.TestStep
	// want must match the error: the attribute and the rule it broke.
	want string
}

func badProvider(lines ...string) func(*accEnv) resource.TestStep {
	return func(*accEnv) resource.TestStep {
		return resource.TestStep{Config: providerBlock(lines...) + readsCustomer, PlanOnly: true}
	}
}

func badResource(line string) func(*accEnv) resource.TestStep {
	return func(e *accEnv) resource.TestStep {
		return resource.TestStep{Config: e.config(customerConfig(line)), PlanOnly: true}
	}
}

func badImportID(id string) func(*accEnv) resource.TestStep {
	return func(e *accEnv) resource.TestStep {
		return resource.TestStep{
			Config:        e.config(customerConfig()),
			ResourceName:  customerAddress,
			ImportState:   true,
			ImportStateId: id,
		}
	}
}

// onAttribute matches a diagnostic with the given summary that Terraform attributes to the
// attribute: it quotes that attribute's line of the configuration under the summary. A summary
// alone would also match a diagnostic on the whole provider block.
func onAttribute(summary, attribute string) string {
	return `(?s)` + summary + `.*?\n\s*\d+:\s+` + attribute + `\s+=`
}

// badInputCases lists the configurations. P12 cases get real PKCS#12 data so
// that only the property under test is wrong.
func badInputCases(t *testing.T) []badInputCase {
	key, cert := testkeys.Generate(t, simulator.DemoMerchantID, "bad-input-serial")
	p12 := base64.StdEncoding.EncodeToString(testkeys.P12(t, key, cert, "right-password"))
	absentP12 := filepath.Join(t.TempDir(), "absent.p12")
	long := func(n int) string { return strings.Repeat("x", n) }
	const importForms = `(?s)Invalid Customer Import ID.*Accepted\s+forms`

	return []badInputCase{
		// Provider block: attribute validators and ValidateConfig.
		{"secret not base64", badProvider(demoMerchant, demoKeyID, `shared_secret = "not base64!"`), `(?s)Invalid Base64 Value.*shared_secret`},
		{"two auth methods", badProvider(demoMerchant, demoKeyID, demoSecret, fmt.Sprintf("p12_base64 = %q", p12), `p12_password = "right-password"`), onAttribute(`Conflicting CyberSource Authentication\s+Methods`, "p12_base64")},
		{"p12 file and inline p12", badProvider(demoMerchant, `p12_file = "x.p12"`, fmt.Sprintf("p12_base64 = %q", p12)), onAttribute(`Conflicting CyberSource P12 Settings`, "p12_base64")},
		{"unknown environment", badProvider(demoMerchant, demoKeyID, demoSecret, `environment = "staging"`), `(?s)environment.*value must be one of`},
		{"non-loopback http endpoint", badProvider(demoMerchant, demoKeyID, demoSecret, `endpoint = "http://api.example.com"`), onAttribute(`Invalid CyberSource Endpoint`, "endpoint") + `.*loopback`},
		{"endpoint scheme", badProvider(demoMerchant, demoKeyID, demoSecret, `endpoint = "ftp://127.0.0.1"`), onAttribute(`Invalid CyberSource Endpoint`, "endpoint") + `.*https`},
		{"provider profile_id length", badProvider(demoMerchant, demoKeyID, demoSecret, `profile_id = "short"`), onAttribute(`Invalid TMS Profile ID`, "profile_id") + `.*exactly\s+36`},
		{"max_retries above range", badProvider(demoMerchant, demoKeyID, demoSecret, `max_retries = 11`), `(?s)max_retries.*between\s+0\s+and\s+10`},
		{"request_timeout not a duration", badProvider(demoMerchant, demoKeyID, demoSecret, `request_timeout = "fast"`), onAttribute(`Invalid CyberSource Request Timeout`, "request_timeout") + `.*duration`},
		{"empty merchant_id", badProvider(`merchant_id = ""`, demoKeyID, demoSecret), `(?s)Empty Value Not Allowed.*merchant_id`},
		// Provider block: Configure, before the client makes any call.
		{"no merchant", badProvider(demoKeyID, demoSecret), `(?s)Missing CyberSource Merchant ID.*CYBERSOURCE_MERCHANT_ID`},
		{"no authentication at all", badProvider(demoMerchant), `(?s)Missing CyberSource Credentials.*p12_file`},
		{"secret without key id", badProvider(demoMerchant, demoSecret), `(?s)Missing CyberSource Key ID.*shared_secret`},
		{"key id without secret", badProvider(demoMerchant, demoKeyID), `(?s)Missing CyberSource Shared Secret.*key_id`},
		{"unreadable p12 file", badProvider(demoMerchant, fmt.Sprintf("p12_file = %q", absentP12), `p12_password = "x"`), onAttribute(`Invalid CyberSource P12 File`, "p12_file") + `.*cannot\s+be\s+read`},
		{"p12 content not PKCS#12", badProvider(demoMerchant, `p12_base64 = "AAAA"`, `p12_password = "x"`), onAttribute(`Invalid CyberSource P12 Content`, "p12_base64") + `.*PKCS#12`},
		{"wrong p12 password", badProvider(demoMerchant, fmt.Sprintf("p12_base64 = %q", p12), `p12_password = "wrong-password"`), `(?s)p12_password.*wrong\s+password`},
		// Resource attributes: every §3 length limit and empty strings.
		{"empty title", badResource(`title = ""`), `(?s)Empty Value Not Allowed.*title.*omit\s+the\s+attribute`},
		{"empty email", badResource(`email = ""`), `(?s)Empty Value Not Allowed.*email`},
		{"empty merchant_customer_id", badResource(`merchant_customer_id = ""`), `(?s)Empty Value Not Allowed.*merchant_customer_id`},
		{"empty default_payment_instrument_id", badResource(`default_payment_instrument_id = ""`), `(?s)Empty Value Not Allowed.*default_payment_instrument_id`},
		{"empty merchant-defined value", badResource(`merchant_defined_information = { data1 = "" }`), `(?s)Empty Value Not Allowed.*merchant_defined_information`},
		{"title over 60", badResource(fmt.Sprintf("title = %q", long(61))), `(?s)title.*at\s+most\s+60`},
		{"comment over 150", badResource(fmt.Sprintf("comment = %q", long(151))), `(?s)comment.*at\s+most\s+150`},
		{"merchant_customer_id over 100", badResource(fmt.Sprintf("merchant_customer_id = %q", long(101))), `(?s)merchant_customer_id.*at\s+most\s+100`},
		{"email over 255", badResource(fmt.Sprintf("email = %q", long(256))), `(?s)email.*at\s+most\s+255`},
		{"client_reference_code over 50", badResource(fmt.Sprintf("client_reference_code = %q", long(51))), `(?s)client_reference_code.*at\s+most\s+50`},
		{"merchant-defined value over 100", badResource(fmt.Sprintf("merchant_defined_information = { data1 = %q }", long(101))), `(?s)merchant_defined_information.*at\s+most\s+100`},
		{"merchant-defined name unknown", badResource(`merchant_defined_information = { data5 = "x" }`), `(?s)merchant_defined_information.*data1`},
		{"resource profile_id length", badResource(`profile_id = "too-short"`), onAttribute(`Invalid TMS Profile ID`, "profile_id") + `.*exactly\s+36`},
		// Import ids.
		{"import id with dashes", badImportID("has-dashes"), importForms},
		{"import id over 32", badImportID(strings.Repeat("A", 33)), importForms},
		{"import profile part too short", badImportID("short-profile/F2F3ADA770102B51E053A2598D0A9078"), importForms},
		{"import id with extra segment", badImportID("F75AF380-9D1B-4117-83CD-FF2C0430ECE3/F2F3ADA770102B51E053A2598D0A9078/extra"), importForms},
	}
}

// TestAccInvalidConfigurationMakesNoRequest: each invalid configuration fails
// with a diagnostic naming the attribute and the rule, and the simulator
// records zero requests for all of them — validation happens before any call.
func TestAccInvalidConfigurationMakesNoRequest(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("counts the requests each invalid configuration makes")
	cases := badInputCases(t)
	if len(cases) < 25 {
		t.Fatalf("only %d invalid configurations; the issue asks for at least 25", len(cases))
	}

	// noRequestsSince checks, before each step, that the previous case made
	// no request, so a failure names the case at fault.
	noRequestsSince := func(previous string) func() {
		return func() {
			if stats := sim.Stats(); len(stats.ByMethod) != 0 {
				t.Errorf("invalid configuration %q reached the API: %v", previous, stats.ByMethod)
				sim.ResetStats()
			}
		}
	}
	steps := make([]resource.TestStep, 0, len(cases))
	previous := "(none)"
	for _, c := range cases {
		step := c.step(e)
		step.ExpectError = regexp.MustCompile(c.want)
		step.PreConfig = noRequestsSince(previous)
		steps = append(steps, step)
		previous = c.name
	}
	clearProviderEnv(t)
	e.testSerial(steps...)
	noRequestsSince(previous)()
}
