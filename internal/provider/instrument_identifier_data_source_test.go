package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestAccInstrumentIdentifierDataSource reads a card token by id: the masked number, state and
// creator the resource has, in one GET; an id that does not exist is an error on id.
func TestAccInstrumentIdentifierDataSource(t *testing.T) {
	e := newAccEnv(t)
	const token = "data.cybersource_tms_instrument_identifier.test"
	read := func(id string) string {
		return "data \"cybersource_tms_instrument_identifier\" \"test\" {\n  id = " + id + "\n}\n"
	}
	cfg := e.testdataConfig("instrument_identifier.tf") + read(instrumentIdentifierAddress+".id")
	e.test(
		resource.TestStep{
			PreConfig:       e.resetStats,
			Config:          cfg,
			ConfigVariables: cardVariables(jcbCard, 1),
			// The data source reads once the token exists: one GET.
			Check: e.requestCounts(map[string]int{"POST instrument-identifiers 201": 1, "GET instrument-identifier 200": 1}),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.CompareValuePairs(token, tfjsonpath.New("id"), instrumentIdentifierAddress, tfjsonpath.New("id"), compare.ValuesSame()),
				stateOf(token).str("card_number_masked", masked(jcbCard)),
				stateOf(token).str("state", "ACTIVE"),
				stateOf(token).str("creator", e.merchantID),
				stateOf(token).null("profile_id"),
			},
		},
		resource.TestStep{
			Config:      e.config(read(`"7000000000000000001"`)),
			ExpectError: regexp.MustCompile(onAttribute("Instrument Identifier Not Found", "id") + `.*No\s+instrument\s+identifier\s+with\s+id\s+"7000000000000000001"`),
		},
	)
}
