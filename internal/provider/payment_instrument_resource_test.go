package provider

import (
	"maps"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

const (
	paymentInstrumentAddress = "cybersource_tms_customer_payment_instrument.test"
	cardTokenA               = "cybersource_tms_instrument_identifier.a"
	cardTokenB               = "cybersource_tms_instrument_identifier.b"
)

var paymentInstrumentState = stateOf(paymentInstrumentAddress)

// cards are the card variables of testdata/payment_instrument.tf.
func cards(a, b string) config.Variables {
	return config.Variables{"card_a": config.StringVariable(a), "card_b": config.StringVariable(b)}
}

// usesToken checks that the payment instrument refers to a token resource's id.
func usesToken(token string) statecheck.StateCheck {
	return statecheck.CompareValuePairs(paymentInstrumentAddress, tfjsonpath.New("instrument_identifier_id"),
		token, tfjsonpath.New("id"), compare.ValuesSame())
}

// TestAccPaymentInstrument_lifecycle creates a customer's first payment instrument (one POST; it
// becomes the default), changes its expiration month and billing address in place (one PATCH),
// moves it to another card token in place (the masked number is unknown in that plan, then the
// new token's), imports it in both id forms, and destroys it.
func TestAccPaymentInstrument_lifecycle(t *testing.T) {
	e := newAccEnv(t)
	cfg := e.testdataConfig("payment_instrument.tf")
	sameID := statecheck.CompareValue(compare.ValuesSame())
	updated := variables(cards(visaDebitCard, visaCard2),
		config.Variables{"expiration_month": config.StringVariable("06"), "locality": config.StringVariable("Oakland")})
	onCardB := variables(updated, config.Variables{"use_card_b": config.BoolVariable(true)})
	refreshes := map[string]int{"GET customer 200": 1, "GET instrument-identifier 200": 2, "GET payment-instrument 200": 1}
	withPatch := maps.Clone(refreshes)
	withPatch["PATCH payment-instrument 200"] = 1
	e.test(
		resource.TestStep{
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: cards(visaDebitCard, visaCard2),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(paymentInstrumentAddress, plancheck.ResourceActionCreate),
				plancheck.ExpectUnknownValue(paymentInstrumentAddress, tfjsonpath.New("default")),
				plancheck.ExpectUnknownValue(paymentInstrumentAddress, tfjsonpath.New("card_number_masked")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(paymentInstrumentAddress, tfjsonpath.New("id")),
				paymentInstrumentState.check("id", knownvalue.StringRegexp(customerIDPattern)),
				// The customer's first payment instrument becomes its default (tms-subresources.md §6.1).
				paymentInstrumentState.boolean("default", true),
				usesToken(cardTokenA),
				paymentInstrumentState.str("card_number_masked", masked(visaDebitCard)),
				paymentInstrumentState.str("card_type", "001"),
				paymentInstrumentState.str("card_expiration_month", "12"),
				paymentInstrumentState.str("card_expiration_year", "2031"),
				paymentInstrumentState.str("state", "ACTIVE"),
				paymentInstrumentState.str("creator", e.merchantID),
				paymentInstrumentState.null("profile_id"),
				paymentInstrumentState.check("bill_to", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"first_name": knownvalue.StringExact("Jane"), "last_name": knownvalue.StringExact("Doe"),
					"company": knownvalue.Null(), "address1": knownvalue.StringExact("1 Market St"), "address2": knownvalue.Null(),
					"locality": knownvalue.StringExact("San Francisco"), "administrative_area": knownvalue.StringExact("CA"),
					"postal_code": knownvalue.StringExact("94105"), "country": knownvalue.StringExact("US"),
					"email": knownvalue.StringExact("jane@example.com"), "phone_number": knownvalue.Null(),
				})),
				stateLacks(cardData(visaDebitCard, visaCard2)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(map[string]int{"POST customers 201": 1, "POST instrument-identifiers 201": 2, "POST payment-instruments 201": 1}),
				e.stored(paymentInstrumentAddress, storedEquals("billTo.locality", "San Francisco")),
				e.stored(paymentInstrumentAddress, storedEquals("card.type", "001")),
			),
		},
		resource.TestStep{
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: updated,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(paymentInstrumentAddress, plancheck.ResourceActionUpdate),
				// Same token: the masked number stays known.
				plancheck.ExpectKnownValue(paymentInstrumentAddress, tfjsonpath.New("card_number_masked"), knownvalue.StringExact(masked(visaDebitCard))),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(paymentInstrumentAddress, tfjsonpath.New("id")),
				paymentInstrumentState.str("card_expiration_month", "06"),
				paymentInstrumentState.check("bill_to", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"locality": knownvalue.StringExact("Oakland"), "address1": knownvalue.StringExact("1 Market St"),
				})),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(withPatch),
				e.stored(paymentInstrumentAddress, storedEquals("card.expirationMonth", "06")),
				e.stored(paymentInstrumentAddress, storedEquals("billTo.locality", "Oakland")),
				e.stored(paymentInstrumentAddress, storedEquals("billTo.postalCode", "94105")),
			),
		},
		resource.TestStep{
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: onCardB,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(paymentInstrumentAddress, plancheck.ResourceActionUpdate),
				plancheck.ExpectUnknownValue(paymentInstrumentAddress, tfjsonpath.New("card_number_masked")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(paymentInstrumentAddress, tfjsonpath.New("id")),
				usesToken(cardTokenB),
				paymentInstrumentState.str("card_number_masked", masked(visaCard2)),
				paymentInstrumentState.boolean("default", true),
			},
			Check: e.requestCounts(withPatch),
		},
		resource.TestStep{
			ResourceName:      paymentInstrumentAddress,
			ImportState:       true,
			ImportStateIdFunc: importChildID(paymentInstrumentAddress, ""),
			ImportStateVerify: true,
			ConfigVariables:   onCardB,
		},
		resource.TestStep{
			ResourceName:            paymentInstrumentAddress,
			ImportState:             true,
			ImportStateIdFunc:       importChildID(paymentInstrumentAddress, e.requireProfileID()),
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"profile_id"},
			ConfigVariables:         onCardB,
		},
	)
}

// TestAccPaymentInstrument_drift: a change made outside Terraform shows in the next plan and
// apply puts the configuration back; an instrument deleted outside Terraform (which takes its
// card token with it) is created again, token included.
func TestAccPaymentInstrument_drift(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("changes and deletes the payment instrument behind Terraform's back")
	cfg := e.testdataConfig("payment_instrument.tf")
	vars := variables(cards(discoverCard, discoverCard2), config.Variables{"card_type": config.StringVariable("004")})
	var id, token string
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	e.test(
		resource.TestStep{
			Config:          cfg,
			ConfigVariables: vars,
			Check: resource.ComposeAggregateTestCheckFunc(
				captureAttr(paymentInstrumentAddress, "id", &id),
				captureAttr(paymentInstrumentAddress, "instrument_identifier_id", &token),
			),
			ConfigStateChecks: []statecheck.StateCheck{differentID.AddStateValue(paymentInstrumentAddress, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			PreConfig: func() {
				e.mustSim(sim.Modify(simulator.KindPaymentInstrument, e.merchantID, id,
					[]byte(`{"card":{"expirationMonth":"01"},"billTo":{"locality":"Changed","phoneNumber":"4150000000"}}`)))
			},
			Config:          cfg,
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(paymentInstrumentAddress, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(paymentInstrumentAddress, tfjsonpath.New("card_expiration_month"), knownvalue.StringExact("12")),
				plancheck.ExpectKnownValue(paymentInstrumentAddress, tfjsonpath.New("bill_to").AtMapKey("phone_number"), knownvalue.Null()),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.stored(paymentInstrumentAddress, storedEquals("card.expirationMonth", "12")),
				e.stored(paymentInstrumentAddress, storedEquals("billTo.locality", "San Francisco")),
				e.stored(paymentInstrumentAddress, storedAbsent("billTo.phoneNumber")),
			),
		},
		resource.TestStep{
			PreConfig: func() {
				e.mustSim(sim.Remove(simulator.KindPaymentInstrument, e.merchantID, id))
				if slices.Contains(sim.IDs(simulator.KindInstrumentIdentifier, e.merchantID), token) {
					t.Errorf("the card token %s outlived its only payment instrument", token)
				}
			},
			Config:          cfg,
			ConfigVariables: vars,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(paymentInstrumentAddress, plancheck.ResourceActionCreate),
				plancheck.ExpectResourceAction(cardTokenA, plancheck.ResourceActionCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				differentID.AddStateValue(paymentInstrumentAddress, tfjsonpath.New("id")),
				usesToken(cardTokenA),
				paymentInstrumentState.str("card_number_masked", masked(discoverCard)),
			},
		},
	)
}
