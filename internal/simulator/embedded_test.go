package simulator

import (
	"net/http"
	"testing"
)

// TestEmbeddedDefaults: a customer names its default payment instrument and shipping address and
// embeds their current full copies (tms-api.md §3), the instrument's own embedded identifier
// included, with the card number masked (tms-subresources.md §7).
func TestEmbeddedDefaults(t *testing.T) {
	ts := startServer(t, Options{})
	id, etag := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	piOne, _ := ts.post(t, instrumentsPath(id), instrumentBody(iid))
	piTwo, _ := ts.post(t, instrumentsPath(id), `{"card":{"type":"002","expirationMonth":"01","expirationYear":"2032"},"instrumentIdentifier":{"id":"`+iid+`"}}`)
	addr, _ := ts.post(t, addressesPath(id), `{"shipTo":{"firstName":"Jane","country":"US"}}`)

	g := ts.get(t, id)
	if g.header.Get("ETag") == etag {
		t.Error("adding defaults did not change the customer's ETag")
	}
	got := g.json(t)
	if defaultID := dig(got, "defaultPaymentInstrument", "id"); defaultID != piOne {
		t.Errorf("defaultPaymentInstrument %v, want the first instrument %s", got["defaultPaymentInstrument"], piOne)
	}
	if defaultID := dig(got, "defaultShippingAddress", "id"); defaultID != addr {
		t.Errorf("defaultShippingAddress %v, want %s", got["defaultShippingAddress"], addr)
	}
	embedded, _ := got["_embedded"].(map[string]any)
	pi, _ := embedded["defaultPaymentInstrument"].(map[string]any)
	if pi["id"] != piOne || pi["object"] != "paymentInstrument" || pi["state"] != "ACTIVE" || pi["default"] != true ||
		dig(pi, "metadata", "creator") != DemoMerchantID || dig(pi, "card", "type") != "001" ||
		dig(pi, "instrumentIdentifier", "id") != iid {
		t.Errorf("_embedded.defaultPaymentInstrument %v", pi)
	}
	if n := dig(pi, "_embedded", "instrumentIdentifier", "card", "number"); n != testPANMasked {
		t.Errorf("embedded identifier's number %v, want %s", n, testPANMasked)
	}
	if self := dig(pi, "_embedded", "instrumentIdentifier", "_links", "self", "href"); self != identifierPath(iid) {
		t.Errorf("embedded identifier's self link %v, want the relative %s", self, identifierPath(iid))
	}
	sa, _ := embedded["defaultShippingAddress"].(map[string]any)
	if sa["id"] != addr || sa["default"] != true || dig(sa, "shipTo", "firstName") != "Jane" {
		t.Errorf("_embedded.defaultShippingAddress %v", sa)
	}
	// The embedded copy is the object itself, as its own GET shows it.
	if own := ts.do(t, http.MethodGet, instrumentsPath(id)+"/"+piOne, "").json(t); !jsonEqual(own, pi) {
		t.Errorf("embedded instrument %v differs from its GET %v", pi, own)
	}

	// PATCH may point the default at another existing instrument, and _embedded follows.
	p := ts.patch(t, id, `{"defaultPaymentInstrument":{"id":"`+piTwo+`"}}`)
	if p.status != http.StatusOK {
		t.Fatalf("PATCH to the second instrument: %d %s", p.status, p.body)
	}
	pi, _ = dig(p.json(t), "_embedded", "defaultPaymentInstrument").(map[string]any)
	if pi["id"] != piTwo || dig(pi, "card", "type") != "002" || pi["default"] != true {
		t.Errorf("_embedded after PATCH %v", pi)
	}
	if p := ts.patch(t, id, `{"defaultShippingAddress":{"id":"`+piOne+`"}}`); p.status != http.StatusBadRequest {
		t.Errorf("default address set to an instrument id: %d", p.status)
	}
	// Removing the default removes its _embedded entry.
	p = ts.patch(t, id, `{"defaultShippingAddress":null}`)
	embedded, _ = dig(p.json(t), "_embedded").(map[string]any)
	if _, ok := embedded["defaultShippingAddress"]; ok || embedded["defaultPaymentInstrument"] == nil {
		t.Errorf("_embedded after removing the default address: %v", embedded)
	}
	if d := ts.do(t, http.MethodGet, addressesPath(id)+"/"+addr, "").json(t)["default"]; d != false {
		t.Errorf("the address reads default=%v after the customer cleared its default", d)
	}
	// With no default, the next address created becomes it (inferred from tms-subresources.md §6.1).
	next, _ := ts.post(t, addressesPath(id), `{}`)
	if got := dig(ts.get(t, id).json(t), "defaultShippingAddress", "id"); got != next {
		t.Errorf("default address %v after creating one while none was the default, want %s", got, next)
	}
}
