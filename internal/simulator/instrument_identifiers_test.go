package simulator

import (
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestIdentifierDeduplication: a card number the merchant already tokenized gives 200 and the same
// identifier; a new one gives 201 (tms-subresources.md §6.6). Both carry Location and ETag.
func TestIdentifierDeduplication(t *testing.T) {
	ts := startServer(t, Options{})
	first := ts.do(t, http.MethodPost, identifiersPath, `{"card":{"number":"`+testPAN+`"}}`)
	again := ts.do(t, http.MethodPost, identifiersPath, `{"card":{"number":"`+testPAN+`","expirationMonth":"12"}}`)
	other := ts.do(t, http.MethodPost, identifiersPath, `{"card":{"number":"`+otherPAN+`"}}`)
	theirs := ts.request(t, http.MethodPost, identifiersPath, []byte(`{"card":{"number":"`+testPAN+`"}}`), signSpec{cred: otherCred})
	id := func(a answer) string { s, _ := a.json(t)["id"].(string); return s }

	if first.status != http.StatusCreated || again.status != http.StatusOK || other.status != http.StatusCreated || theirs.status != http.StatusCreated {
		t.Fatalf("statuses %d %d %d %d, want 201 200 201 201", first.status, again.status, other.status, theirs.status)
	}
	if !identifierIDPattern.MatchString(id(first)) {
		t.Errorf("id %q is not 19 digits starting with 70 (§2a)", id(first))
	}
	if id(again) != id(first) || string(again.body) != string(first.body) || again.header.Get("ETag") != first.header.Get("ETag") {
		t.Errorf("the repeated POST answered %s (ETag %s), want the first identifier %s (ETag %s)",
			again.body, again.header.Get("ETag"), first.body, first.header.Get("ETag"))
	}
	if id(other) == id(first) || id(theirs) == id(first) || id(theirs) == id(other) {
		t.Errorf("ids %s %s %s: another card, or another merchant's same card, must get its own identifier", id(first), id(other), id(theirs))
	}
	for _, a := range []answer{first, again} {
		if loc := a.header.Get("Location"); loc != ts.URL+identifierPath(id(first)) || a.header.Get("ETag") == "" {
			t.Errorf("%d: Location %q, ETag %q", a.status, loc, a.header.Get("ETag"))
		}
	}
	st := ts.Sim.Stats()
	if st.ObjectsCreated[KindInstrumentIdentifier] != 3 || st.ObjectsStored[KindInstrumentIdentifier] != 3 {
		t.Errorf("created %v stored %v, want 3 and 3 (the 200 created nothing)", st.ObjectsCreated, st.ObjectsStored)
	}
	if st.Requests["POST instrument-identifiers 200"] != 1 || st.Requests["POST instrument-identifiers 201"] != 3 {
		t.Errorf("requests %v", st.Requests)
	}

	// Deleted, the card is new again.
	if d := ts.do(t, http.MethodDelete, identifierPath(id(first)), ""); d.status != http.StatusNoContent {
		t.Fatalf("DELETE: %d %s", d.status, d.body)
	}
	ts.do(t, http.MethodGet, identifierPath(id(first)), "").expectError(t, http.StatusGone, errNotAvailable)
	if fresh := ts.identifier(t, testPAN); fresh == id(first) {
		t.Error("a deleted identifier came back for its card")
	}
}

func TestIdentifierAnswer(t *testing.T) {
	ts := startServer(t, Options{})
	a := ts.do(t, http.MethodPost, identifiersPath, `{"type":"enrollable card","source":"CONTACTLESS_TAP",
		"card":{"number":"`+testPAN+`","expirationMonth":"12","expirationYear":"2031","securityCode":"123"},
		"billTo":{"address1":"1 Market St","country":"US"},
		"tokenProvisioningInformation":{"consumerConsentObtained":true},
		"processingInformation":{"authorizationOptions":{"initiator":{"merchantInitiatedTransaction":{"previousTransactionId":"123456789619999"}}}}}`)
	if a.status != http.StatusCreated {
		t.Fatalf("POST: %d %s", a.status, a.body)
	}
	got := a.json(t)
	id, _ := got["id"].(string)
	self := ts.URL + identifierPath(id)
	want := map[string]any{
		"_links": map[string]any{"self": map[string]any{"href": self}, "paymentInstruments": map[string]any{"href": self + "/paymentinstruments"}},
		"id":     id, "object": "instrumentIdentifier", "state": "ACTIVE", "type": "enrollable card", "source": "CONTACTLESS_TAP",
		// Expiration, security code and billTo went to the issuer only (tms-subresources.md §5, §7).
		"card":                         map[string]any{"number": testPANMasked},
		"tokenProvisioningInformation": map[string]any{"consumerConsentObtained": true},
		"processingInformation":        mustJSON(t, `{"authorizationOptions":{"initiator":{"merchantInitiatedTransaction":{"previousTransactionId":"123456789619999"}}}}`),
		"metadata":                     map[string]any{"creator": DemoMerchantID},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("answer\n%v\nwant\n%v", got, want)
	}
	if g := ts.do(t, http.MethodGet, identifierPath(id), ""); string(g.body) != string(a.body) || g.header.Get("ETag") != a.header.Get("ETag") {
		t.Errorf("GET after POST: %s", g.body)
	}
	// Objects shows the stored answer with relative links: it has no request host.
	if objects := ts.Sim.Objects(KindInstrumentIdentifier, DemoMerchantID); len(objects) != 1 ||
		!strings.Contains(string(objects[0]), `"href":"`+identifierPath(id)+`"`) {
		t.Errorf("Objects %s", objects)
	}
}

func TestIdentifierValidation(t *testing.T) {
	ts := startServer(t, Options{})
	long := func(n int) string { return strings.Repeat("x", n) }
	card := func(number string) string { return `{"card":{"number":"` + number + `"}}` }
	ts.postCases(t, KindInstrumentIdentifier, identifiersPath, []bodyCase{
		{"12 digits", card("411111111111"), 201, "", nil},
		{"19 digits", card("4111111111111111112"), 201, "", nil},
		{"write-only fields at their limits", `{"card":{"number":"4000000000000002","securityCode":"1234"},"billTo":{"address1":"` + long(60) +
			`","locality":"` + long(50) + `","administrativeArea":"` + long(20) + `","postalCode":"` + long(10) + `","country":"US","email":"` + long(255) + `"}}`, 201, "", nil},
		{"read-only members are ignored", `{"card":{"number":"4000000000000010"},"id":"X","object":"x","state":"CLOSED","issuer":{},"tokenizedCard":{},"_links":{}}`, 201, "", nil},
		{"no card", `{}`, 400, "missingFields", []string{"card.number"}},
		{"no card number", `{"card":{"expirationMonth":"12"}}`, 400, "missingFields", []string{"card.number"}},
		{"11 digits", card("41111111111"), 400, "invalidFields", []string{"card.number"}},
		{"20 digits", card("41111111111111111111"), 400, "invalidFields", []string{"card.number"}},
		{"spaces", card("4111 1111 1111 1111"), 400, "invalidFields", []string{"card.number"}},
		{"letters", card("4111x11111111111"), 400, "invalidFields", []string{"card.number"}},
		{"a number", `{"card":{"number":4111111111111111}}`, 400, "invalidFields", []string{"card.number"}},
		{"security code too long", `{"card":{"number":"` + testPAN + `","securityCode":"12345"}}`, 400, "invalidFields", []string{"card.securityCode"}},
		{"billTo country too long", `{"card":{"number":"` + testPAN + `"},"billTo":{"country":"USA"}}`, 400, "invalidFields", []string{"billTo.country"}},
		{"billTo name (not in §5)", `{"card":{"number":"` + testPAN + `"},"billTo":{"firstName":"J"}}`, 400, "invalidFields", []string{"billTo.firstName"}},
		{"previousTransactionId too long", `{"card":{"number":"` + testPAN + `"},"processingInformation":{"authorizationOptions":{"initiator":{"merchantInitiatedTransaction":{"previousTransactionId":"` + long(16) + `"}}}}}`,
			400, "invalidFields", []string{"processingInformation.authorizationOptions.initiator.merchantInitiatedTransaction.previousTransactionId"}},
		{"bank account (not simulated)", `{"bankAccount":{"number":"4100","routingNumber":"071923284"}}`, 400, "invalidFields", []string{"bankAccount"}},
		{"unknown type", `{"type":"card","card":{"number":"` + testPAN + `"}}`, 400, "invalidFields", []string{"type"}},
		{"malformed JSON", `{"card":{`, 400, "invalidRequest", nil},
	})
}

// TestIdentifierPatch: PATCH changes only the merchant-initiated-transaction values
// (tms-subresources.md §5.2); anything set on creation is refused, by its own name.
func TestIdentifierPatch(t *testing.T) {
	ts := startServer(t, Options{})
	iid := ts.identifier(t, testPAN)
	path := identifierPath(iid)
	const mit = `{"processingInformation":{"authorizationOptions":{"initiator":{"merchantInitiatedTransaction":{"previousTransactionId":"123456789619999","originalAuthorizedAmount":"100.00"}}}}}`
	etag := ts.etagOf(t, path)
	p := ts.do(t, http.MethodPatch, path, mit, withHeader("if-match", etag))
	if p.status != http.StatusOK || p.header.Get("ETag") == etag || dig(p.json(t), "card", "number") != testPANMasked {
		t.Fatalf("PATCH of the MIT values: %d %s", p.status, p.body)
	}
	if self, _ := dig(p.json(t), "_links", "self", "href").(string); !strings.HasPrefix(self, ts.URL) {
		t.Errorf("PATCH answer links are not absolute: %s", p.body)
	}
	refusals := []struct{ patch, detail string }{
		{`{"card":{"number":"` + otherPAN + `"}}`, "card.number"},
		{`{"card":{"number":"` + testPANMasked + `"}}`, "card.number"},
		{`{"card":{"expirationMonth":"12"}}`, "card.expirationMonth"},
		{`{"card":null}`, "card"},
		{`{"type":"enrollable card"}`, "type"},
		{`{"billTo":{"country":"US"}}`, "billTo.country"},
		{`{"tokenProvisioningInformation":{"consumerConsentObtained":true}}`, "tokenProvisioningInformation.consumerConsentObtained"},
	}
	for _, tt := range refusals {
		a := ts.do(t, http.MethodPatch, path, tt.patch)
		a.expectError(t, http.StatusBadRequest, errInvalidFields)
		if got := a.detailNames(t); !slices.Equal(got, []string{tt.detail}) {
			t.Errorf("PATCH %s: details %v, want %s", tt.patch, got, tt.detail)
		}
	}
	if g := ts.do(t, http.MethodGet, path, ""); string(g.body) != string(p.body) {
		t.Errorf("refused PATCHes changed the identifier: %s", g.body)
	}
	// null removes the MIT values again.
	cleared := ts.do(t, http.MethodPatch, path, `{"processingInformation":null}`)
	if cleared.status != http.StatusOK || cleared.json(t)["processingInformation"] != nil {
		t.Errorf("PATCH null: %d %s", cleared.status, cleared.body)
	}
}

// TestIdentifierDeletion: an identifier a payment instrument references cannot be deleted
// (tms-subresources.md §6.4); deleting the last instrument that references one deletes it too
// (§6.3).
func TestIdentifierDeletion(t *testing.T) {
	ts := startServer(t, Options{})
	customerA, _ := ts.create(t, `{}`)
	customerB, _ := ts.create(t, `{}`)
	shared, single := ts.identifier(t, testPAN), ts.identifier(t, otherPAN)
	piA, _ := ts.post(t, instrumentsPath(customerA), instrumentBody(shared))
	piB, _ := ts.post(t, instrumentsPath(customerB), instrumentBody(shared))
	piSingle, _ := ts.post(t, instrumentsPath(customerA), instrumentBody(single))

	refused := ts.do(t, http.MethodDelete, identifierPath(shared), "")
	refused.expectError(t, http.StatusConflict, "instrumentIdentifierDeletionError")
	if len(refused.detailNames(t)) != 0 {
		t.Errorf("409 with details: %s", refused.body)
	}
	// The identifier's list shows both customers' instruments, in creation order.
	list := ts.do(t, http.MethodGet, identifierPath(shared)+"/paymentinstruments", "")
	ids := list.embeddedIDs(t, "paymentInstruments")
	if !slices.Equal(ids, []string{piA, piB}) || list.header.Get("X-Total-Count") != "2" {
		t.Errorf("identifier's instruments %v (X-Total-Count %s), want %v", ids, list.header.Get("X-Total-Count"), []string{piA, piB})
	}

	// Deleting an instrument whose identifier another instrument uses keeps the identifier.
	if d := ts.do(t, http.MethodDelete, instrumentsPath(customerB)+"/"+piB, ""); d.status != http.StatusNoContent {
		t.Fatalf("DELETE instrument B: %d %s", d.status, d.body)
	}
	if g := ts.do(t, http.MethodGet, identifierPath(shared), ""); g.status != http.StatusOK {
		t.Errorf("the shared identifier after deleting one of its instruments: %d", g.status)
	}
	// Deleting the non-default instrument of customer A takes its identifier along.
	if d := ts.do(t, http.MethodDelete, instrumentsPath(customerA)+"/"+piSingle, ""); d.status != http.StatusNoContent {
		t.Fatalf("DELETE the single instrument: %d %s", d.status, d.body)
	}
	ts.do(t, http.MethodGet, identifierPath(single), "").expectError(t, http.StatusGone, errNotAvailable)
	ts.do(t, http.MethodGet, identifierPath(single)+"/paymentinstruments", "").expectError(t, http.StatusGone, errNotAvailable)
	// Deleting the customer deletes its last instrument, and with it the shared identifier.
	if d := ts.do(t, http.MethodDelete, customersPath+"/"+customerA, ""); d.status != http.StatusNoContent {
		t.Fatalf("DELETE customer A: %d %s", d.status, d.body)
	}
	ts.do(t, http.MethodGet, instrumentsPath(customerA)+"/"+piA, "").expectError(t, http.StatusGone, errNotAvailable)
	ts.do(t, http.MethodGet, identifierPath(shared), "").expectError(t, http.StatusGone, errNotAvailable)
	for _, kind := range []Kind{KindPaymentInstrument, KindInstrumentIdentifier} {
		if ids := ts.Sim.IDs(kind, DemoMerchantID); len(ids) != 0 {
			t.Errorf("%s left: %v", kind, ids)
		}
	}
}
