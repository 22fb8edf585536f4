package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// TestAccShippingAddressesDataSource: every address of a customer over two pages, the default
// first, with its attributes; an empty list; an unknown customer (testListDataSource).
func TestAccShippingAddressesDataSource(t *testing.T) {
	e := newAccEnv(t)
	e.testListDataSource(listDataSourceTest{
		typeName:      "cybersource_tms_customer_shipping_addresses",
		listAttribute: "shipping_addresses",
		kind:          simulator.KindShippingAddress,
		route:         "shipping-addresses",
		item: func(i int, last bool) string {
			if last {
				return `{"default":true,"shipTo":{"firstName":"Jane","lastName":"Default","country":"GB","email":"jane@example.com"}}`
			}
			return fmt.Sprintf(`{"shipTo":{"firstName":"Address %d","country":"US"}}`, i)
		},
		itemChecks: map[int]map[string]knownvalue.Check{
			0: {
				"last_name": knownvalue.StringExact("Default"), "country": knownvalue.StringExact("GB"),
				"email": knownvalue.StringExact("jane@example.com"), "company": knownvalue.Null(),
			},
			1: {"first_name": knownvalue.StringExact("Address 0")},
		},
	})
}
