package provider

import (
	"fmt"
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

const (
	homeAddress      = "cybersource_tms_customer_shipping_address.home"
	workAddress      = "cybersource_tms_customer_shipping_address.work"
	firstInstrument  = "cybersource_tms_customer_payment_instrument.first[0]"
	secondInstrument = "cybersource_tms_customer_payment_instrument.second"
)

// graphCards are the card variables of testdata/graph.tf.
func graphCards(first, firstType, second, secondType string) config.Variables {
	card := func(number, cardType string) config.Variable {
		return config.ObjectVariable(map[string]config.Variable{
			"number": config.StringVariable(number), "type": config.StringVariable(cardType),
		})
	}
	return config.Variables{"first_card": card(first, firstType), "second_card": card(second, secondType)}
}

// customerDefault checks that the customer names a child as its default of one kind.
func customerDefault(attribute, child string) statecheck.StateCheck {
	return statecheck.CompareValuePairs(customerAddress, tfjsonpath.New(attribute), child, tfjsonpath.New("id"), compare.ValuesSame())
}

// TestAccGraph_destroyInOneRun builds a customer with two shipping addresses and two cards, one
// default of each kind; after a refresh the customer names the children that are its defaults,
// with an empty plan. Then one `terraform destroy` removes everything without an error, although
// CyberSource refuses to delete a default while others remain (the first DELETE of each kind is
// made to address the default, and gets 409) and each instrument's delete takes its card token
// with it (the tokens' own DELETEs find them gone).
func TestAccGraph_destroyInOneRun(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("orders the destroy's requests and counts them")
	cfg := e.testdataConfig("graph.tf")
	cards := graphCards(visaCard3, "001", mastercardCard2, "002")
	var home, work, first, second string
	tc := e.testCase(
		resource.TestStep{
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: cards,
			ConfigStateChecks: []statecheck.StateCheck{
				stateOf(homeAddress).boolean("default", true),
				stateOf(firstInstrument).boolean("default", true),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				captureAttr(homeAddress, "id", &home),
				captureAttr(workAddress, "id", &work),
				captureAttr(firstInstrument, "id", &first),
				captureAttr(secondInstrument, "id", &second),
				e.stored(workAddress, storedEquals("default", false)),
				e.stored(secondInstrument, storedEquals("default", false)),
				e.requestCounts(map[string]int{"POST customers 201": 1, "POST shipping-addresses 201": 2,
					"POST instrument-identifiers 201": 2, "POST payment-instruments 201": 2}),
			),
		},
		resource.TestStep{
			// The refresh brings the customer's default ids; they are not a change.
			PreConfig: func() {
				// In the destroy to come, the first DELETE of each kind is refused.
				defaultRefusedFirst(e, []string{home, work}, []string{first, second})
				sim.ResetStats()
			},
			Config:           cfg,
			ConfigVariables:  cards,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{
				customerDefault("default_shipping_address_id", homeAddress),
				customerDefault("default_payment_instrument_id", firstInstrument),
			},
		},
	)
	tc.CheckDestroy = func(s *terraform.State) error {
		if err := e.checkNothingLeft(s); err != nil {
			return err
		}
		got := sim.Stats().Requests
		for key, want := range map[string]int{
			"DELETE instrument-identifier 410": 2,
			"DELETE shipping-address 204":      2,
			"DELETE payment-instrument 204":    2,
			"DELETE customer 204":              1,
		} {
			if got[key] != want {
				return fmt.Errorf("the destroy made %d %q, want %d (all requests: %v)", got[key], key, want, got)
			}
		}
		// A default was refused (at least once: it retries while waiting).
		for _, key := range []string{"DELETE shipping-address 409", "DELETE payment-instrument 409"} {
			if got[key] == 0 {
				return fmt.Errorf("the destroy made no %q: no default was refused (all requests: %v)", key, got)
			}
		}
		return nil
	}
	resource.ParallelTest(t, tc)
}

// TestAccGraph_removeDefaultPaymentInstrument: removing only the default payment instrument
// while the other stays is refused with advice; making the other one the default takes the
// default in place (the first reads false after a refresh, without a diff); a default switched
// outside Terraform is taken back; then the removal works, and the customer names the remaining
// instrument as its default.
func TestAccGraph_removeDefaultPaymentInstrument(t *testing.T) {
	e := newAccEnv(t)
	var first string
	cfg := e.testdataConfig("graph.tf")
	cards := graphCards(mastercardCard3, "002", amexCard2, "003")
	secondDefault := variables(cards, config.Variables{"default_card": config.StringVariable("second")})
	withoutFirst := config.Variables{"with_first_card": config.BoolVariable(false)}
	e.test(
		resource.TestStep{Config: cfg, ConfigVariables: cards, Check: captureAttr(firstInstrument, "id", &first)},
		resource.TestStep{
			Config:          cfg,
			ConfigVariables: variables(cards, withoutFirst),
			ExpectError:     regexp.MustCompile(`(?s)Cannot Delete the Default Payment Instrument.*default = true.*then remove`),
		},
		e.defaultMovesStep(cfg, secondDefault, firstInstrument, secondInstrument),
		// Switched back outside Terraform: the plan takes it back for the second.
		e.defaultTakenBackStep(cfg, secondDefault, firstInstrument, &first, secondInstrument),
		resource.TestStep{
			Config:          cfg,
			ConfigVariables: variables(secondDefault, withoutFirst),
			ConfigStateChecks: []statecheck.StateCheck{
				stateOf(secondInstrument).boolean("default", true),
				customerDefault("default_payment_instrument_id", secondInstrument),
			},
		},
	)
}

// defaultRefusedFirst makes the first DELETE of each group of a customer's items (ids) find its
// item the customer's default, moving the default to it if need be, so that CyberSource refuses
// it (409) while the others remain and the provider has to wait for them. Nothing is held back:
// the first request a provider process sends goes alone (the client's first-connection gate).
func defaultRefusedFirst(e *accEnv, groups ...[]string) {
	sim := e.sim("moves defaults behind Terraform's back")
	var mu sync.Mutex
	first := map[string]bool{}
	for _, group := range groups {
		for _, id := range group {
			first[id] = true
		}
	}
	kinds := map[string]simulator.Kind{"shipping-address": simulator.KindShippingAddress, "payment-instrument": simulator.KindPaymentInstrument}
	sim.SetBeforeHook(func(method, route, id string) {
		mu.Lock()
		defer mu.Unlock()
		if method != "DELETE" || !first[id] {
			return
		}
		for _, group := range groups {
			if slices.Contains(group, id) {
				for _, other := range group {
					delete(first, other)
				}
			}
		}
		e.mustSim(sim.Modify(kinds[route], e.merchantID, id, []byte(`{"default":true}`)))
	})
}
