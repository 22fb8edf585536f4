package simulator

import (
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var tokenIDPattern = regexp.MustCompile(`^[0-9A-F]{32}$`)

func TestCreateCustomerAnswer(t *testing.T) {
	ts := startServer(t, Options{})
	// The tms-api.md §3 example create body.
	body := `{"buyerInformation":{"merchantCustomerID":"cust-000123","email":"jane@example.com"},
	 "clientReferenceInformation":{"code":"TC50171_3"},
	 "merchantDefinedInformation":[{"name":"data1","value":"loyalty-gold"}]}`
	a := ts.request(t, http.MethodPost, customersPath, []byte(body), signSpec{})
	if a.status != http.StatusCreated {
		t.Fatalf("status %d: %s", a.status, a.body)
	}
	got := a.json(t)
	id, _ := got["id"].(string)
	if !tokenIDPattern.MatchString(id) {
		t.Errorf("id %q is not 32 upper-case hex characters", id)
	}
	self := customersPath + "/" + id
	if loc := a.header.Get("Location"); loc != self {
		t.Errorf("Location %q, want %q", loc, self)
	}
	if a.header.Get("ETag") == "" {
		t.Error("no ETag on 201")
	}
	if ct := a.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	wantLinks := map[string]any{
		"self":               map[string]any{"href": self},
		"paymentInstruments": map[string]any{"href": self + "/payment-instruments"},
		"shippingAddresses":  map[string]any{"href": self + "/shipping-addresses"},
	}
	if !reflect.DeepEqual(got["_links"], wantLinks) {
		t.Errorf("_links %v, want %v", got["_links"], wantLinks)
	}
	if !reflect.DeepEqual(got["metadata"], map[string]any{"creator": DemoMerchantID}) {
		t.Errorf("metadata %v", got["metadata"])
	}
	if _, ok := got["_embedded"]; ok {
		t.Error("_embedded on a customer without defaults")
	}
	if want := mustJSON(t, body); !reflect.DeepEqual(stripReadOnly(got), want) {
		t.Errorf("fields %v, want %v", got, want)
	}

	g := ts.get(t, id)
	if g.status != http.StatusOK || g.header.Get("ETag") != a.header.Get("ETag") || string(g.body) != string(a.body) {
		t.Errorf("GET after POST: %d etag %q (POST %q) body %s", g.status, g.header.Get("ETag"), a.header.Get("ETag"), g.body)
	}
}

func TestCreateCustomerValidation(t *testing.T) {
	ts := startServer(t, Options{})
	long := func(n int) string { return strings.Repeat("é", n) } // characters, not bytes
	tests := []struct {
		name      string
		body      string
		status    int
		errorType string
		details   []string
	}{
		{"empty body creates an empty customer", ``, 201, "", nil},
		{"empty object", `{}`, 201, "", nil},
		{"limits exactly reached", `{"objectInformation":{"title":"` + long(60) + `","comment":"` + long(150) + `"},
			"buyerInformation":{"merchantCustomerID":"` + long(100) + `","email":"` + long(255) + `"},
			"clientReferenceInformation":{"code":"` + long(50) + `"},
			"merchantDefinedInformation":[{"name":"sensitive4","value":"` + long(100) + `"}]}`, 201, "", nil},
		{"read-only members are ignored", `{"id":"X","metadata":{"creator":"x"},"_links":{},"_embedded":{}}`, 201, "", nil},
		{"null members mean absent", `{"buyerInformation":null,"objectInformation":{"title":null}}`, 201, "", nil},
		{"title too long", `{"objectInformation":{"title":"` + long(61) + `"}}`, 400, "invalidFields", []string{"objectInformation.title"}},
		{"comment too long", `{"objectInformation":{"comment":"` + long(151) + `"}}`, 400, "invalidFields", []string{"objectInformation.comment"}},
		{"merchantCustomerID too long", `{"buyerInformation":{"merchantCustomerID":"` + long(101) + `"}}`, 400, "invalidFields", []string{"buyerInformation.merchantCustomerID"}},
		{"email too long", `{"buyerInformation":{"email":"` + long(256) + `"}}`, 400, "invalidFields", []string{"buyerInformation.email"}},
		{"code too long", `{"clientReferenceInformation":{"code":"` + long(51) + `"}}`, 400, "invalidFields", []string{"clientReferenceInformation.code"}},
		{"several at once, sorted", `{"clientReferenceInformation":{"code":"` + long(51) + `"},"buyerInformation":{"email":"` + long(256) + `"}}`,
			400, "invalidFields", []string{"buyerInformation.email", "clientReferenceInformation.code"}},
		{"lower-case merchantCustomerId", `{"buyerInformation":{"merchantCustomerId":"x"}}`, 400, "invalidFields", []string{"buyerInformation.merchantCustomerId"}},
		{"unknown group", `{"shipTo":{"firstName":"x"}}`, 400, "invalidFields", []string{"shipTo"}},
		{"group not an object", `{"buyerInformation":"x"}`, 400, "invalidFields", []string{"buyerInformation"}},
		{"number for a string", `{"clientReferenceInformation":{"code":5}}`, 400, "invalidFields", []string{"clientReferenceInformation.code"}},
		{"merchant-defined value too long", `{"merchantDefinedInformation":[{"name":"data1","value":"` + long(101) + `"}]}`, 400, "invalidFields", []string{"merchantDefinedInformation[0].value"}},
		{"merchant-defined unknown name", `{"merchantDefinedInformation":[{"name":"data1","value":"a"},{"name":"data5","value":"b"}]}`, 400, "invalidFields", []string{"merchantDefinedInformation[1].name"}},
		{"merchant-defined repeated name", `{"merchantDefinedInformation":[{"name":"data1","value":"a"},{"name":"data1","value":"b"}]}`, 400, "invalidFields", []string{"merchantDefinedInformation[1].name"}},
		{"merchant-defined unknown key", `{"merchantDefinedInformation":[{"name":"data1","value":"a","x":1}]}`, 400, "invalidFields", []string{"merchantDefinedInformation[0].x"}},
		{"merchant-defined not a list", `{"merchantDefinedInformation":{"name":"data1"}}`, 400, "invalidFields", []string{"merchantDefinedInformation"}},
		{"default instrument that does not exist", `{"defaultPaymentInstrument":{"id":"ABC"}}`, 400, "invalidFields", []string{"defaultPaymentInstrument.id"}},
		{"default address that does not exist", `{"defaultShippingAddress":{"id":"ABC"}}`, 400, "invalidFields", []string{"defaultShippingAddress.id"}},
		{"malformed JSON", `{"buyerInformation":`, 400, "invalidRequest", nil},
		{"JSON array", `[]`, 400, "invalidRequest", nil},
		{"JSON null", `null`, 400, "invalidRequest", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(ts.Sim.CustomerIDs(DemoMerchantID))
			a := ts.request(t, http.MethodPost, customersPath, []byte(tt.body), signSpec{})
			if a.status != tt.status {
				t.Fatalf("status %d, want %d: %s", a.status, tt.status, a.body)
			}
			after := len(ts.Sim.CustomerIDs(DemoMerchantID))
			if tt.status != 201 {
				if got := a.errorType(t); got != tt.errorType {
					t.Errorf("type %q, want %q", got, tt.errorType)
				}
				if got := a.detailNames(t); !slices.Equal(got, tt.details) {
					t.Errorf("details %v, want %v", got, tt.details)
				}
				if after != before {
					t.Error("a refused POST stored a customer")
				}
				return
			}
			got := stripReadOnly(a.json(t))
			if tt.name == "read-only members are ignored" || strings.HasPrefix(tt.name, "empty") || strings.HasPrefix(tt.name, "null") {
				if len(got) != 0 {
					t.Errorf("want an empty customer, got %v", got)
				}
			}
			if after != before+1 {
				t.Errorf("customers %d -> %d", before, after)
			}
		})
	}
}

func TestMergePatchOverHTTP(t *testing.T) {
	const base = `{"objectInformation":{"title":"T","comment":"C"},
		"buyerInformation":{"merchantCustomerID":"m1","email":"a@example.com"},
		"clientReferenceInformation":{"code":"c1"},
		"merchantDefinedInformation":[{"name":"data1","value":"v1"},{"name":"data2","value":"v2"}]}`
	tests := []struct {
		name, patch, want string
		sameETag          bool
	}{
		{"change a leaf", `{"buyerInformation":{"email":"b@example.com"}}`,
			`{"objectInformation":{"title":"T","comment":"C"},"buyerInformation":{"merchantCustomerID":"m1","email":"b@example.com"},"clientReferenceInformation":{"code":"c1"},"merchantDefinedInformation":[{"name":"data1","value":"v1"},{"name":"data2","value":"v2"}]}`, false},
		{"null removes a field", `{"objectInformation":{"comment":null}}`,
			`{"objectInformation":{"title":"T"},"buyerInformation":{"merchantCustomerID":"m1","email":"a@example.com"},"clientReferenceInformation":{"code":"c1"},"merchantDefinedInformation":[{"name":"data1","value":"v1"},{"name":"data2","value":"v2"}]}`, false},
		{"null on a group removes the group", `{"buyerInformation":null}`,
			`{"objectInformation":{"title":"T","comment":"C"},"clientReferenceInformation":{"code":"c1"},"merchantDefinedInformation":[{"name":"data1","value":"v1"},{"name":"data2","value":"v2"}]}`, false},
		{"removing the last field removes the group", `{"clientReferenceInformation":{"code":null}}`,
			`{"objectInformation":{"title":"T","comment":"C"},"buyerInformation":{"merchantCustomerID":"m1","email":"a@example.com"},"merchantDefinedInformation":[{"name":"data1","value":"v1"},{"name":"data2","value":"v2"}]}`, false},
		{"arrays are replaced whole", `{"merchantDefinedInformation":[{"name":"data3","value":"v3"}]}`,
			`{"objectInformation":{"title":"T","comment":"C"},"buyerInformation":{"merchantCustomerID":"m1","email":"a@example.com"},"clientReferenceInformation":{"code":"c1"},"merchantDefinedInformation":[{"name":"data3","value":"v3"}]}`, false},
		{"null removes the list", `{"merchantDefinedInformation":null}`,
			`{"objectInformation":{"title":"T","comment":"C"},"buyerInformation":{"merchantCustomerID":"m1","email":"a@example.com"},"clientReferenceInformation":{"code":"c1"}}`, false},
		{"empty list removes the list", `{"merchantDefinedInformation":[]}`,
			`{"objectInformation":{"title":"T","comment":"C"},"buyerInformation":{"merchantCustomerID":"m1","email":"a@example.com"},"clientReferenceInformation":{"code":"c1"}}`, false},
		{"add a group", `{"objectInformation":null,"buyerInformation":{"email":null},"clientReferenceInformation":{"code":"c2"}}`,
			`{"buyerInformation":{"merchantCustomerID":"m1"},"clientReferenceInformation":{"code":"c2"},"merchantDefinedInformation":[{"name":"data1","value":"v1"},{"name":"data2","value":"v2"}]}`, false},
		{"empty patch changes nothing", `{}`, base, true},
		{"same values change nothing", `{"clientReferenceInformation":{"code":"c1"}}`, base, true},
		{"read-only members are ignored", `{"id":"X","metadata":{"creator":"evil"}}`, base, true},
	}
	ts := startServer(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, etag := ts.create(t, base)
			a := ts.patch(t, id, tt.patch)
			if a.status != http.StatusOK {
				t.Fatalf("status %d: %s", a.status, a.body)
			}
			got := a.json(t)
			if got["id"] != id || !reflect.DeepEqual(got["metadata"], map[string]any{"creator": DemoMerchantID}) {
				t.Errorf("server-owned fields changed: %v", got)
			}
			if want := mustJSON(t, tt.want); !reflect.DeepEqual(stripReadOnly(got), want) {
				t.Errorf("got %v\nwant %v", got, want)
			}
			newETag := a.header.Get("ETag")
			if (newETag == etag) != tt.sameETag {
				t.Errorf("ETag %q -> %q, want unchanged=%v", etag, newETag, tt.sameETag)
			}
			if g := ts.get(t, id); string(g.body) != string(a.body) || g.header.Get("ETag") != newETag {
				t.Errorf("GET disagrees with PATCH answer: %s", g.body)
			}
		})
	}
}

func TestPatchRefusals(t *testing.T) {
	ts := startServer(t, Options{})
	tests := []struct {
		name, patch string
		mods        []func(*http.Request)
		status      int
		errorType   string
		message     string
		details     []string
	}{
		{name: "too long value", patch: `{"objectInformation":{"title":"` + strings.Repeat("x", 61) + `"}}`, status: 400, errorType: "invalidFields", details: []string{"objectInformation.title"}},
		{name: "unknown merchant-defined name", patch: `{"merchantDefinedInformation":[{"name":"secret","value":"x"}]}`, status: 400, errorType: "invalidFields", details: []string{"merchantDefinedInformation[0].name"}},
		{name: "null inside the list", patch: `{"merchantDefinedInformation":[null]}`, status: 400, errorType: "invalidFields", details: []string{"merchantDefinedInformation[0]"}},
		{name: "default instrument that does not exist", patch: `{"defaultPaymentInstrument":{"id":"0123456789ABCDEF0123456789ABCDEF"}}`, status: 400, errorType: "invalidFields", details: []string{"defaultPaymentInstrument.id"}},
		{name: "malformed JSON", patch: `{"a"`, status: 400, errorType: "invalidRequest"},
		{name: "stale if-match", patch: `{"objectInformation":{"title":"new"}}`, mods: []func(*http.Request){withHeader("if-match", "STALE")}, status: 412, errorType: "conflict", message: "the if-match header value does not match the token etag"},
		{name: "if-match empty", patch: `{}`, mods: []func(*http.Request){withHeader("if-match", "")}, status: 400, errorType: "invalidHeaders", details: []string{"if-match"}},
		{name: "if-match too long", patch: `{}`, mods: []func(*http.Request){withHeader("if-match", strings.Repeat("A", 33))}, status: 400, errorType: "invalidHeaders", details: []string{"if-match"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, etag := ts.create(t, `{"objectInformation":{"title":"old"}}`)
			before := ts.get(t, id)
			a := ts.patch(t, id, tt.patch, tt.mods...)
			if a.status != tt.status {
				t.Fatalf("status %d, want %d: %s", a.status, tt.status, a.body)
			}
			if got := a.errorType(t); got != tt.errorType {
				t.Errorf("type %q, want %q", got, tt.errorType)
			}
			if tt.message != "" && a.errorMessage(t) != tt.message {
				t.Errorf("message %q, want %q", a.errorMessage(t), tt.message)
			}
			if got := a.detailNames(t); !slices.Equal(got, tt.details) {
				t.Errorf("details %v, want %v", got, tt.details)
			}
			if a.header.Get("ETag") != "" {
				t.Error("an error answer carries an ETag")
			}
			after := ts.get(t, id)
			if string(after.body) != string(before.body) || after.header.Get("ETag") != etag {
				t.Errorf("a refused PATCH changed the customer: %s", after.body)
			}
		})
	}
}

func TestPatchIfMatchCurrentETag(t *testing.T) {
	ts := startServer(t, Options{})
	id, etag := ts.create(t, `{}`)
	first := ts.patch(t, id, `{"objectInformation":{"title":"one"}}`, withHeader("if-match", etag))
	if first.status != http.StatusOK {
		t.Fatalf("PATCH with the current ETag: %d %s", first.status, first.body)
	}
	second := ts.patch(t, id, `{"objectInformation":{"title":"two"}}`, withHeader("if-match", etag))
	if second.status != http.StatusPreconditionFailed {
		t.Fatalf("PATCH with the ETag the first PATCH replaced: %d %s", second.status, second.body)
	}
	quoted := ts.patch(t, id, `{"objectInformation":{"title":"two"}}`, withHeader("if-match", `"`+first.header.Get("ETag")+`"`))
	if quoted.status != http.StatusOK {
		t.Fatalf("PATCH with the quoted current ETag: %d %s", quoted.status, quoted.body)
	}
}

func TestProfileID(t *testing.T) {
	ts := startServer(t, Options{})
	id, _ := ts.create(t, `{}`)
	tests := []struct {
		name, profile string
		wantOK        bool
	}{
		{"the merchant's profile", DemoProfileID, true},
		{"lower-case is another profile", strings.ToLower(DemoProfileID), false},
		{"too short", DemoProfileID[:35], false},
		{"too long", DemoProfileID + "0", false},
		{"empty", "", false},
		{"unknown 36 characters", "00000000-0000-0000-0000-000000000000", false},
	}
	for _, tt := range tests {
		for _, call := range []struct{ method, path, body string }{
			{http.MethodPost, customersPath, `{}`},
			{http.MethodGet, customersPath + "/" + id, ``},
			{http.MethodPatch, customersPath + "/" + id, `{}`},
			{http.MethodDelete, customersPath + "/" + strings.Repeat("0", 32), ``},
		} {
			t.Run(tt.name+"/"+call.method, func(t *testing.T) {
				a := ts.request(t, call.method, call.path, []byte(call.body), signSpec{}, withHeader("profile-id", tt.profile))
				if !tt.wantOK {
					if a.status != http.StatusFailedDependency || a.errorType(t) != "notFound" || a.errorMessage(t) != "Profile not found" {
						t.Errorf("got %d %s, want 424 notFound Profile not found", a.status, a.body)
					}
					return
				}
				if a.status == http.StatusFailedDependency {
					t.Errorf("valid profile refused: %s", a.body)
				}
			})
		}
	}
	if a := ts.get(t, id); a.status != http.StatusOK {
		t.Errorf("no profile-id header: %d", a.status)
	}
}

func TestMerchantScoping(t *testing.T) {
	ts := startServer(t, Options{})
	id, _ := ts.create(t, `{"objectInformation":{"title":"mine"}}`)
	other := signSpec{cred: otherCred}
	for _, call := range []struct{ method, body string }{{http.MethodGet, ``}, {http.MethodPatch, `{"objectInformation":{"title":"theirs"}}`}, {http.MethodDelete, ``}} {
		a := ts.request(t, call.method, customersPath+"/"+id, []byte(call.body), other)
		if a.status != http.StatusNotFound || a.errorType(t) != "notFound" {
			t.Errorf("%s by another merchant: %d %s, want 404 notFound", call.method, a.status, a.body)
		}
	}
	if g := ts.get(t, id); g.status != http.StatusOK || dig(g.json(t), "objectInformation", "title") != "mine" {
		t.Errorf("owner's customer changed: %d %s", g.status, g.body)
	}
	if ids := ts.Sim.CustomerIDs(OtherMerchantID); len(ids) != 0 {
		t.Errorf("other merchant sees %v", ids)
	}
	// Deleting scopes the same way: the other merchant still gets 404, not 410.
	if d := ts.request(t, http.MethodDelete, customersPath+"/"+id, nil, signSpec{}); d.status != http.StatusNoContent {
		t.Fatalf("delete: %d", d.status)
	}
	if a := ts.request(t, http.MethodGet, customersPath+"/"+id, nil, other); a.status != http.StatusNotFound {
		t.Errorf("deleted customer, other merchant: %d, want 404", a.status)
	}
}

func TestNotFoundGoneAndRoutes(t *testing.T) {
	ts := startServer(t, Options{})
	id, _ := ts.create(t, `{}`)
	unknown := strings.Repeat("A", 32)

	d := ts.request(t, http.MethodDelete, customersPath+"/"+id, nil, signSpec{})
	if d.status != http.StatusNoContent || len(d.body) != 0 {
		t.Fatalf("DELETE: %d %q, want 204 with no body", d.status, d.body)
	}
	tests := []struct {
		name, method, path, body string
		status                   int
		errorType                string
	}{
		{"GET unknown", http.MethodGet, customersPath + "/" + unknown, ``, 404, "notFound"},
		{"PATCH unknown", http.MethodPatch, customersPath + "/" + unknown, `{}`, 404, "notFound"},
		{"DELETE unknown", http.MethodDelete, customersPath + "/" + unknown, ``, 404, "notFound"},
		{"GET deleted", http.MethodGet, customersPath + "/" + id, ``, 410, "notAvailable"},
		{"PATCH deleted", http.MethodPatch, customersPath + "/" + id, `{}`, 410, "notAvailable"},
		{"DELETE deleted", http.MethodDelete, customersPath + "/" + id, ``, 410, "notAvailable"},
		{"GET deleted again", http.MethodGet, customersPath + "/" + id, ``, 410, "notAvailable"},
		{"id longer than 32", http.MethodGet, customersPath + "/" + unknown + "B", ``, 400, "invalidRequest"},
		{"unknown path", http.MethodGet, "/tms/v2/tokens", ``, 404, "notFound"},
		{"list under an unknown customer", http.MethodGet, customersPath + "/" + unknown + "/payment-instruments", ``, 404, "notFound"},
		{"no list endpoint", http.MethodGet, customersPath, ``, 405, "invalidRequest"},
		{"PUT is not supported", http.MethodPut, customersPath + "/" + unknown, `{}`, 405, "invalidRequest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ts.request(t, tt.method, tt.path, []byte(tt.body), signSpec{})
			if a.status != tt.status || a.errorType(t) != tt.errorType {
				t.Errorf("got %d %s, want %d %s", a.status, a.body, tt.status, tt.errorType)
			}
		})
	}
}
