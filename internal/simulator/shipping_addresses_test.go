package simulator

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestCreateShippingAddressAnswer(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	// The tms-subresources.md §3 example body.
	body := `{"default": true,
	 "shipTo": {"firstName":"John","lastName":"Doe","company":"Acme","address1":"1 Market St",
	            "locality":"San Francisco","administrativeArea":"CA","postalCode":"94105","country":"US",
	            "email":"john@example.com","phoneNumber":"4158880000"}}`
	a, id := ts.created(t, addressesPath(cid), body)
	got := a.json(t)
	self := addressesPath(cid) + "/" + id
	if a.header.Get("Location") != self || a.header.Get("ETag") == "" {
		t.Errorf("Location %q (want %q), ETag %q", a.header.Get("Location"), self, a.header.Get("ETag"))
	}
	want := mustJSON(t, body)
	want["id"] = id
	want["_links"] = map[string]any{"self": map[string]any{"href": self}, "customer": map[string]any{"href": customersPath + "/" + cid}}
	want["metadata"] = map[string]any{"creator": DemoMerchantID}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("answer\n%v\nwant\n%v", got, want) // no object, no state (tms-subresources.md §3)
	}
	if g := ts.do(t, http.MethodGet, self, ""); g.status != http.StatusOK || string(g.body) != string(a.body) || g.header.Get("ETag") != a.header.Get("ETag") {
		t.Errorf("GET after POST: %d %s", g.status, g.body)
	}
}

func TestShippingAddressValidation(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	long := func(n int) string { return strings.Repeat("é", n) } // characters, not bytes
	limits := map[string]int{"firstName": 60, "lastName": 60, "company": 60, "address1": 60, "address2": 60,
		"locality": 50, "administrativeArea": 20, "postalCode": 10, "country": 2, "email": 320, "phoneNumber": 15}
	cases := []bodyCase{
		{"empty body", ``, 201, "", nil},
		{"default as a string", `{"default":"false"}`, 201, "", nil},
		{"the Node SDK's _default", `{"_default":true}`, 201, "", nil},
		{"read-only members are ignored", `{"id":"X","metadata":{"creator":"x"},"_links":{},"_embedded":{}}`, 201, "", nil},
		{"null means absent", `{"shipTo":null,"default":null}`, 201, "", nil},
		{"default as another string", `{"default":"yes"}`, 400, "invalidFields", []string{"default"}},
		{"unknown shipTo member", `{"shipTo":{"city":"x"}}`, 400, "invalidFields", []string{"shipTo.city"}},
		{"shipTo not an object", `{"shipTo":"x"}`, 400, "invalidFields", []string{"shipTo"}},
		{"billTo on an address", `{"billTo":{}}`, 400, "invalidFields", []string{"billTo"}},
		{"malformed JSON", `{"shipTo":`, 400, "invalidRequest", nil},
		{"JSON array", `[]`, 400, "invalidRequest", nil},
	}
	for field, limit := range limits {
		cases = append(cases,
			bodyCase{field + " at its limit", `{"shipTo":{"` + field + `":"` + long(limit) + `"}}`, 201, "", nil},
			bodyCase{field + " too long", `{"shipTo":{"` + field + `":"` + long(limit+1) + `"}}`, 400, "invalidFields", []string{"shipTo." + field}})
	}
	ts.postCases(t, KindShippingAddress, addressesPath(cid), cases)
}

// TestShippingAddressMergePatch: PATCH is an RFC 7396 merge (tms-subresources.md §6.5).
func TestShippingAddressMergePatch(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	const base = `{"shipTo":{"firstName":"Jane","lastName":"Doe","country":"US"}}`
	tests := []struct {
		name, patch, want string
		sameETag          bool
	}{
		{"change one field", `{"shipTo":{"firstName":"June"}}`, `{"shipTo":{"firstName":"June","lastName":"Doe","country":"US"}}`, false},
		{"null removes a field", `{"shipTo":{"lastName":null}}`, `{"shipTo":{"firstName":"Jane","country":"US"}}`, false},
		{"null removes the group", `{"shipTo":null}`, `{}`, false},
		{"same values change nothing", `{"shipTo":{"country":"US"}}`, base, true},
		{"read-only members change nothing", `{"id":"X","metadata":{"creator":"evil"}}`, base, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, etag := ts.post(t, addressesPath(cid), base)
			a := ts.do(t, http.MethodPatch, addressesPath(cid)+"/"+id, tt.patch)
			if a.status != http.StatusOK {
				t.Fatalf("status %d: %s", a.status, a.body)
			}
			got := a.json(t)
			for _, k := range []string{"id", "_links", "metadata", "default"} {
				delete(got, k)
			}
			if want := mustJSON(t, tt.want); !reflect.DeepEqual(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
			if (a.header.Get("ETag") == etag) != tt.sameETag {
				t.Errorf("ETag %q -> %q, want unchanged=%v", etag, a.header.Get("ETag"), tt.sameETag)
			}
		})
	}
}

// TestSubResourceScoping: unknown ids answer 404, deleted ones 410; an item is found only under
// its own customer and merchant (tms-subresources.md §6.8); everything under a deleted customer
// answers 410 like the customer.
func TestSubResourceScoping(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	otherCustomer, _ := ts.create(t, `{}`)
	goneCustomer, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	sid, _ := ts.post(t, addressesPath(cid), `{}`)
	pid, _ := ts.post(t, instrumentsPath(cid), instrumentBody(iid))
	deletedAddress, _ := ts.post(t, addressesPath(cid), `{}`)
	ts.do(t, http.MethodDelete, addressesPath(cid)+"/"+deletedAddress, "")
	goneAddress, _ := ts.post(t, addressesPath(goneCustomer), `{}`)
	ts.do(t, http.MethodDelete, customersPath+"/"+goneCustomer, "")
	unknown := strings.Repeat("A", 32)
	other := signSpec{cred: otherCred}

	tests := []struct {
		name, path string
		spec       signSpec
		status     int
		list       bool // lists answer GET only
	}{
		{"own address", addressesPath(cid) + "/" + sid, signSpec{}, 200, false},
		{"own instrument", instrumentsPath(cid) + "/" + pid, signSpec{}, 200, false},
		{"unknown address", addressesPath(cid) + "/" + unknown, signSpec{}, 404, false},
		{"deleted address", addressesPath(cid) + "/" + deletedAddress, signSpec{}, 410, false},
		{"address under another customer", addressesPath(otherCustomer) + "/" + sid, signSpec{}, 404, false},
		{"deleted address under another customer", addressesPath(otherCustomer) + "/" + deletedAddress, signSpec{}, 404, false},
		{"instrument id as an address id", addressesPath(cid) + "/" + pid, signSpec{}, 404, false},
		{"address as another merchant", addressesPath(cid) + "/" + sid, other, 404, false},
		{"list as another merchant", addressesPath(cid), other, 404, true},
		{"identifier as another merchant", identifierPath(iid), other, 404, false},
		{"list under an unknown customer", addressesPath(unknown), signSpec{}, 404, true},
		{"list under a deleted customer", addressesPath(goneCustomer), signSpec{}, 410, true},
		{"address under a deleted customer", addressesPath(goneCustomer) + "/" + goneAddress, signSpec{}, 410, false},
		{"address under a deleted customer, another merchant", addressesPath(goneCustomer) + "/" + goneAddress, other, 404, false},
		{"unknown identifier", identifierPath("7000000000000000000"), signSpec{}, 404, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			methods := []string{http.MethodGet, http.MethodPatch, http.MethodDelete}
			if tt.list || tt.status == http.StatusOK { // successful writes are tested elsewhere
				methods = methods[:1]
			}
			for _, method := range methods {
				a := ts.request(t, method, tt.path, []byte(`{}`), tt.spec)
				if a.status != tt.status {
					t.Errorf("%s: %d %s, want %d", method, a.status, a.body, tt.status)
				}
				if tt.status == http.StatusNotFound && a.errorType(t) != errNotFound || tt.status == http.StatusGone && a.errorType(t) != errNotAvailable {
					t.Errorf("%s: type %s", method, a.errorType(t))
				}
			}
		})
	}
	if n := len(ts.Sim.IDs(KindShippingAddress, DemoMerchantID)); n != 1 {
		t.Errorf("addresses %d, want 1: a refused request deleted or created one", n)
	}
}
