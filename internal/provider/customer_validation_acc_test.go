package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// Issue 11 ("What a new user hit"): configuration mistakes a first-time user made, each of which
// must get one diagnostic that names the setting at fault and what is wrong with it, before any
// request is sent.

// noRequests is a PreConfig (or a final check) failing the test when the simulator answered
// anything since the last one.
func noRequests(t *testing.T, sim *simulator.Simulator, what string) func() {
	return func() {
		if stats := sim.Stats(); len(stats.ByMethod) != 0 {
			t.Errorf("%s reached the API: %v", what, stats.ByMethod)
			sim.ResetStats()
		}
	}
}

// describeDiagnostics lists diagnostics with their attribute paths.
func describeDiagnostics(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "\n  [%v] %s: %s", d.Attribute, d.Summary, d.Detail)
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// validateCustomer runs ValidateResourceConfig for a customer with the given attributes.
func validateCustomer(t *testing.T, attributes map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	t.Helper()
	srv, schemas := protocolServer(t, Options{})
	resp, err := srv.ValidateResourceConfig(t.Context(), &tfprotov6.ValidateResourceConfigRequest{
		TypeName: "cybersource_tms_customer",
		Config:   objectValue(t, schemas.ResourceSchemas["cybersource_tms_customer"].ValueType(), attributes),
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics
}

// expectOneDiagnosticAt fails unless diags is exactly one error at the attribute path whose
// detail matches pattern.
func expectOneDiagnosticAt(t *testing.T, diags []*tfprotov6.Diagnostic, at *tftypes.AttributePath, pattern string) {
	t.Helper()
	if len(diags) != 1 || !diags[0].Attribute.Equal(at) || !regexp.MustCompile(pattern).MatchString(diags[0].Detail) {
		t.Errorf("diagnostics %s\nwant exactly one at %s matching %s", describeDiagnostics(diags), at, pattern)
	}
}

// TestAccCustomerResource_unknownMerchantDefinedName: a name CyberSource does not define is
// reported as a bad name (it read as a bad value).
func TestAccCustomerResource_unknownMerchantDefinedName(t *testing.T) {
	const want = `Unknown merchant-defined field name "data9": names are data1…data4, sensitive1…sensitive4\.`
	mdi := tftypes.Map{ElementType: tftypes.String}
	diags := validateCustomer(t, map[string]tftypes.Value{
		"merchant_defined_information": tftypes.NewValue(mdi, map[string]tftypes.Value{
			"data1": tftypes.NewValue(tftypes.String, "gold"),
			"data9": tftypes.NewValue(tftypes.String, "x"),
		}),
	})
	expectOneDiagnosticAt(t, diags,
		tftypes.NewAttributePath().WithAttributeName("merchant_defined_information").WithElementKeyString("data9"), want)
	upper := validateCustomer(t, map[string]tftypes.Value{
		"merchant_defined_information": tftypes.NewValue(mdi, map[string]tftypes.Value{
			"Data1": tftypes.NewValue(tftypes.String, "gold"),
		}),
	})
	expectOneDiagnosticAt(t, upper,
		tftypes.NewAttributePath().WithAttributeName("merchant_defined_information").WithElementKeyString("Data1"),
		`"Data1".*Names are lower-case\.`)

	e := newAccEnv(t)
	e.test(resource.TestStep{
		Config:   e.config(customerConfig(`merchant_defined_information = { data1 = "gold", data9 = "x" }`)),
		PlanOnly: true,
		ExpectError: regexp.MustCompile(`(?s)Unknown Merchant-Defined Field Name.*data9 = "x".*` +
			strings.ReplaceAll(want, " ", `\s+`)),
	})
}

// TestAccCustomerResource_invalidTimeout: an invalid timeouts.create gets one diagnostic that
// names timeouts.create, whether the value is known when planning or only when applying; Terraform
// cannot point at a value inside the timeouts object, so the message has to say which it is.
func TestAccCustomerResource_invalidTimeout(t *testing.T) {
	const want = `The value "5 minutes" of timeouts.create is not a duration`
	timeoutsType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"create": tftypes.String, "read": tftypes.String, "update": tftypes.String, "delete": tftypes.String,
	}}
	timeouts := func(create, update string) map[string]tftypes.Value {
		value := func(s string) tftypes.Value {
			if s == "" {
				return tftypes.NewValue(tftypes.String, nil)
			}
			return tftypes.NewValue(tftypes.String, s)
		}
		return map[string]tftypes.Value{"timeouts": tftypes.NewValue(timeoutsType, map[string]tftypes.Value{
			"create": value(create), "read": value(""), "update": value(update), "delete": value("2m"),
		})}
	}
	expectOneDiagnosticAt(t, validateCustomer(t, timeouts("5 minutes", "")),
		tftypes.NewAttributePath().WithAttributeName("timeouts").WithAttributeName("create"), want)
	expectOneDiagnosticAt(t, validateCustomer(t, timeouts("", "-1m")),
		tftypes.NewAttributePath().WithAttributeName("timeouts").WithAttributeName("update"),
		`"-1m" of timeouts.update must be longer than zero`)

	e := newAccEnv(t)
	pattern := regexp.MustCompile(`(?s)Invalid Operation Timeout.*` + strings.ReplaceAll(want, " ", `\s+`))
	e.test(
		resource.TestStep{
			Config:      e.config(customerConfig(`timeouts = { create = "5 minutes" }`)),
			PlanOnly:    true,
			ExpectError: pattern,
		},
		resource.TestStep{
			// Only known during apply: the same single diagnostic, and no customer created.
			PreConfig: e.resetStats,
			Config: e.config(`resource "terraform_data" "timeout" {
  input = "5 minutes"
}
` + customerConfig(`timeouts = { create = terraform_data.timeout.output }`)),
			ExpectError: pattern,
		},
		resource.TestStep{
			PreConfig: func() {
				if e.server != nil {
					noRequests(t, e.server.Sim, "an invalid timeouts.create")()
				}
			},
			Config: e.config(customerConfig(`timeouts = { create = "5m" }`)),
		},
	)
}
