package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

const customerDataAddress = "data.cybersource_tms_customer.test"

// TestAccCustomerDataSource_matchesResource reads a customer created by the resource and checks
// that every shared attribute has the same value in both.
func TestAccCustomerDataSource_matchesResource(t *testing.T) {
	e := newAccEnv(t)
	profileID := e.requireProfileID()
	config := e.config(customerConfig(append([]string{fmt.Sprintf("profile_id = %q", profileID)}, fullAttributes...)...) + `
data "cybersource_tms_customer" "test" {
  id         = cybersource_tms_customer.test.id
  profile_id = cybersource_tms_customer.test.profile_id
}
`)
	var checks []statecheck.StateCheck
	for _, attribute := range []string{
		"id", "profile_id", "merchant_customer_id", "email", "client_reference_code", "title", "comment",
		"merchant_defined_information", "default_payment_instrument_id", "default_shipping_address_id", "creator",
	} {
		checks = append(checks, statecheck.CompareValuePairs(
			customerAddress, tfjsonpath.New(attribute),
			customerDataAddress, tfjsonpath.New(attribute),
			compare.ValuesSame()))
	}
	checks = append(checks,
		statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("title"), knownvalue.StringExact("Gold customer")),
		statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("default_payment_instrument"), knownvalue.Null()),
		statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("default_shipping_address"), knownvalue.Null()),
	)
	e.test(resource.TestStep{Config: config, ConfigStateChecks: checks})
}

// TestAccCustomerDataSource_embedded reads a customer that has a default payment instrument and
// shipping address (seeded in the simulator) and checks the embedded objects, which carry no card
// number; the read is exactly one GET.
func TestAccCustomerDataSource_embedded(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("seeds a customer with a payment instrument and a shipping address")
	id, err := sim.SeedCustomer(e.merchantID, []byte(`{"buyerInformation":{"merchantCustomerID":"seeded-1"},`+
		`"merchantDefinedInformation":[{"name":"data2","value":"vip"}]}`))
	e.mustSim(err)
	identifierID, err := sim.Seed(simulator.KindInstrumentIdentifier, e.merchantID, "", []byte(`{"card":{"number":"4111111111111111"}}`))
	e.mustSim(err)
	instrumentID, err := sim.Seed(simulator.KindPaymentInstrument, e.merchantID, id, []byte(`{`+
		`"card":{"expirationMonth":"09","expirationYear":"2030","type":"001"},`+
		`"instrumentIdentifier":{"id":"`+identifierID+`"}}`))
	e.mustSim(err)
	addressID, err := sim.Seed(simulator.KindShippingAddress, e.merchantID, id, []byte(`{"shipTo":{"firstName":"Jane","lastName":"Doe",`+
		`"company":"Example Ltd","address1":"1 Market St","address2":"Suite 2","locality":"San Francisco",`+
		`"administrativeArea":"CA","postalCode":"94105","country":"US","email":"jane@example.com","phoneNumber":"4158880000"}}`))
	e.mustSim(err)

	e.test(resource.TestStep{
		PreConfig: e.resetStats,
		Config:    e.config(fmt.Sprintf("data \"cybersource_tms_customer\" \"test\" {\n  id = %q\n}\n", id)),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("merchant_customer_id"), knownvalue.StringExact("seeded-1")),
			statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("merchant_defined_information"),
				knownvalue.MapExact(map[string]knownvalue.Check{"data2": knownvalue.StringExact("vip")})),
			statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("default_payment_instrument_id"), knownvalue.StringExact(instrumentID)),
			statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("default_shipping_address_id"), knownvalue.StringExact(addressID)),
			statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("profile_id"), knownvalue.Null()),
			// ObjectExact: these keys and no others, so no card number can slip in.
			statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("default_payment_instrument"), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":                       knownvalue.StringExact(instrumentID),
				"state":                    knownvalue.StringExact("ACTIVE"),
				"type":                     knownvalue.StringExact("paymentInstrument"),
				"card_type":                knownvalue.StringExact("001"),
				"expiration_month":         knownvalue.StringExact("09"),
				"expiration_year":          knownvalue.StringExact("2030"),
				"instrument_identifier_id": knownvalue.StringExact(identifierID),
			})),
			statecheck.ExpectKnownValue(customerDataAddress, tfjsonpath.New("default_shipping_address"), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":                  knownvalue.StringExact(addressID),
				"first_name":          knownvalue.StringExact("Jane"),
				"last_name":           knownvalue.StringExact("Doe"),
				"company":             knownvalue.StringExact("Example Ltd"),
				"address1":            knownvalue.StringExact("1 Market St"),
				"address2":            knownvalue.StringExact("Suite 2"),
				"locality":            knownvalue.StringExact("San Francisco"),
				"administrative_area": knownvalue.StringExact("CA"),
				"postal_code":         knownvalue.StringExact("94105"),
				"country":             knownvalue.StringExact("US"),
				"email":               knownvalue.StringExact("jane@example.com"),
				"phone_number":        knownvalue.StringExact("4158880000"),
			})),
		},
		Check: e.requestCounts(map[string]int{"GET customer 200": 1}),
	})
}

// TestAccCustomerDataSource_errors: a missing customer and a malformed id are clear errors.
func TestAccCustomerDataSource_errors(t *testing.T) {
	e := newAccEnv(t)
	read := func(attrs string) string {
		return e.config("data \"cybersource_tms_customer\" \"test\" {\n" + attrs + "\n}\n")
	}
	e.test(
		resource.TestStep{
			Config:      read(`id = "0000000000000000000000000000BEEF"`),
			ExpectError: regexp.MustCompile(`(?s)Customer Not Found.*0000000000000000000000000000BEEF`),
		},
		resource.TestStep{
			Config:      read(`id = "not-a-customer-id"`),
			ExpectError: regexp.MustCompile(`(?s)Invalid Customer ID.*letters\s+and\s+digits`),
		},
		resource.TestStep{
			Config:      read(`id = "ABC"` + "\n" + `profile_id = "short"`),
			ExpectError: regexp.MustCompile(`Invalid TMS Profile ID`),
		},
	)
}
