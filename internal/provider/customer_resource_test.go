package provider

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

const customerAddress = "cybersource_tms_customer.test"

var customerIDPattern = regexp.MustCompile(`^[A-Za-z0-9]{1,32}$`)

// customerConfig renders the resource with the given attribute lines.
func customerConfig(lines ...string) string {
	return "resource \"cybersource_tms_customer\" \"test\" {\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

// fullAttributes and changedAttributes set every writable attribute, each to a different value.
var (
	fullAttributes = []string{
		`merchant_customer_id  = "cust-000123"`,
		`email                 = "jane@example.com"`,
		`client_reference_code = "TC50171_3"`,
		`title                 = "Gold customer"`,
		`comment               = "Created by Terraform"`,
		`merchant_defined_information = { data1 = "loyalty-gold", sensitive1 = "token-a" }`,
	}
	changedAttributes = []string{
		`merchant_customer_id  = "cust-000999"`,
		`email                 = "june@example.org"`,
		`client_reference_code = "TC50171_4"`,
		`title                 = "Platinum customer"`,
		`comment               = "Updated by Terraform"`,
		`merchant_defined_information = { data1 = "loyalty-platinum", sensitive1 = "token-b" }`,
	}
)

// customerState has the short forms of the usual state checks on the test customer.
const customerState = stateOf(customerAddress)

func expectString(attribute, value string) statecheck.StateCheck {
	return customerState.str(attribute, value)
}

func expectNull(attribute string) statecheck.StateCheck { return customerState.null(attribute) }

func expectMap(values map[string]string) statecheck.StateCheck {
	checks := map[string]knownvalue.Check{}
	for k, v := range values {
		checks[k] = knownvalue.StringExact(v)
	}
	return customerState.check("merchant_defined_information", knownvalue.MapExact(checks))
}

// storedCustomer is a Check on the simulator's copy of the test customer.
func (e *accEnv) storedCustomer(check func(body map[string]any) error) resource.TestCheckFunc {
	return e.stored(customerAddress, check)
}

// storedField returns a nested member of a stored customer ("objectInformation.title").
func storedField(body map[string]any, dotted string) (any, bool) {
	var current any = body
	for _, part := range strings.Split(dotted, ".") {
		obj, ok := current.(map[string]any)
		if !ok {
			return nil, false
		}
		if current, ok = obj[part]; !ok {
			return nil, false
		}
	}
	return current, true
}

func storedAbsent(fields ...string) func(map[string]any) error {
	return func(body map[string]any) error {
		for _, f := range fields {
			if v, ok := storedField(body, f); ok {
				return fmt.Errorf("stored customer still has %s = %v", f, v)
			}
		}
		return nil
	}
}

func storedEquals(field string, want any) func(map[string]any) error {
	return func(body map[string]any) error {
		got, ok := storedField(body, field)
		if !ok || fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("stored customer has %s = %v (present: %t), want %v", field, got, ok, want)
		}
		return nil
	}
}

// TestAccCustomerResource_minimal creates a customer with no attributes: one POST, no GET, every
// optional attribute null (not ""), and id/creator from the answer; then both import forms.
func TestAccCustomerResource_minimal(t *testing.T) {
	e := newAccEnv(t)
	config := e.config(customerConfig())
	e.test(
		resource.TestStep{
			PreConfig: e.resetStats,
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionCreate),
				plancheck.ExpectUnknownValue(customerAddress, tfjsonpath.New("id")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customerAddress, tfjsonpath.New("id"), knownvalue.StringRegexp(customerIDPattern)),
				statecheck.ExpectKnownValue(customerAddress, tfjsonpath.New("creator"), knownvalue.NotNull()),
				expectNull("profile_id"), expectNull("merchant_customer_id"), expectNull("email"),
				expectNull("client_reference_code"), expectNull("title"), expectNull("comment"),
				expectNull("merchant_defined_information"), expectNull("default_payment_instrument_id"),
				expectNull("default_shipping_address_id"),
			},
			// tms-api.md §1: the 201 carries the customer, so create is exactly one POST.
			Check: e.requestCounts(map[string]int{"POST customers 201": 1}),
		},
		resource.TestStep{
			ResourceName:      customerAddress,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			ResourceName:    customerAddress,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
		},
	)
}

// TestAccCustomerResource_full creates a customer with every attribute, checks state and the
// stored API object, then imports it with both id forms through the CLI and import blocks.
func TestAccCustomerResource_full(t *testing.T) {
	e := newAccEnv(t)
	profileID := e.requireProfileID()
	config := e.config(customerConfig(append([]string{fmt.Sprintf("profile_id = %q", profileID)}, fullAttributes...)...))
	importWithProfile := func(s *terraform.State) (string, error) {
		return profileID + "/" + s.RootModule().Resources[customerAddress].Primary.ID, nil
	}
	e.test(
		resource.TestStep{
			PreConfig: e.resetStats,
			Config:    config,
			ConfigStateChecks: []statecheck.StateCheck{
				expectString("profile_id", profileID),
				expectString("merchant_customer_id", "cust-000123"),
				expectString("email", "jane@example.com"),
				expectString("client_reference_code", "TC50171_3"),
				expectString("title", "Gold customer"),
				expectString("comment", "Created by Terraform"),
				expectMap(map[string]string{"data1": "loyalty-gold", "sensitive1": "token-a"}),
				expectString("creator", e.merchantID),
				expectNull("default_payment_instrument_id"),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(map[string]int{"POST customers 201": 1}),
				e.storedCustomer(storedEquals("buyerInformation.merchantCustomerID", "cust-000123")),
				e.storedCustomer(storedEquals("clientReferenceInformation.code", "TC50171_3")),
			),
		},
		resource.TestStep{
			ResourceName:      customerAddress,
			ImportState:       true,
			ImportStateIdFunc: importWithProfile,
			ImportStateVerify: true,
		},
		resource.TestStep{
			ResourceName:      customerAddress,
			ImportState:       true,
			ImportStateKind:   resource.ImportBlockWithID,
			ImportStateIdFunc: importWithProfile,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(customerAddress, tfjsonpath.New("profile_id"), knownvalue.StringExact(profileID)),
				plancheck.ExpectKnownValue(customerAddress, tfjsonpath.New("title"), knownvalue.StringExact("Gold customer")),
			}},
		},
		resource.TestStep{
			// The short form leaves profile_id unset, which differs from this configuration.
			ResourceName:            customerAddress,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"profile_id"},
		},
	)
}

// TestAccCustomerResource_update changes every attribute in place (one GET for the refresh, one
// PATCH, same id), removes attributes (sent as null: gone from the API), walks
// merchant_defined_information through add/change/remove, and checks that a change that does not
// reach the API (timeouts) makes no call at all.
func TestAccCustomerResource_update(t *testing.T) {
	e := newAccEnv(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	onePatch := map[string]int{"GET customer 200": 1, "PATCH customer 200": 1}
	inPlace := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionUpdate),
	}}
	e.test(
		resource.TestStep{
			Config:            e.config(customerConfig(fullAttributes...)),
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(customerAddress, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			PreConfig:        e.resetStats,
			Config:           e.config(customerConfig(changedAttributes...)),
			ConfigPlanChecks: inPlace,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(customerAddress, tfjsonpath.New("id")),
				expectString("merchant_customer_id", "cust-000999"),
				expectString("email", "june@example.org"),
				expectString("client_reference_code", "TC50171_4"),
				expectString("title", "Platinum customer"),
				expectString("comment", "Updated by Terraform"),
				expectMap(map[string]string{"data1": "loyalty-platinum", "sensitive1": "token-b"}),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(onePatch),
				e.storedCustomer(storedEquals("objectInformation.title", "Platinum customer")),
			),
		},
		resource.TestStep{
			// Removing attributes: title and comment (their whole group), email (one member of a group).
			PreConfig: e.resetStats,
			Config: e.config(customerConfig(
				`merchant_customer_id  = "cust-000999"`,
				`client_reference_code = "TC50171_4"`,
				`merchant_defined_information = { data1 = "loyalty-platinum", sensitive1 = "token-b" }`,
			)),
			ConfigPlanChecks: inPlace,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(customerAddress, tfjsonpath.New("id")),
				expectNull("title"), expectNull("comment"), expectNull("email"),
				expectString("merchant_customer_id", "cust-000999"),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(onePatch),
				e.storedCustomer(storedAbsent("objectInformation", "buyerInformation.email")),
				e.storedCustomer(storedEquals("buyerInformation.merchantCustomerID", "cust-000999")),
			),
		},
		resource.TestStep{
			// merchant_defined_information: add an entry and change another.
			PreConfig: e.resetStats,
			Config: e.config(customerConfig(
				`merchant_defined_information = { data1 = "loyalty-silver", data2 = "newsletter", sensitive1 = "token-b" }`,
			)),
			ConfigPlanChecks: inPlace,
			ConfigStateChecks: []statecheck.StateCheck{
				expectMap(map[string]string{"data1": "loyalty-silver", "data2": "newsletter", "sensitive1": "token-b"}),
				expectNull("merchant_customer_id"), expectNull("client_reference_code"),
			},
			Check: e.requestCounts(onePatch),
		},
		resource.TestStep{
			// merchant_defined_information: remove one entry.
			PreConfig:         e.resetStats,
			Config:            e.config(customerConfig(`merchant_defined_information = { data2 = "newsletter" }`)),
			ConfigPlanChecks:  inPlace,
			ConfigStateChecks: []statecheck.StateCheck{expectMap(map[string]string{"data2": "newsletter"})},
			Check:             e.requestCounts(onePatch),
		},
		resource.TestStep{
			// merchant_defined_information: remove the attribute; the API drops the list.
			PreConfig:         e.resetStats,
			Config:            e.config(customerConfig()),
			ConfigPlanChecks:  inPlace,
			ConfigStateChecks: []statecheck.StateCheck{expectNull("merchant_defined_information")},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(onePatch),
				e.storedCustomer(storedAbsent("merchantDefinedInformation")),
			),
		},
		resource.TestStep{
			// An empty map is kept as written (no perpetual diff between {} and null).
			Config:            e.config(customerConfig(`merchant_defined_information = {}`)),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(customerAddress, tfjsonpath.New("merchant_defined_information"), knownvalue.MapSizeExact(0))},
		},
		resource.TestStep{
			// Only timeouts change: an in-place update that sends nothing to the API.
			PreConfig:        e.resetStats,
			Config:           e.config(customerConfig(`merchant_defined_information = {}`, `timeouts = { update = "2m" }`)),
			ConfigPlanChecks: inPlace,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(customerAddress, tfjsonpath.New("id")),
				statecheck.ExpectKnownValue(customerAddress, tfjsonpath.New("timeouts").AtMapKey("update"), knownvalue.StringExact("2m")),
			},
			Check: e.requestCounts(map[string]int{"GET customer 200": 1}),
		},
	)
}

// TestAccCustomerResource_profileIDForcesReplacement: a customer belongs to its profile, so
// changing profile_id destroys and recreates it.
func TestAccCustomerResource_profileIDForcesReplacement(t *testing.T) {
	e := newAccEnv(t)
	profileID := e.requireProfileID()
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	e.test(
		resource.TestStep{
			Config:            e.config(customerConfig(`title = "Profiled"`)),
			ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(customerAddress, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			PreConfig: e.resetStats,
			Config:    e.config(customerConfig(`title = "Profiled"`, fmt.Sprintf("profile_id = %q", profileID))),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionDestroyBeforeCreate),
				plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionReplace),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				differentID.AddStateValue(customerAddress, tfjsonpath.New("id")),
				expectString("profile_id", profileID),
			},
			Check: e.requestCounts(map[string]int{"GET customer 200": 1, "DELETE customer 204": 1, "POST customers 201": 1}),
		},
	)
}

// TestAccCustomerResource_importErrors: malformed ids get the accepted forms; a well-formed id of
// a customer that does not exist cannot be imported.
func TestAccCustomerResource_importErrors(t *testing.T) {
	e := newAccEnv(t)
	config := e.config(customerConfig())
	steps := []resource.TestStep{{Config: config}}
	for _, id := range []string{
		"has-dashes",
		"0123456789ABCDEF0123456789ABCDEF0",
		"short-profile/F2F3ADA770102B51E053A2598D0A9078",
		"F75AF380-9D1B-4117-83CD-FF2C0430ECE3/F2F3ADA770102B51E053A2598D0A9078/extra",
		"F75AF380-9D1B-4117-83CD-FF2C0430ECE3/",
	} {
		steps = append(steps, resource.TestStep{
			ResourceName:  customerAddress,
			ImportState:   true,
			ImportStateId: id,
			ExpectError:   regexp.MustCompile(`(?s)Invalid Customer Import ID.*Accepted\s+forms`),
		})
	}
	steps = append(steps,
		resource.TestStep{
			ResourceName:  customerAddress,
			ImportState:   true,
			ImportStateId: "0000000000000000000000000000DEAD",
			ExpectError:   regexp.MustCompile(`(?i)non-existent`),
		},
		resource.TestStep{
			ResourceName:    customerAddress,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   "not a valid id",
			ExpectError:     regexp.MustCompile(`(?s)Invalid Customer Import ID.*Accepted\s+forms`),
		},
	)
	e.test(steps...)
}

// TestAccCustomerResource_deletedOutOfBand: a customer deleted elsewhere is dropped from state with
// a warning on refresh (410) and recreated by the next apply.
func TestAccCustomerResource_deletedOutOfBand(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("deletes the customer behind Terraform's back")
	var id string
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	config := e.config(customerConfig(`title = "Doomed"`))
	e.test(
		resource.TestStep{
			Config:            config,
			Check:             captureID(&id),
			ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(customerAddress, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			PreConfig: func() { e.mustSim(sim.RemoveCustomer(e.merchantID, id)) },
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				differentID.AddStateValue(customerAddress, tfjsonpath.New("id")),
				expectString("title", "Doomed"),
			},
		},
	)
}

// TestAccCustomerResource_changedOutOfBand: a change made elsewhere shows as drift on refresh and
// the next apply puts the configuration back.
func TestAccCustomerResource_changedOutOfBand(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("modifies the customer behind Terraform's back")
	var id string
	config := e.config(customerConfig(`title = "Original"`, `merchant_defined_information = { data1 = "a" }`))
	e.test(
		resource.TestStep{Config: config, Check: captureID(&id)},
		resource.TestStep{
			// Drift shown: the refresh sees the other writer's values and plans to undo them.
			PreConfig: func() {
				e.mustSim(sim.ModifyCustomer(e.merchantID, id, []byte(
					`{"objectInformation":{"title":"Changed elsewhere","comment":"added elsewhere"},`+
						`"merchantDefinedInformation":[{"name":"data1","value":"b"},{"name":"data3","value":"c"}]}`)))
			},
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(customerAddress, tfjsonpath.New("title"), knownvalue.StringExact("Original")),
				plancheck.ExpectKnownValue(customerAddress, tfjsonpath.New("comment"), knownvalue.Null()),
			}},
		},
		resource.TestStep{
			// Drift corrected.
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				expectString("title", "Original"), expectNull("comment"), expectMap(map[string]string{"data1": "a"}),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.storedCustomer(storedEquals("objectInformation.title", "Original")),
				e.storedCustomer(storedAbsent("objectInformation.comment")),
			),
		},
	)
}

// TestAccCustomerResource_concurrentChange: another writer changes the customer between
// Terraform's refresh and its PATCH; the stale if-match gives 412 and a clear error, nothing is
// overwritten, and the next plan/apply reconciles.
func TestAccCustomerResource_concurrentChange(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("changes the customer between refresh and apply")
	var id string
	e.test(
		resource.TestStep{
			Config: e.config(customerConfig(`title = "First"`)),
			Check:  captureID(&id),
		},
		resource.TestStep{
			PreConfig: func() {
				fired := false
				sim.SetBeforeHook(func(method, route, customerID string) {
					if method == "PATCH" && customerID == id && !fired {
						fired = true
						e.mustSim(sim.ModifyCustomer(e.merchantID, id, []byte(`{"objectInformation":{"comment":"concurrent writer"}}`)))
					}
				})
			},
			Config:      e.config(customerConfig(`title = "Second"`)),
			ExpectError: regexp.MustCompile(`(?s)Customer Changed Outside Terraform.*412.*terraform\s+plan`),
		},
		resource.TestStep{
			PreConfig: func() {
				sim.SetBeforeHook(nil)
				// The rejected PATCH changed nothing: the other writer's comment is there, the title is not.
				e.mustSim(func() error {
					for _, raw := range sim.Customers(e.merchantID) {
						var body map[string]any
						if err := json.Unmarshal(raw, &body); err != nil {
							return err
						}
						if body["id"] == id {
							return storedEquals("objectInformation.title", "First")(body)
						}
					}
					return fmt.Errorf("customer %s vanished", id)
				}())
			},
			Config: e.config(customerConfig(`title = "Second"`)),
			ConfigStateChecks: []statecheck.StateCheck{
				expectString("title", "Second"), expectNull("comment"),
			},
		},
	)
}

// TestAccCustomerResource_defaults chooses the default payment instrument and shipping address
// among ones the customer has (created in the simulator out of band), and shows that omitting
// them keeps the server's choice without a diff.
func TestAccCustomerResource_defaults(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("seeds payment instruments and shipping addresses")
	// The simulator assigns the ids while the test runs, after the steps are built: they reach the
	// configuration as Terraform variables and the checks through pointers.
	var instrument1, instrument2, address1, address2 seededID
	const declareSeeded = "variable \"instrument2\" {}\nvariable \"address2\" {}\n"
	var id string
	e.test(
		resource.TestStep{Config: e.config(customerConfig()), Check: captureID(&id)},
		resource.TestStep{
			// The first seeded object of each kind becomes the default, out of band: the
			// attributes are omitted from the configuration, so this is no diff.
			PreConfig: func() {
				identifierID, err := sim.Seed(simulator.KindInstrumentIdentifier, e.merchantID, "", []byte(`{"card":{"number":"4111111111111111"}}`))
				e.mustSim(err)
				for _, seed := range []struct {
					kind simulator.Kind
					into *seededID
					body string
				}{
					{simulator.KindPaymentInstrument, &instrument1, `{"card":{"expirationMonth":"12","expirationYear":"2031","type":"001"},"instrumentIdentifier":{"id":"` + identifierID + `"}}`},
					{simulator.KindPaymentInstrument, &instrument2, `{"card":{"expirationMonth":"01","expirationYear":"2032","type":"002"},"instrumentIdentifier":{"id":"` + identifierID + `"}}`},
					{simulator.KindShippingAddress, &address1, `{"shipTo":{"firstName":"Jane","country":"US"}}`},
					{simulator.KindShippingAddress, &address2, `{"shipTo":{"firstName":"June","country":"GB"}}`},
				} {
					seed.into.id, err = sim.Seed(seed.kind, e.merchantID, id, []byte(seed.body))
					e.mustSim(err)
				}
			},
			Config: e.config(customerConfig()),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPtr(customerAddress, "default_payment_instrument_id", &instrument1.id),
				resource.TestCheckResourceAttrPtr(customerAddress, "default_shipping_address_id", &address1.id),
			),
		},
		resource.TestStep{
			PreConfig: e.resetStats,
			Config: e.config(declareSeeded + customerConfig(
				"default_payment_instrument_id = var.instrument2",
				"default_shipping_address_id   = var.address2",
			)),
			ConfigVariables: config.Variables{"instrument2": &instrument2, "address2": &address2},
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPtr(customerAddress, "default_payment_instrument_id", &instrument2.id),
				resource.TestCheckResourceAttrPtr(customerAddress, "default_shipping_address_id", &address2.id),
				e.requestCounts(map[string]int{"GET customer 200": 1, "PATCH customer 200": 1}),
				e.storedCustomer(func(body map[string]any) error {
					return storedEquals("defaultPaymentInstrument.id", instrument2.id)(body)
				}),
			),
		},
		resource.TestStep{
			// Removed from the configuration: the server's value stays, no PATCH, no diff.
			PreConfig: e.resetStats,
			Config:    e.config(customerConfig()),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPtr(customerAddress, "default_payment_instrument_id", &instrument2.id),
				resource.TestCheckResourceAttrPtr(customerAddress, "default_shipping_address_id", &address2.id),
				e.requestCounts(map[string]int{"GET customer 200": 1}),
			),
		},
		resource.TestStep{
			// A default that names nothing the customer has: the API's 400 lands on the attribute.
			Config:      e.config(customerConfig(`default_payment_instrument_id = "NOSUCHINSTRUMENT"`)),
			ExpectError: regexp.MustCompile(`(?s)Unable to Update Customer.*defaultPaymentInstrument\.id`),
		},
	)
}

// seededID is an id the simulator assigns during a test. As a config.Variable it gives Terraform
// the value it has when the step runs, not when the step was built.
type seededID struct{ id string }

func (s *seededID) MarshalJSON() ([]byte, error) { return json.Marshal(s.id) }

// TestAccCustomerResource_invalidAttributes: every plan-time validation, each with its message.
func TestAccCustomerResource_invalidAttributes(t *testing.T) {
	e := newAccEnv(t)
	long := func(n int) string { return strings.Repeat("x", n) }
	cases := []struct {
		line string
		want string
	}{
		{`title = ""`, `(?s)Empty Value Not Allowed.*omit\s+the\s+attribute`},
		{`comment = "   "`, `(?s)Empty Value Not Allowed.*only\s+whitespace`},
		{`email = ""`, `Empty Value Not Allowed`},
		{`merchant_customer_id = ""`, `Empty Value Not Allowed`},
		{`client_reference_code = ""`, `Empty Value Not Allowed`},
		{`default_payment_instrument_id = ""`, `Empty Value Not Allowed`},
		{`default_shipping_address_id = ""`, `Empty Value Not Allowed`},
		{fmt.Sprintf("title = %q", long(61)), `(?s)title.*at\s+most\s+60`},
		{fmt.Sprintf("comment = %q", long(151)), `(?s)comment.*at\s+most\s+150`},
		{fmt.Sprintf("merchant_customer_id = %q", long(101)), `(?s)merchant_customer_id.*at\s+most\s+100`},
		{fmt.Sprintf("email = %q", long(256)), `(?s)email.*at\s+most\s+255`},
		{fmt.Sprintf("client_reference_code = %q", long(51)), `(?s)client_reference_code.*at\s+most\s+50`},
		{`merchant_defined_information = { data5 = "x" }`, `(?s)merchant_defined_information.*data1`},
		{`merchant_defined_information = { data1 = "" }`, `Empty Value Not Allowed`},
		{fmt.Sprintf("merchant_defined_information = { data1 = %q }", long(101)), `(?s)merchant_defined_information.*at\s+most\s+100`},
		{`profile_id = "too-short"`, `(?s)Invalid TMS Profile ID.*exactly\s+36`},
		{`timeouts = { create = "soon" }`, `(?s)Invalid Operation Timeout.*"soon"\s+of\s+timeouts\.create`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      e.config(customerConfig(c.line)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(c.want),
		})
	}
	// Non-ASCII characters count as one each: 60 of them is a valid title.
	steps = append(steps, resource.TestStep{
		Config:            e.config(customerConfig(fmt.Sprintf("title = %q", strings.Repeat("é", 60)))),
		ConfigStateChecks: []statecheck.StateCheck{expectString("title", strings.Repeat("é", 60))},
	})
	e.test(steps...)
}

// TestAccCustomerResource_tls runs create, refresh, update and delete over TLS, trusting the
// simulator's certificate through an injected http.Client.
func TestAccCustomerResource_tls(t *testing.T) {
	if sandboxMode() {
		t.Skip("the TLS simulator test only applies to the simulator; the sandbox is always TLS")
	}
	e := startAccEnv(t, simulator.Options{}, true)
	e.test(
		resource.TestStep{
			Config:            e.config(customerConfig(`title = "Over TLS"`)),
			ConfigStateChecks: []statecheck.StateCheck{expectString("title", "Over TLS")},
			Check: func(*terraform.State) error {
				if n := e.server.Sim.Stats().TLSConnections; n == 0 {
					return fmt.Errorf("no TLS handshake was counted")
				}
				return nil
			},
		},
		resource.TestStep{
			Config:            e.config(customerConfig(`title = "Still TLS"`)),
			ConfigStateChecks: []statecheck.StateCheck{expectString("title", "Still TLS")},
		},
	)
}

// TestAccCustomerResource_identity checks the resource identity and import by identity, which
// need Terraform 1.12 or later.
func TestAccCustomerResource_identity(t *testing.T) {
	e := newAccEnv(t)
	profileID := e.requireProfileID()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: e.factories(),
		CheckDestroy:             e.checkDestroyed,
		Steps: []resource.TestStep{
			{
				Config: e.config(customerConfig(`title = "Identified"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(customerAddress, map[string]knownvalue.Check{
						"customer_id": knownvalue.StringRegexp(customerIDPattern),
						"profile_id":  knownvalue.Null(),
					}),
					statecheck.ExpectIdentityValueMatchesState(customerAddress, tfjsonpath.New("customer_id")),
				},
			},
			{
				ResourceName:    customerAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
			{
				// Changing the profile replaces the customer, so the identity changes with it.
				Config: e.config(customerConfig(`title = "Identified"`, fmt.Sprintf("profile_id = %q", profileID))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(customerAddress, map[string]knownvalue.Check{
						"customer_id": knownvalue.StringRegexp(customerIDPattern),
						"profile_id":  knownvalue.StringExact(profileID),
					}),
				},
			},
			{
				ResourceName:    customerAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}

// TestAccCustomerResource_createOutcomeUnknown: the POST is processed but its answer is lost (a
// gateway 502). The provider must not retry it (no idempotency key: a retry could duplicate the
// customer) and must say the customer may exist and how to adopt it; following that advice
// (terraform import) leads to a clean plan.
func TestAccCustomerResource_createOutcomeUnknown(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("injects a 502 after the POST was processed")
	config := e.config(customerConfig(`merchant_customer_id = "cust-ambiguous"`, `title = "Maybe created"`))
	orphanID := func(*terraform.State) (string, error) {
		ids := sim.CustomerIDs(e.merchantID)
		if len(ids) != 1 {
			return "", fmt.Errorf("want exactly one stored customer, got %v", ids)
		}
		return ids[0], nil
	}
	e.test(
		resource.TestStep{
			PreConfig: func() {
				sim.SetFaults(simulator.Faults{Rate502After: 1, Methods: []string{"POST"}})
				sim.ResetStats()
			},
			Config: config,
			ExpectError: regexp.MustCompile(`(?s)Unable to Confirm Customer Creation.*MAY\s+HAVE\s+BEEN\s+CREATED` +
				`.*cust-ambiguous.*terraform\s+import`),
		},
		resource.TestStep{
			PreConfig: func() {
				sim.SetFaults(simulator.Faults{})
				if stats := sim.Stats(); stats.ByMethod["POST"] != 1 || stats.CustomersCreated != 1 {
					t.Errorf("POST sent %d times, %d customers created; want exactly one of each", stats.ByMethod["POST"], stats.CustomersCreated)
				}
			},
			Config:             config,
			ResourceName:       customerAddress,
			ImportState:        true,
			ImportStateIdFunc:  orphanID,
			ImportStatePersist: true,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 || states[0].Attributes["merchant_customer_id"] != "cust-ambiguous" {
					return fmt.Errorf("imported %v", states)
				}
				return nil
			},
		},
		resource.TestStep{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
		},
	)
}

// TestAccCustomerResource_deleteAlreadyGone: a customer that disappears between refresh and
// delete (410 on DELETE) counts as deleted, so the destroy succeeds.
func TestAccCustomerResource_deleteAlreadyGone(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("deletes the customer just before Terraform's DELETE")
	var id string
	e.test(
		resource.TestStep{Config: e.config(customerConfig(`title = "Going"`)), Check: captureID(&id)},
		resource.TestStep{
			PreConfig: func() {
				sim.SetBeforeHook(func(method, _, customerID string) {
					if method == "DELETE" && customerID == id {
						e.mustSim(sim.RemoveCustomer(e.merchantID, id))
					}
				})
				sim.ResetStats()
			},
			Config: e.providerConfig(),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionDestroy),
			}},
			Check: e.requestCounts(map[string]int{"GET customer 200": 1, "DELETE customer 410": 1}),
		},
	)
}
