package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

const shippingAddressAddress = "cybersource_tms_customer_shipping_address.test"

var shippingAddressState = stateOf(shippingAddressAddress)

// importChildID renders `<customer_id>/<id>` (or with the profile first) for an item's import.
func importChildID(address, profileID string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return "", fmt.Errorf("%s not in state", address)
		}
		id := rs.Primary.Attributes["customer_id"] + "/" + rs.Primary.ID
		if profileID != "" {
			id = profileID + "/" + id
		}
		return id, nil
	}
}

// TestAccShippingAddress_lifecycle creates an address (one POST), changes it in place (one PATCH
// after the refresh GETs), imports it in both id forms, and destroys it.
func TestAccShippingAddress_lifecycle(t *testing.T) {
	e := newAccEnv(t)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	cfg := e.testdataConfig("shipping_address.tf")
	e.test(
		resource.TestStep{
			PreConfig: e.resetStats,
			Config:    cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(shippingAddressAddress, plancheck.ResourceActionCreate),
				plancheck.ExpectUnknownValue(shippingAddressAddress, tfjsonpath.New("default")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(shippingAddressAddress, tfjsonpath.New("id")),
				shippingAddressState.check("id", knownvalue.StringRegexp(customerIDPattern)),
				// The customer's first address becomes its default (tms-subresources.md §6.1).
				shippingAddressState.boolean("default", true),
				shippingAddressState.str("first_name", "Jane"),
				shippingAddressState.null("last_name"),
				shippingAddressState.str("country", "US"),
				shippingAddressState.str("email", "jane@example.com"),
				shippingAddressState.str("creator", e.merchantID),
				shippingAddressState.null("profile_id"),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(map[string]int{"POST customers 201": 1, "POST shipping-addresses 201": 1}),
				e.stored(shippingAddressAddress, storedEquals("shipTo.address2", "Suite 200")),
			),
		},
		resource.TestStep{
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: config.Variables{"last_name": config.StringVariable("Doe"), "country": config.StringVariable("GB")},
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(shippingAddressAddress, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(shippingAddressAddress, tfjsonpath.New("id")),
				shippingAddressState.str("last_name", "Doe"),
				shippingAddressState.str("country", "GB"),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(map[string]int{"GET customer 200": 1, "GET shipping-address 200": 1, "PATCH shipping-address 200": 1}),
				e.stored(shippingAddressAddress, storedEquals("shipTo.lastName", "Doe")),
				e.stored(shippingAddressAddress, storedEquals("shipTo.postalCode", "94105")),
			),
		},
		resource.TestStep{
			ResourceName:      shippingAddressAddress,
			ImportState:       true,
			ImportStateIdFunc: importChildID(shippingAddressAddress, ""),
			ImportStateVerify: true,
			ConfigVariables:   config.Variables{"last_name": config.StringVariable("Doe"), "country": config.StringVariable("GB")},
		},
		resource.TestStep{
			ResourceName:            shippingAddressAddress,
			ImportState:             true,
			ImportStateIdFunc:       importChildID(shippingAddressAddress, e.requireProfileID()),
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"profile_id"},
			ConfigVariables:         config.Variables{"last_name": config.StringVariable("Doe"), "country": config.StringVariable("GB")},
		},
	)
}

// TestAccShippingAddress_drift: a change made outside Terraform shows in the next plan and apply
// puts the configuration back; an address deleted outside Terraform is created again.
func TestAccShippingAddress_drift(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("changes and deletes the address behind Terraform's back")
	var id string
	cfg := e.testdataConfig("shipping_address.tf")
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	e.test(
		resource.TestStep{
			Config:            cfg,
			Check:             captureAttr(shippingAddressAddress, "id", &id),
			ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(shippingAddressAddress, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			PreConfig: func() {
				e.mustSim(sim.Modify(simulator.KindShippingAddress, e.merchantID, id, []byte(`{"shipTo":{"firstName":"Changed","company":null}}`)))
			},
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(shippingAddressAddress, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(shippingAddressAddress, tfjsonpath.New("first_name"), knownvalue.StringExact("Jane")),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.stored(shippingAddressAddress, storedEquals("shipTo.firstName", "Jane")),
				e.stored(shippingAddressAddress, storedEquals("shipTo.company", "Example Inc.")),
			),
		},
		resource.TestStep{
			PreConfig: func() { e.mustSim(sim.Remove(simulator.KindShippingAddress, e.merchantID, id)) },
			Config:    cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(shippingAddressAddress, plancheck.ResourceActionCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(shippingAddressAddress, tfjsonpath.New("id"))},
		},
	)
}

const (
	firstAddress  = "cybersource_tms_customer_shipping_address.first[0]"
	secondAddress = "cybersource_tms_customer_shipping_address.second"
)

// TestAccShippingAddress_defaults walks the default flag (tms-subresources.md §6.1, §6.2): one
// address claims it; another takes it in place and the first reads false after a refresh without
// a diff; a default switched outside Terraform is taken back; removing only the default while
// the other stays is refused with advice; once the default moved, the removal works.
func TestAccShippingAddress_defaults(t *testing.T) {
	e := newAccEnv(t)
	e.requireSimulator("switches the default behind Terraform's back")
	cfg := e.testdataConfig("two_shipping_addresses.tf")
	firstDefault := config.Variables{"first_default": config.BoolVariable(true)}
	secondDefault := config.Variables{"second_default": config.BoolVariable(true)}
	var first string
	e.test(
		resource.TestStep{
			Config:          cfg,
			ConfigVariables: firstDefault,
			// The second's state reads false from its next refresh on: the flag was cleared by the
			// first's create, which Terraform's state of the second cannot see until then.
			Check: resource.ComposeAggregateTestCheckFunc(
				captureAttr(firstAddress, "id", &first),
				e.stored(secondAddress, storedEquals("default", false)),
			),
			ConfigStateChecks: []statecheck.StateCheck{stateOf(firstAddress).boolean("default", true)},
		},
		// The second takes the default in place; the first then reads false, without a diff.
		e.defaultMovesStep(cfg, secondDefault, firstAddress, secondAddress),
		// Switched back outside Terraform: the plan takes it back for the second.
		e.defaultTakenBackStep(cfg, secondDefault, firstAddress, &first, secondAddress),
		resource.TestStep{
			// Both claim the default: each apply moves it, so the plan after apply is not empty
			// (and plans warn "Lost the Default").
			Config:             cfg,
			ConfigVariables:    config.Variables{"first_default": config.BoolVariable(true), "second_default": config.BoolVariable(true)},
			ExpectNonEmptyPlan: true,
		},
		resource.TestStep{
			// The first is the default now; removing it alone is refused while the second stays.
			Config:          cfg,
			ConfigVariables: config.Variables{"first_default": config.BoolVariable(true)},
		},
		resource.TestStep{
			Config:          cfg,
			ConfigVariables: config.Variables{"with_first": config.BoolVariable(false)},
			ExpectError:     regexp.MustCompile(`(?s)Cannot Delete the Default Shipping Address.*default = true.*then remove`),
		},
		resource.TestStep{
			Config:          cfg,
			ConfigVariables: config.Variables{"with_first": config.BoolVariable(true), "second_default": config.BoolVariable(true)},
		},
		resource.TestStep{
			Config:            cfg,
			ConfigVariables:   config.Variables{"with_first": config.BoolVariable(false), "second_default": config.BoolVariable(true)},
			ConfigStateChecks: []statecheck.StateCheck{stateOf(secondAddress).boolean("default", true)},
		},
	)
}

// TestAccShippingAddress_importErrors: malformed ids get the accepted forms before any request.
func TestAccShippingAddress_importErrors(t *testing.T) {
	e := newAccEnv(t)
	steps := []resource.TestStep{{Config: e.testdataConfig("shipping_address.tf")}}
	for _, id := range []string{
		"F2F4C2D1B966D631E053A2598D0AB155",
		"C1/S-1",
		"short-profile/C1/S1",
		"F75AF380-9D1B-4117-83CD-FF2C0430ECE3/C1/S1/extra",
		"C1/",
	} {
		steps = append(steps, resource.TestStep{
			ResourceName:  shippingAddressAddress,
			ImportState:   true,
			ImportStateId: id,
			ExpectError:   regexp.MustCompile(`(?s)Invalid Shipping Address Import ID.*<customer_id>/<shipping_address_id>`),
		})
	}
	e.test(steps...)
}
