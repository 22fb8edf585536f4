package simulator

import (
	"net/http"
	"testing"
)

func TestEmbeddedDefaults(t *testing.T) {
	ts := startServer(t, Options{})
	id, etag := ts.create(t, `{}`)
	piOne, err := ts.Sim.SeedPaymentInstrument(DemoMerchantID, id, []byte(`{"card":{"expirationMonth":"12","expirationYear":"2031","type":"001"},"instrumentIdentifier":{"id":"7010000000016241111"}}`))
	if err != nil {
		t.Fatal(err)
	}
	piTwo, err := ts.Sim.SeedPaymentInstrument(DemoMerchantID, id, []byte(`{"id":"ABCDEF0123456789ABCDEF0123456789","state":"CLOSED"}`))
	if err != nil || piTwo != "ABCDEF0123456789ABCDEF0123456789" {
		t.Fatalf("second instrument: %q %v", piTwo, err)
	}
	addr, err := ts.Sim.SeedShippingAddress(DemoMerchantID, id, []byte(`{"shipTo":{"firstName":"Jane","country":"US"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.Sim.SeedPaymentInstrument(OtherMerchantID, id, []byte(`{}`)); err == nil {
		t.Error("another merchant seeded an instrument on this customer")
	}
	if _, err := ts.Sim.SeedShippingAddress(DemoMerchantID, id, []byte(`[]`)); err == nil {
		t.Error("a JSON array was accepted as an address")
	}

	g := ts.get(t, id)
	if g.header.Get("ETag") == etag {
		t.Error("seeding did not change the ETag")
	}
	got := g.json(t)
	if defaultID, _ := got["defaultPaymentInstrument"].(map[string]any)["id"].(string); defaultID != piOne {
		t.Errorf("defaultPaymentInstrument %v, want the first instrument %s", got["defaultPaymentInstrument"], piOne)
	}
	embedded, _ := got["_embedded"].(map[string]any)
	pi, _ := embedded["defaultPaymentInstrument"].(map[string]any)
	if pi["id"] != piOne || pi["object"] != "paymentInstrument" || pi["state"] != "ACTIVE" || pi["default"] != true ||
		dig(pi, "metadata", "creator") != DemoMerchantID || dig(pi, "card", "type") != "001" {
		t.Errorf("_embedded.defaultPaymentInstrument %v", pi)
	}
	sa, _ := embedded["defaultShippingAddress"].(map[string]any)
	if sa["id"] != addr || sa["default"] != true || dig(sa, "shipTo", "firstName") != "Jane" {
		t.Errorf("_embedded.defaultShippingAddress %v", sa)
	}

	// PATCH may point the default at another existing instrument, and _embedded follows.
	p := ts.patch(t, id, `{"defaultPaymentInstrument":{"id":"`+piTwo+`"}}`)
	if p.status != http.StatusOK {
		t.Fatalf("PATCH to the second instrument: %d %s", p.status, p.body)
	}
	pi, _ = dig(p.json(t), "_embedded", "defaultPaymentInstrument").(map[string]any)
	if pi["id"] != piTwo || pi["state"] != "CLOSED" || pi["default"] != true {
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
}
