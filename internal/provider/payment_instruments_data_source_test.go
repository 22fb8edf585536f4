package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// TestAccPaymentInstrumentsDataSource: every payment instrument of a customer over two pages,
// the default first, with its card token's masked number and its billing address; an empty list;
// an unknown customer (testListDataSource).
func TestAccPaymentInstrumentsDataSource(t *testing.T) {
	e := newAccEnv(t)
	token := e.seed(simulator.KindInstrumentIdentifier, "", `{"card":{"number":"`+visaCard+`"}}`)
	e.testListDataSource(listDataSourceTest{
		typeName:      "cybersource_tms_customer_payment_instruments",
		listAttribute: "payment_instruments",
		kind:          simulator.KindPaymentInstrument,
		route:         "payment-instruments",
		item: func(i int, last bool) string {
			if last {
				return `{"default":true,"instrumentIdentifier":{"id":"` + token + `"},"card":{"type":"001","expirationMonth":"12","expirationYear":"2031"},` +
					`"billTo":{"firstName":"Jane","country":"US"}}`
			}
			return fmt.Sprintf(`{"instrumentIdentifier":{"id":%q},"card":{"type":"001","expirationMonth":"%02d","expirationYear":"2030"}}`, token, i%12+1)
		},
		itemChecks: map[int]map[string]knownvalue.Check{
			0: {
				"instrument_identifier_id": knownvalue.StringExact(token),
				"card_number_masked":       knownvalue.StringExact(masked(visaCard)),
				"card_expiration_year":     knownvalue.StringExact("2031"),
				"state":                    knownvalue.StringExact("ACTIVE"),
				"bill_to": knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"first_name": knownvalue.StringExact("Jane"), "country": knownvalue.StringExact("US"), "email": knownvalue.Null(),
				}),
			},
			1: {"bill_to": knownvalue.Null(), "card_expiration_month": knownvalue.StringExact("01")},
		},
	})
}
