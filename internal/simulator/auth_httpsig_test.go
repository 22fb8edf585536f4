package simulator

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testsupport"
)

func TestHTTPSignatureRejections(t *testing.T) {
	logs := &testsupport.SyncBuffer{}
	ts := startServer(t, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
	id, _ := ts.create(t, `{}`)
	item := customersPath + "/" + id
	body := []byte(`{"objectInformation":{"title":"t"}}`)
	wrongSecret := demoCred
	wrongSecret.secret = OtherSharedSecret
	unknownKey := demoCred
	unknownKey.keyID = "00000000-0000-0000-0000-000000000000"
	otherKeyForDemo := otherCred
	otherKeyForDemo.merchant = DemoMerchantID
	otherKeyForDemo.signedMerchant = DemoMerchantID

	tests := []struct {
		name, method, path string
		spec               signSpec
		mods               []func(*http.Request)
		logReason          string // a fragment the simulator's log must give as the reason
	}{
		{name: "wrong secret", method: http.MethodGet, path: item, spec: signSpec{cred: wrongSecret}, logReason: "does not verify"},
		{name: "unknown key id", method: http.MethodGet, path: item, spec: signSpec{cred: unknownKey}, logReason: "unknown key id"},
		{name: "key of another merchant", method: http.MethodGet, path: item, spec: signSpec{cred: otherKeyForDemo}, logReason: "may not act for"},
		{name: "tampered body", method: http.MethodPost, path: customersPath, spec: signSpec{signedBody: []byte(`{}`)}, logReason: "digest"},
		{name: "body changed after signing", method: http.MethodPatch, path: item, mods: []func(*http.Request){
			func(r *http.Request) { r.Header.Set("Digest", "SHA-256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=") }}, logReason: "digest"},
		{name: "missing digest on POST", method: http.MethodPost, path: customersPath,
			spec: signSpec{omitDigest: true, headers: []string{"host", "date", "request-target", "v-c-merchant-id"}}, logReason: "lack digest"},
		{name: "digest header but not signed on PATCH", method: http.MethodPatch, path: item,
			spec: signSpec{headers: []string{"host", "date", "request-target", "v-c-merchant-id"}}, logReason: "lack digest"},
		{name: "stale date", method: http.MethodGet, path: item, spec: signSpec{date: time.Now().Add(-6 * time.Minute)}, logReason: "clock skew"},
		{name: "future date", method: http.MethodGet, path: item, spec: signSpec{date: time.Now().Add(6 * time.Minute)}, logReason: "clock skew"},
		{name: "date not an HTTP-date", method: http.MethodGet, path: item, mods: []func(*http.Request){withHeader("Date", time.Now().Format(time.RFC3339))}, logReason: "not an HTTP-date"},
		{name: "wrong host", method: http.MethodGet, path: item, spec: signSpec{signedHost: "apitest.cybersource.com"}, logReason: "does not verify"},
		{name: "(request-target)", method: http.MethodGet, path: item,
			spec: signSpec{headers: []string{"host", "date", "(request-target)", "v-c-merchant-id"}}, logReason: "obsolete (request-target)"},
		{name: "signed headers lack host", method: http.MethodGet, path: item,
			spec: signSpec{headers: []string{"date", "request-target", "v-c-merchant-id"}}, logReason: "lack host"},
		{name: "signed headers lack date", method: http.MethodGet, path: item,
			spec: signSpec{headers: []string{"host", "request-target", "v-c-merchant-id"}}, logReason: "lack date"},
		{name: "signed headers lack request-target", method: http.MethodGet, path: item,
			spec: signSpec{headers: []string{"host", "date", "v-c-merchant-id"}}, logReason: "lack request-target"},
		{name: "signed headers lack v-c-merchant-id", method: http.MethodGet, path: item,
			spec: signSpec{headers: []string{"host", "date", "request-target"}}, logReason: "lack v-c-merchant-id"},
		{name: "signed for another path", method: http.MethodGet, path: item, mods: []func(*http.Request){
			func(r *http.Request) { r.URL.Path = customersPath + "/" + strings.Repeat("B", 32) }}, logReason: "does not verify"},
		{name: "no signature header", method: http.MethodGet, path: item, mods: []func(*http.Request){
			func(r *http.Request) { r.Header.Del("Signature") }}, logReason: "neither a signature header"},
		{name: "no v-c-merchant-id header", method: http.MethodGet, path: item, mods: []func(*http.Request){
			func(r *http.Request) { r.Header.Del("v-c-merchant-id") }}, logReason: "no v-c-merchant-id"},
		{name: "signature parameter missing", method: http.MethodGet, path: item, mods: []func(*http.Request){
			withHeader("Signature", `keyid="`+DemoKeyID+`", algorithm="HmacSHA256", headers="host date request-target v-c-merchant-id"`)}, logReason: "lacks signature"},
		{name: "unsupported algorithm", method: http.MethodGet, path: item, mods: []func(*http.Request){
			func(r *http.Request) {
				r.Header.Set("Signature", strings.Replace(r.Header.Get("Signature"), "HmacSHA256", "HmacSHA1", 1))
			}}, logReason: "unsupported signature algorithm"},
		{name: "signature not base64", method: http.MethodGet, path: item, mods: []func(*http.Request){
			func(r *http.Request) {
				s := r.Header.Get("Signature")
				r.Header.Set("Signature", s[:strings.LastIndex(s, `signature="`)]+`signature="%%%"`)
			}}, logReason: "not base64"},
		{name: "unparsable signature header", method: http.MethodGet, path: item, mods: []func(*http.Request){
			withHeader("Signature", `keyid="unterminated`)}, logReason: "unterminated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ts.request(t, tt.method, tt.path, body, tt.spec, tt.mods...)
			if a.status != http.StatusUnauthorized {
				t.Fatalf("status %d, want 401: %s", a.status, a.body)
			}
			// The answer never says why (tms-api.md §4); the log does.
			if string(a.body) != `{"response":{"rmsg":"Authentication Failed"}}` {
				t.Errorf("body %s", a.body)
			}
			corr := a.header.Get("v-c-correlation-id")
			line := logLine(logs.String(), corr)
			if !strings.Contains(line, tt.logReason) {
				t.Errorf("log line for %s lacks %q: %s", corr, tt.logReason, line)
			}
		})
	}
	if g := ts.get(t, id); stripReadOnly(g.json(t))["objectInformation"] != nil {
		t.Errorf("a refused request changed the customer: %s", g.body)
	}
	if n := len(ts.Sim.CustomerIDs(DemoMerchantID)); n != 1 {
		t.Errorf("refused POSTs stored customers: %d", n)
	}
}

func logLine(logs, correlationID string) string {
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, correlationID) {
			return line
		}
	}
	return ""
}

func TestHTTPSignatureAcceptsAnyHeaderOrder(t *testing.T) {
	ts := startServer(t, Options{})
	a := ts.request(t, http.MethodPost, customersPath, []byte(`{}`),
		signSpec{headers: []string{"v-c-merchant-id", "digest", "request-target", "date", "host"}})
	if a.status != http.StatusCreated {
		t.Fatalf("status %d: %s", a.status, a.body)
	}
}

func TestMetaKey(t *testing.T) {
	ts := startServer(t, Options{})
	for _, merchant := range []string{DemoMerchantID, OtherMerchantID} {
		t.Run(merchant, func(t *testing.T) {
			cred := signSpec{cred: metaCred(merchant)}
			a := ts.request(t, http.MethodPost, customersPath, []byte(`{}`), cred)
			if a.status != http.StatusCreated {
				t.Fatalf("meta key POST for %s: %d %s", merchant, a.status, a.body)
			}
			got := a.json(t)
			if creator := dig(got, "metadata", "creator"); creator != merchant {
				t.Errorf("creator %v, want the transacting merchant %s", creator, merchant)
			}
			id, _ := got["id"].(string)
			if g := ts.request(t, http.MethodGet, customersPath+"/"+id, nil, cred); g.status != http.StatusOK {
				t.Errorf("meta key GET: %d", g.status)
			}
			if !slices.Contains(ts.Sim.CustomerIDs(merchant), id) {
				t.Errorf("customer not stored under %s", merchant)
			}
		})
	}
	refusals := []struct {
		name string
		cred credential
	}{
		{"signing string carries the merchant, not the portfolio", credential{DemoMetaKeyID, DemoMetaKeySecret, DemoMerchantID, DemoMerchantID}},
		{"merchant outside the portfolio", credential{DemoMetaKeyID, DemoMetaKeySecret, "stranger", DemoPortfolioID}},
		{"portfolio id as the transacting merchant", credential{DemoMetaKeyID, DemoMetaKeySecret, DemoPortfolioID, DemoPortfolioID}},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			if a := ts.request(t, http.MethodPost, customersPath, []byte(`{}`), signSpec{cred: tt.cred}); a.status != http.StatusUnauthorized {
				t.Errorf("status %d, want 401", a.status)
			}
		})
	}
}

// TestSection5aTestVector replays tms-api.md §5a's test vector with the document's literal header
// values, nothing computed here: the simulator must accept what the document says a correct client
// sends.
func TestSection5aTestVector(t *testing.T) {
	const (
		vectorKeyID  = "vector-key"
		vectorSecret = "ZXhhbXBsZS1zaGFyZWQtc2VjcmV0LTMyLWJ5dGVzISE="
		merchant     = "testmerchant"
		host         = "apitest.cybersource.com"
		date         = "Thu, 18 Jul 2019 00:18:03 GMT"
		body         = `{"buyerInformation":{"merchantCustomerID":"Your customer identifier","email":"test@cybs.com"},"clientReferenceInformation":{"code":"TC50171_3"},"merchantDefinedInformation":[{"name":"data1","value":"Your customer data"}]}`
		digest       = "SHA-256=WDkVBd3vjjdVlP9CJkJEnYNIGhOYQWj7P2n10A6M3sA="
		postSig      = "qEr2TTnHVfNe24WU4bCZbLokrAwjuVJ6gyeoGLBQmeM="
		getSig       = "lsTQsCyCM/3uZgU7uNS0TiczS3AhZxvJrQPhGLnRZ+k="
	)
	sim := New(Options{
		Merchants: []Merchant{{ID: merchant, KeyID: vectorKeyID, SharedSecret: vectorSecret}},
		MetaKeys:  []MetaKey{},
		ClockSkew: -1, // the vector's date is from 2019
	})
	sigHeader := func(headers, signature string) string {
		return `keyid="` + vectorKeyID + `", algorithm="HmacSHA256", headers="` + headers + `", signature="` + signature + `"`
	}

	post := httptest.NewRequest(http.MethodPost, "https://"+host+"/tms/v2/customers", strings.NewReader(body))
	post.Header.Set("v-c-merchant-id", merchant)
	post.Header.Set("Date", date)
	post.Header.Set("Digest", digest)
	post.Header.Set("Signature", sigHeader("host date request-target digest v-c-merchant-id", postSig))
	rec := httptest.NewRecorder()
	sim.ServeHTTP(rec, post)
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST from the vector: %d %s", rec.Code, rec.Body)
	}
	if got, want := stripReadOnly(mustJSON(t, rec.Body.String())), mustJSON(t, body); !reflect.DeepEqual(got, want) {
		t.Errorf("stored %v, want %v", got, want)
	}

	get := httptest.NewRequest(http.MethodGet, "https://"+host+"/tms/v2/customers/F2F3ADA770102B51E053A2598D0A9078", nil)
	get.Header.Set("v-c-merchant-id", merchant)
	get.Header.Set("Date", date)
	get.Header.Set("Signature", sigHeader("host date request-target v-c-merchant-id", getSig))
	rec = httptest.NewRecorder()
	sim.ServeHTTP(rec, get)
	// Authenticated: the id is simply unknown here.
	if rec.Code != http.StatusNotFound {
		t.Fatalf("GET from the vector: %d %s, want 404 (authenticated, no such customer)", rec.Code, rec.Body)
	}

	// The same POST with the date check on is refused: the skew switch is what let it in.
	strict := New(Options{Merchants: []Merchant{{ID: merchant, KeyID: vectorKeyID, SharedSecret: vectorSecret}}})
	post = httptest.NewRequest(http.MethodPost, "https://"+host+"/tms/v2/customers", strings.NewReader(body))
	post.Header.Set("v-c-merchant-id", merchant)
	post.Header.Set("Date", date)
	post.Header.Set("Digest", digest)
	post.Header.Set("Signature", sigHeader("host date request-target digest v-c-merchant-id", postSig))
	rec = httptest.NewRecorder()
	strict.ServeHTTP(rec, post)
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("2019 date with the default skew: %d, want 401", rec.Code)
	}
}

// TestHTTPSignatureRequestTargetWithQuery: request-target is the path with its ?query
// (tms-api.md §5a), so a signature covers the list parameters and the Node SDK's cache-buster.
func TestHTTPSignatureRequestTargetWithQuery(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	path := addressesPath(cid)
	setQuery := func(q string) func(*http.Request) { return func(r *http.Request) { r.URL.RawQuery = q } }
	tests := []struct {
		name   string
		path   string                // what is signed
		mod    func(r *http.Request) // what changes after signing
		status int
	}{
		{"query signed and sent", path + "?offset=0&limit=1&_=1700000000000", nil, http.StatusOK},
		{"query sent but not signed", path, setQuery("offset=0&limit=1"), http.StatusUnauthorized},
		{"query signed but not sent", path + "?limit=1", setQuery(""), http.StatusUnauthorized},
		{"another query sent", path + "?limit=1", setQuery("limit=2"), http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mods []func(*http.Request)
			if tt.mod != nil {
				mods = append(mods, tt.mod)
			}
			if a := ts.request(t, http.MethodGet, tt.path, nil, signSpec{}, mods...); a.status != tt.status {
				t.Errorf("status %d, want %d: %s", a.status, tt.status, a.body)
			}
		})
	}
}
