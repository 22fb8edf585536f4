package simulator

// customersPath is the collection path of tms-api.md §1; _links and Location are relative to the
// host, as in the §3 example.
const customersPath = "/tms/v2/customers"

// customerKind is the customer (tms-api.md §1, §3). It has no list endpoint and no fixed members
// (no object or state); its _links name the lists of its addresses and payment instruments
// (spelled shippingAddresses, as live answers do: §3), and its _embedded the current defaults.
var customerKind = &kindSpec{
	kind:            KindCustomer,
	collectionPath:  customersPath,
	idParam:         pathParam{name: "customerId", min: 1, max: 32, logKey: "customer"},
	collectionRoute: "customers",
	itemRoute:       "customer",
	newID:           newTokenID,
	schema: schema{
		"objectInformation":          group(schema{"title": text(60), "comment": text(150)}),
		"buyerInformation":           group(schema{"merchantCustomerID": text(100), "email": text(255)}),
		"clientReferenceInformation": group(schema{"code": text(50)}),
		merchantDefinedField:         merchantDefinedList,
		// The defaults are named by id; checkLinks makes sure the customer has them.
		"defaultPaymentInstrument": group(schema{"id": text(noLimit)}),
		"defaultShippingAddress":   group(schema{"id": text(noLimit)}),
	},
	// Server-owned (tms-api.md §3): a client echoing a response back would send them, so they are
	// dropped rather than refused (inferred).
	dropped: []string{"id", "metadata", "_links", "_embedded"},
}

const (
	merchantDefinedField    = "merchantDefinedInformation"
	merchantDefinedValueMax = 100
)

// merchantDefinedNames are the documented names (tms-api.md §3); anything else is refused so a
// typo in a configuration surfaces as an error instead of silently stored data (inferred).
var merchantDefinedNames = map[string]bool{
	"data1": true, "data2": true, "data3": true, "data4": true,
	"sensitive1": true, "sensitive2": true, "sensitive3": true, "sensitive4": true,
}

// merchantDefinedList checks the list that PATCH replaces whole (tms-api.md §3): entries of
// {name, value} with a documented name, used at most once, and value ≤ 100 characters.
func merchantDefinedList(c *checker, path string, value any) {
	seen := map[string]bool{}
	entry := func(c *checker, p string, item any) {
		e, ok := item.(map[string]any)
		if !ok {
			c.bad(p)
			return
		}
		for key := range e {
			if key != "name" && key != "value" {
				c.bad(p + "." + key)
			}
		}
		name, ok := e["name"].(string)
		if !ok || !merchantDefinedNames[name] || seen[name] {
			c.bad(p + ".name")
		}
		seen[name] = true
		// Unlike a field of a group, the value is required: an entry without one means nothing.
		if !textOK(e["value"], func(s string) bool { return fits(s, 0, merchantDefinedValueMax) }) {
			c.bad(p + ".value")
		}
	}
	listOf(entry)(c, path, value)
}
