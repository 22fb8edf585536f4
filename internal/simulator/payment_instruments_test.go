package simulator

import (
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestCreatePaymentInstrumentAnswer(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	// The tms-subresources.md §4 example body.
	body := `{"default": true,
	 "card": {"expirationMonth":"12","expirationYear":"2031","type":"001"},
	 "billTo": {"firstName":"John","lastName":"Doe","address1":"1 Market St","locality":"San Francisco",
	            "administrativeArea":"CA","postalCode":"94105","country":"US","email":"john@example.com","phoneNumber":"4158880000"},
	 "instrumentIdentifier": {"id":"` + iid + `"}}`
	a, id := ts.created(t, instrumentsPath(cid), body)
	got := a.json(t)
	self := instrumentsPath(cid) + "/" + id
	if loc := a.header.Get("Location"); loc != self || a.header.Get("ETag") == "" {
		t.Errorf("Location %q (want %q), ETag %q", loc, self, a.header.Get("ETag"))
	}
	wantLinks := map[string]any{"self": map[string]any{"href": self}, "customer": map[string]any{"href": customersPath + "/" + cid}}
	if !reflect.DeepEqual(got["_links"], wantLinks) {
		t.Errorf("_links %v, want %v", got["_links"], wantLinks)
	}
	if got["object"] != "paymentInstrument" || got["state"] != "ACTIVE" || got["default"] != true || dig(got, "metadata", "creator") != DemoMerchantID {
		t.Errorf("server-owned members: %v", got)
	}
	sent := mustJSON(t, body)
	for _, member := range []string{"card", "billTo", "instrumentIdentifier"} {
		if !reflect.DeepEqual(got[member], sent[member]) {
			t.Errorf("%s %v, want %v as sent", member, got[member], sent[member])
		}
	}
	if dig(got, "card", "number") != nil {
		t.Error("a payment instrument's own card has a number (§7: never)")
	}
	ii, _ := dig(got, "_embedded", "instrumentIdentifier").(map[string]any)
	if ii["id"] != iid || dig(ii, "card", "number") != testPANMasked || ii["object"] != "instrumentIdentifier" ||
		dig(ii, "_links", "self", "href") != identifierPath(iid) ||
		dig(ii, "_links", "paymentInstruments", "href") != identifierPath(iid)+"/paymentinstruments" {
		t.Errorf("_embedded.instrumentIdentifier %v: want the full identifier with relative links and a masked number", ii)
	}
	if g := ts.do(t, http.MethodGet, self, ""); g.status != http.StatusOK || string(g.body) != string(a.body) || g.header.Get("ETag") != a.header.Get("ETag") {
		t.Errorf("GET after POST: %d %s", g.status, g.body)
	}
}

func TestPaymentInstrumentValidation(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	othersID := ts.identifierOf(t, otherCred, otherPAN)
	goneID := ts.identifier(t, otherPAN)
	ts.do(t, http.MethodDelete, identifierPath(goneID), "")
	pi := func(members ...string) string { return instrumentBody(iid, members...) }
	withCard := func(card string) string {
		return `{"card":` + card + `,"instrumentIdentifier":{"id":"` + iid + `"}}`
	}
	long := func(n int) string { return strings.Repeat("x", n) }
	ts.postCases(t, KindPaymentInstrument, instrumentsPath(cid), []bodyCase{
		{"numeric card type", withCard(`{"type":"001"}`), 201, "", nil},
		{"card type name", withCard(`{"type":"visa"}`), 201, "", nil},
		{"card type name in capitals", withCard(`{"type":"VISA"}`), 201, "", nil},
		{"months 01 and 12", withCard(`{"expirationMonth":"01","startMonth":"12"}`), 201, "", nil},
		{"limits exactly reached", pi(`"billTo":{"firstName":"`+long(60)+`","locality":"`+long(50)+`","administrativeArea":"`+long(20)+
			`","postalCode":"`+long(10)+`","country":"US","email":"`+long(255)+`","phoneNumber":"`+long(15)+`"}`,
			`"merchantInformation":{"merchantDescriptor":{"alternateName":"`+long(13)+`"}}`,
			`"buyerInformation":{"companyTaxID":"`+long(9)+`","currency":"USD","dateOfBirth":"1990-02-28",`+
				`"personalIdentification":[{"id":"`+long(26)+`","type":"driver license","issuedBy":{"administrativeArea":"CA"}}]}`,
			`"processingInformation":{"billPaymentProgramEnabled":true,"bankTransferOptions":{"SECCode":"WEB"}}`,
			`"bankAccount":{"type":"savings"}`), 201, "", nil},
		{"read-only members are ignored", pi(`"id":"X"`, `"object":"x"`, `"state":"CLOSED"`, `"_links":{}`, `"_embedded":{}`, `"metadata":{}`), 201, "", nil},
		{"no instrument identifier", `{"card":{"type":"001"}}`, 400, "missingFields", []string{"instrumentIdentifier.id"}},
		{"null instrument identifier", `{"instrumentIdentifier":null}`, 400, "missingFields", []string{"instrumentIdentifier.id"}},
		{"unknown instrument identifier", instrumentBody("7010000000000000000"), 400, "invalidFields", []string{"instrumentIdentifier.id"}},
		{"another merchant's identifier", instrumentBody(othersID), 400, "invalidFields", []string{"instrumentIdentifier.id"}},
		{"a deleted identifier", instrumentBody(goneID), 400, "invalidFields", []string{"instrumentIdentifier.id"}},
		{"identifier id too short", instrumentBody("70100000000"), 400, "invalidFields", []string{"instrumentIdentifier.id"}},
		{"month 13", withCard(`{"expirationMonth":"13"}`), 400, "invalidFields", []string{"card.expirationMonth"}},
		{"month without its zero", withCard(`{"expirationMonth":"1"}`), 400, "invalidFields", []string{"card.expirationMonth"}},
		{"month as a number", withCard(`{"expirationMonth":12}`), 400, "invalidFields", []string{"card.expirationMonth"}},
		{"two-digit year", withCard(`{"expirationYear":"31"}`), 400, "invalidFields", []string{"card.expirationYear"}},
		{"unknown card type", withCard(`{"type":"bogus"}`), 400, "invalidFields", []string{"card.type"}},
		{"one-digit card type", withCard(`{"type":"1"}`), 400, "invalidFields", []string{"card.type"}},
		{"card number on an instrument", withCard(`{"number":"` + testPAN + `"}`), 400, "invalidFields", []string{"card.number"}},
		{"billTo too long", pi(`"billTo":{"firstName":"` + long(61) + `","country":"USA"}`), 400, "invalidFields", []string{"billTo.country", "billTo.firstName"}},
		{"bad date of birth", pi(`"buyerInformation":{"dateOfBirth":"1990-02-30"}`), 400, "invalidFields", []string{"buyerInformation.dateOfBirth"}},
		{"identification too long", pi(`"buyerInformation":{"personalIdentification":[{"id":"` + long(27) + `"}]}`), 400, "invalidFields", []string{"buyerInformation.personalIdentification[0].id"}},
		{"unknown SEC code", pi(`"processingInformation":{"bankTransferOptions":{"SECCode":"XYZ"}}`), 400, "invalidFields", []string{"processingInformation.bankTransferOptions.SECCode"}},
		{"default as a number", pi(`"default":1`), 400, "invalidFields", []string{"default"}},
		{"unknown member", pi(`"shipTo":{}`), 400, "invalidFields", []string{"shipTo"}},
		{"malformed JSON", `{"card":`, 400, "invalidRequest", nil},
	})
}

// TestPaymentInstrumentRetarget: PATCH may name another identifier (tms-subresources.md §4); the
// embedded copy and both identifiers' lists follow, and the old identifier stays (only DELETE
// cascades).
func TestPaymentInstrumentRetarget(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	oldID, newID := ts.identifier(t, testPAN), ts.identifier(t, otherPAN)
	pid, etag := ts.post(t, instrumentsPath(cid), instrumentBody(oldID))
	path := instrumentsPath(cid) + "/" + pid
	p := ts.do(t, http.MethodPatch, path, `{"instrumentIdentifier":{"id":"`+newID+`"}}`, withHeader("if-match", etag))
	if p.status != http.StatusOK || p.header.Get("ETag") == etag {
		t.Fatalf("PATCH: %d ETag %q (was %q) %s", p.status, p.header.Get("ETag"), etag, p.body)
	}
	if got := dig(p.json(t), "_embedded", "instrumentIdentifier", "card", "number"); got != "555555XXXXXX4444" {
		t.Errorf("embedded number %v after retargeting", got)
	}
	if n := ts.do(t, http.MethodGet, identifierPath(oldID)+"/paymentinstruments", "").json(t)["total"]; n != 0.0 {
		t.Errorf("old identifier still lists %v instruments", n)
	}
	if n := ts.do(t, http.MethodGet, identifierPath(newID)+"/paymentinstruments", "").json(t)["total"]; n != 1.0 {
		t.Errorf("new identifier lists %v instruments", n)
	}
	if g := ts.do(t, http.MethodGet, identifierPath(oldID), ""); g.status != http.StatusOK {
		t.Errorf("the old identifier after retargeting: %d", g.status)
	}
	for _, tt := range []struct{ patch, errorType, detail string }{
		{`{"instrumentIdentifier":null}`, "missingFields", "instrumentIdentifier.id"},
		{`{"instrumentIdentifier":{"id":null}}`, "missingFields", "instrumentIdentifier.id"},
		{`{"instrumentIdentifier":{"id":"7099999999999999999"}}`, "invalidFields", "instrumentIdentifier.id"},
	} {
		a := ts.do(t, http.MethodPatch, path, tt.patch)
		a.expectError(t, http.StatusBadRequest, tt.errorType)
		if got := a.detailNames(t); !slices.Equal(got, []string{tt.detail}) {
			t.Errorf("PATCH %s: details %v", tt.patch, got)
		}
	}
	if got := dig(ts.do(t, http.MethodGet, path, "").json(t), "instrumentIdentifier", "id"); got != newID {
		t.Errorf("refused PATCHes changed the identifier to %v", got)
	}
}

// TestIdentifierChangesReachEmbeddedCopies: a PATCH of an identifier changes the answers of the
// instruments that embed it and of their customers, so all of them get new ETags
// (tms-subresources.md §6.7, §11.4).
func TestIdentifierChangesReachEmbeddedCopies(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	pid, _ := ts.post(t, instrumentsPath(cid), instrumentBody(iid))
	paths := map[string]string{"customer": customersPath + "/" + cid, "instrument": instrumentsPath(cid) + "/" + pid, "identifier": identifierPath(iid)}
	before := map[string]string{}
	for name, path := range paths {
		before[name] = ts.etagOf(t, path)
	}
	const mit = `{"processingInformation":{"authorizationOptions":{"initiator":{"merchantInitiatedTransaction":{"previousTransactionId":"123456789619999"}}}}}`
	if a := ts.do(t, http.MethodPatch, identifierPath(iid), mit); a.status != http.StatusOK {
		t.Fatalf("PATCH identifier: %d %s", a.status, a.body)
	}
	for name, path := range paths {
		if ts.etagOf(t, path) == before[name] {
			t.Errorf("%s kept its ETag although its answer shows the identifier", name)
		}
	}
	got := dig(ts.get(t, cid).json(t), "_embedded", "defaultPaymentInstrument", "_embedded", "instrumentIdentifier",
		"processingInformation", "authorizationOptions", "initiator", "merchantInitiatedTransaction", "previousTransactionId")
	if got != "123456789619999" {
		t.Errorf("customer's embedded identifier shows %v", got)
	}
}

// identifierOf creates an identifier as another merchant.
func (ts *testServer) identifierOf(t *testing.T, cred credential, pan string) string {
	t.Helper()
	a := ts.request(t, http.MethodPost, identifiersPath, []byte(`{"card":{"number":"`+pan+`"}}`), signSpec{cred: cred})
	id, _ := a.json(t)["id"].(string)
	return id
}
