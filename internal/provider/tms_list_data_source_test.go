package provider

import (
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// listDataSourceTest describes a list data source for testListDataSource.
type listDataSourceTest struct {
	typeName      string // cybersource_tms_customer_shipping_addresses
	listAttribute string // shipping_addresses
	kind          simulator.Kind
	route         string // the simulator's list route, "shipping-addresses"
	// item is the body of the i-th item seeded, i from 0; the last one claims the default.
	item func(i int, last bool) string
	// itemChecks are the type's own checks of the list of the customer with many items: by
	// index in the list, the attributes of the item.
	itemChecks map[int]map[string]knownvalue.Check
}

// listPageSize is the page size the client walks lists with (tms-subresources.md §2b).
const listPageSize = 100

// testListDataSource seeds a customer with more items than a page holds, the last one made its
// default, and a customer with none. The first list has every item, the default first and in
// default_id, then the others in creation order, read in two pages; the second is empty with a
// null default_id; a customer that does not exist is an error on customer_id.
func (e *accEnv) testListDataSource(d listDataSourceTest) {
	e.t.Helper()
	big := e.seed(simulator.KindCustomer, "", `{}`)
	ids := make([]string, listPageSize+2)
	for i := range ids {
		ids[i] = e.seed(d.kind, big, d.item(i, i == len(ids)-1))
	}
	empty := e.seed(simulator.KindCustomer, "", `{}`)
	read := func(name, customerID string) string {
		return fmt.Sprintf("data %q %q {\n  customer_id = %q\n}\n", d.typeName, name, customerID)
	}
	many, none := stateOf("data."+d.typeName+".many"), stateOf("data."+d.typeName+".none")
	item := func(i int) tfjsonpath.Path { return tfjsonpath.New(d.listAttribute).AtSliceIndex(i) }
	defaultID := ids[len(ids)-1]
	checks := []statecheck.StateCheck{
		many.str("default_id", defaultID),
		many.check(d.listAttribute, knownvalue.ListSizeExact(len(ids))),
		statecheck.ExpectKnownValue(string(many), item(0).AtMapKey("id"), knownvalue.StringExact(defaultID)),
		statecheck.ExpectKnownValue(string(many), item(0).AtMapKey("default"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(string(many), item(1).AtMapKey("id"), knownvalue.StringExact(ids[0])),
		statecheck.ExpectKnownValue(string(many), item(1).AtMapKey("default"), knownvalue.Bool(false)),
		// The last one of the second page.
		statecheck.ExpectKnownValue(string(many), item(len(ids)-1).AtMapKey("id"), knownvalue.StringExact(ids[len(ids)-2])),
		statecheck.ExpectKnownValue(string(many), item(len(ids)-1).AtMapKey("creator"), knownvalue.StringExact(e.merchantID)),
		none.null("default_id"),
		none.check(d.listAttribute, knownvalue.ListExact([]knownvalue.Check{})),
	}
	for i, attributes := range d.itemChecks {
		for name, check := range attributes {
			checks = append(checks, statecheck.ExpectKnownValue(string(many), item(i).AtMapKey(name), check))
		}
	}
	e.test(
		resource.TestStep{
			PreConfig: e.resetStats,
			Config:    e.config(read("many", big) + read("none", empty)),
			// One read of each list before the checks: two pages and one.
			Check:             e.requestCounts(map[string]int{"GET " + d.route + " 200": 2 + 1}),
			ConfigStateChecks: checks,
		},
		resource.TestStep{
			Config:      e.config(read("unknown", "0000000000000000000000000000BEEF")),
			ExpectError: regexp.MustCompile(onAttribute("Customer Not Found", "customer_id") + `.*No\s+customer\s+with\s+id\s+"0000000000000000000000000000BEEF"`),
		},
	)
}
