package simulator

import "encoding/json"

// customersPath is the collection path of tms-api.md §1; _links and Location are relative to the
// host, as in the §3 example.
const customersPath = "/tms/v2/customers"

// render refreshes rec.body: the writable fields plus the server-owned id, _links (spelled
// shippingAddresses, as live answers do: tms-api.md §3), metadata.creator (the creating merchant)
// and _embedded with the current defaults.
func (rec *customerRecord) render() error {
	doc := make(map[string]any, len(rec.fields)+4)
	for k, v := range rec.fields {
		doc[k] = v
	}
	self := customersPath + "/" + rec.id
	doc["id"] = rec.id
	doc["_links"] = map[string]any{
		"self":               map[string]string{"href": self},
		"paymentInstruments": map[string]string{"href": self + "/payment-instruments"},
		"shippingAddresses":  map[string]string{"href": self + "/shipping-addresses"},
	}
	doc["metadata"] = map[string]string{"creator": rec.merchantID}
	embedded := map[string]any{}
	for _, kind := range subResourceKinds {
		if id, ok := defaultID(rec.fields, kind.defaultGroup); ok {
			if obj := (*kind.collection(rec))[id]; obj != nil {
				embedded[kind.defaultGroup] = markedDefault(obj)
			}
		}
	}
	if len(embedded) > 0 {
		doc["_embedded"] = embedded
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	rec.body = body
	return nil
}

// checkDefaults refuses default ids that name nothing the customer has (tms-api.md §3: the default
// is "set by PATCH once the instrument exists").
func (rec *customerRecord) checkDefaults() error {
	var bad []string
	for _, kind := range subResourceKinds {
		if id, ok := defaultID(rec.fields, kind.defaultGroup); ok && (*kind.collection(rec))[id] == nil {
			bad = append(bad, kind.defaultGroup+".id")
		}
	}
	if bad != nil {
		return &ValidationError{Fields: bad}
	}
	return nil
}

func defaultID(fields map[string]any, group string) (string, bool) {
	g, _ := fields[group].(map[string]any)
	id, ok := g["id"].(string)
	return id, ok
}

// markedDefault copies an embedded object with default=true: whichever object the customer names
// as its default is, by definition, the default one.
func markedDefault(obj map[string]any) map[string]any {
	out := make(map[string]any, len(obj)+1)
	for k, v := range obj {
		out[k] = v
	}
	out["default"] = true
	return out
}
