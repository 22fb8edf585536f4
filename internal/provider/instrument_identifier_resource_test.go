package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// Public test card numbers (the card networks' documented test cards). Each test tokenises its
// own: against the sandbox, where tokens are de-duplicated per merchant, parallel tests would
// otherwise adopt, and delete, each other's tokens.
const (
	visaCard        = "4111111111111111" // instrument identifier lifecycle
	mastercardCard  = "2223003122003222" // instrument identifier lifecycle
	amexCard        = "378282246310005"  // instrument identifier in use
	visaDebitCard   = "4000056655665556" // payment instrument lifecycle
	visaCard2       = "4012888888881881" // payment instrument lifecycle
	discoverCard    = "6011111111111117" // payment instrument drift
	discoverCard2   = "6011000990139424" // payment instrument drift
	visaCard3       = "4242424242424242" // graph
	mastercardCard2 = "5555555555554444" // graph
	mastercardCard3 = "5105105105105100" // graph defaults
	amexCard2       = "371449635398431"  // graph defaults
	jcbCard         = "3566002020360505" // instrument identifier data source
)

const (
	instrumentIdentifierAddress = "cybersource_tms_instrument_identifier.test"
	twinIdentifierAddress       = "cybersource_tms_instrument_identifier.twin[0]"
)

var instrumentIdentifierState = stateOf(instrumentIdentifierAddress)

// instrumentIdentifierIDPattern is a token id: 12 to 32 letters or digits (19 digits in practice).
var instrumentIdentifierIDPattern = regexp.MustCompile(`^[A-Za-z0-9]{12,32}$`)

// masked is a card number as CyberSource shows it: the first six and last four digits.
func masked(number string) string {
	return number[:6] + strings.Repeat("X", len(number)-10) + number[len(number)-4:]
}

// cardData names the forms of card numbers that must never show: each whole number and its
// middle digits, the part masking hides (a leak of a number cut in pieces still shows them). The
// cards it is used with are those whose middle digits are not also among their first six.
func cardData(numbers ...string) map[string]string {
	forbidden := map[string]string{}
	for _, n := range numbers {
		forbidden["card number "+masked(n)] = n
		forbidden["the hidden digits of card number "+masked(n)] = n[6 : len(n)-4]
	}
	return forbidden
}

// cardVariables are the ConfigVariables of testdata/instrument_identifier.tf.
func cardVariables(number string, version int) config.Variables {
	return config.Variables{"card_number": config.StringVariable(number), "card_version": config.IntegerVariable(version)}
}

// TestAccInstrumentIdentifier_lifecycle tokenises a card (one POST) through the write-only
// argument and keeps only its masked form; imports the token by id; replaces it with another card
// when card_number_wo_version changes; and adopts the existing token when a second resource
// tokenises the same card. No form of either number is ever in the state.
func TestAccInstrumentIdentifier_lifecycle(t *testing.T) {
	e := newAccEnv(t)
	cfg := e.testdataConfig("instrument_identifier.tf")
	noCardData := stateLacks(cardData(visaCard, mastercardCard))
	replaced := statecheck.CompareValue(compare.ValuesDiffer())
	second := cardVariables(mastercardCard, 2)
	withTwin := variables(second, config.Variables{"with_twin": config.BoolVariable(true)})
	e.test(
		resource.TestStep{
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: cardVariables(visaCard, 1),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(instrumentIdentifierAddress, plancheck.ResourceActionCreate),
				plancheck.ExpectUnknownValue(instrumentIdentifierAddress, tfjsonpath.New("card_number_masked")),
				// Write-only: null in the plan, whatever the configuration says.
				plancheck.ExpectKnownValue(instrumentIdentifierAddress, tfjsonpath.New("card_number_wo"), knownvalue.Null()),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				replaced.AddStateValue(instrumentIdentifierAddress, tfjsonpath.New("id")),
				instrumentIdentifierState.check("id", knownvalue.StringRegexp(instrumentIdentifierIDPattern)),
				instrumentIdentifierState.str("card_number_masked", masked(visaCard)),
				instrumentIdentifierState.str("state", "ACTIVE"),
				instrumentIdentifierState.str("creator", e.merchantID),
				instrumentIdentifierState.null("card_number_wo"),
				instrumentIdentifierState.check("card_number_wo_version", knownvalue.Int64Exact(1)),
				noCardData,
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(map[string]int{"POST instrument-identifiers 201": 1}),
				e.stored(instrumentIdentifierAddress, storedEquals("card.number", masked(visaCard))),
			),
		},
		resource.TestStep{
			ResourceName:      instrumentIdentifierAddress,
			ImportState:       true,
			ImportStateVerify: true,
			// The version is the configuration's own counter: CyberSource does not know it.
			ImportStateVerifyIgnore: []string{"card_number_wo_version"},
			ConfigVariables:         cardVariables(visaCard, 1),
		},
		resource.TestStep{
			// An import block keeps the token although the configuration sets card_number_wo_version,
			// which an imported token has no value for: the plan only records it (no request).
			Config:             cfg,
			ResourceName:       instrumentIdentifierAddress,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithID,
			ConfigVariables:    cardVariables(visaCard, 1),
			ExpectNonEmptyPlan: true,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(instrumentIdentifierAddress, plancheck.ResourceActionUpdate),
				plancheck.ExpectKnownValue(instrumentIdentifierAddress, tfjsonpath.New("card_number_masked"), knownvalue.StringExact(masked(visaCard))),
			}},
		},
		resource.TestStep{
			// A new version replaces the token with one for the current number.
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: second,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(instrumentIdentifierAddress, plancheck.ResourceActionDestroyBeforeCreate),
				plancheck.ExpectUnknownValue(instrumentIdentifierAddress, tfjsonpath.New("card_number_masked")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				replaced.AddStateValue(instrumentIdentifierAddress, tfjsonpath.New("id")),
				instrumentIdentifierState.str("card_number_masked", masked(mastercardCard)),
				noCardData,
			},
			Check: e.requestCounts(map[string]int{
				"GET instrument-identifier 200": 1, "DELETE instrument-identifier 204": 1, "POST instrument-identifiers 201": 1,
			}),
		},
		resource.TestStep{
			// The same card in a second resource: CyberSource answers 200 with the existing token,
			// which the second adopts (with a warning, see TestInstrumentIdentifierCreatedWarnsOnAdoption).
			// The destroy at the end then deletes it once: the second DELETE finds it gone.
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: withTwin,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(instrumentIdentifierAddress, tfjsonpath.New("id"),
					twinIdentifierAddress, tfjsonpath.New("id"), compare.ValuesSame()),
				stateOf(twinIdentifierAddress).str("card_number_masked", masked(mastercardCard)),
				noCardData,
			},
			Check: e.requestCounts(map[string]int{"GET instrument-identifier 200": 1, "POST instrument-identifiers 200": 1}),
		},
	)
}

// TestAccInstrumentIdentifier_inUseAndGone: deleting a token a payment instrument outside the
// configuration still uses is refused with the explanation; a token deleted outside Terraform is
// created again.
func TestAccInstrumentIdentifier_inUseAndGone(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("adds a payment instrument and deletes the token behind Terraform's back")
	cfg := e.testdataConfig("instrument_identifier.tf")
	card := cardVariables(amexCard, 1)
	var id string
	recreated := statecheck.CompareValue(compare.ValuesDiffer())
	e.test(
		resource.TestStep{
			Config:            cfg,
			ConfigVariables:   card,
			Check:             captureAttr(instrumentIdentifierAddress, "id", &id),
			ConfigStateChecks: []statecheck.StateCheck{recreated.AddStateValue(instrumentIdentifierAddress, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			// Another system's customer pays with the card.
			PreConfig: func() {
				customer := e.seed(simulator.KindCustomer, "", `{}`)
				e.seed(simulator.KindPaymentInstrument, customer, `{"instrumentIdentifier":{"id":"`+id+`"}}`)
			},
			Config:          e.providerConfig(),
			ConfigVariables: card,
			ExpectError:     regexp.MustCompile(`(?s)Card Token Still in Use.*while payment instruments use it.*409`),
		},
		resource.TestStep{
			// Deleted outside Terraform (with the payment instrument): the refresh drops it and the
			// apply tokenises the card again.
			PreConfig:       func() { e.mustSim(sim.Remove(simulator.KindInstrumentIdentifier, e.merchantID, id)) },
			Config:          cfg,
			ConfigVariables: card,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(instrumentIdentifierAddress, plancheck.ResourceActionCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				recreated.AddStateValue(instrumentIdentifierAddress, tfjsonpath.New("id")),
				instrumentIdentifierState.str("card_number_masked", masked(amexCard)),
			},
		},
	)
}

// TestAccInstrumentIdentifier_invalidCardNumberNotEchoed: a card number the plan-time check
// refuses is reported on card_number_wo, and neither the provider's message nor Terraform's
// rendering of it repeats the number, or any run of its digits.
func TestAccInstrumentIdentifier_invalidCardNumberNotEchoed(t *testing.T) {
	e := newAccEnv(t)
	cfg := e.testdataConfig("instrument_identifier.tf")
	invalid := []string{"4111 1111 1111 1111", "4111-1111-1111-1111", "41111111111", "41111111111111111111"}
	forbidden := cardData(visaCard)
	steps := make([]resource.TestStep, 0, len(invalid))
	for i, number := range invalid {
		forbidden[fmt.Sprintf("invalid card number %d", i+1)] = number
		forbidden[fmt.Sprintf("digits 5 to 11 of invalid card number %d", i+1)] = strings.NewReplacer(" ", "", "-", "").Replace(number)[4:11]
		steps = append(steps, resource.TestStep{Config: cfg, ConfigVariables: cardVariables(number, 1), PlanOnly: true})
	}
	failure := &failureWithout{
		want:      regexp.MustCompile(onAttribute(`Invalid Card Number`, "card_number_wo") + `.*not\s+repeated`),
		forbidden: forbidden,
	}
	tc := e.testCase(steps...)
	tc.ErrorCheck = failure.check
	resource.ParallelTest(t, tc)
	failure.requireSeen(t, len(invalid))
	if stats := e.sim("counts requests").Stats(); len(stats.ByMethod) != 0 {
		t.Errorf("an invalid card number reached the API: %v", stats.ByMethod)
	}
}

// TestInstrumentIdentifierCreatedWarnsOnAdoption: a 200 to the POST (the card was already
// tokenised) is an adopted token, and says so; a 201 is a new one, without a word.
func TestInstrumentIdentifierCreatedWarnsOnAdoption(t *testing.T) {
	id := "7010000000016241111"
	answer := func(status int) *client.Result[client.InstrumentIdentifier] {
		return &client.Result[client.InstrumentIdentifier]{
			Receipt: client.Receipt{StatusCode: status},
			Value:   &client.InstrumentIdentifier{ID: &id},
		}
	}
	var plan instrumentIdentifierResourceModel
	if diags := instrumentIdentifierAPI.created(plan, answer(http.StatusCreated)); len(diags) != 0 {
		t.Errorf("a new token got diagnostics: %v", diags)
	}
	diags := instrumentIdentifierAPI.created(plan, answer(http.StatusOK))
	if len(diags) != 1 || diags[0].Severity() != diag.SeverityWarning || diags[0].Summary() != "Adopted an Existing Card Token" {
		t.Fatalf("an adopted token got %v, want one warning \"Adopted an Existing Card Token\"", diags)
	}
	if detail := diags[0].Detail(); !strings.Contains(detail, `"`+id+`"`) || !strings.Contains(detail, "destroying this resource deletes") {
		t.Errorf("the warning does not name the token and what destroying it does: %s", detail)
	}
}

// TestInstrumentIdentifierCreateOutcomeUnknown: when a token's create may or may not have
// happened, the advice is to apply again (the same card returns the same token), not the
// import-or-duplicate advice of the other kinds.
func TestInstrumentIdentifierCreateOutcomeUnknown(t *testing.T) {
	d := &providerData{authMethod: client.AuthMethodHTTPSignature}
	var diags diag.Diagnostics
	d.reportCreateError(&diags, instrumentIdentifierKind, instrumentIdentifierResourceModel{}.creationClue(),
		&client.APIError{StatusCode: 502, Status: "502 Bad Gateway", CorrelationID: "corr-7", MayHaveBeenApplied: true})
	if len(diags) != 1 || diags[0].Summary() != "Unable to Confirm Instrument Identifier Creation" {
		t.Fatalf("got %v", diags)
	}
	detail := diags[0].Detail()
	for _, want := range []string{"MAY HAVE BEEN CREATED", "applying again is safe", "corr-7"} {
		if !strings.Contains(detail, want) {
			t.Errorf("the detail lacks %q:\n%s", want, detail)
		}
	}
	if strings.Contains(detail, "creates a second one") {
		t.Errorf("the detail warns of a duplicate that de-duplication rules out:\n%s", detail)
	}
}
