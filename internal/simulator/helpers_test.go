package simulator

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The tests sign requests with their own small signer, written from tms-api.md §5a like the
// simulator's verifier but independently of internal/client.

// credential is who signs: key, secret, the merchant sent in v-c-merchant-id and the merchant on
// the signing string's v-c-merchant-id line (the portfolio for a meta key).
type credential struct {
	keyID, secret, merchant, signedMerchant string
}

var (
	demoCred  = credential{DemoKeyID, DemoSharedSecret, DemoMerchantID, DemoMerchantID}
	otherCred = credential{OtherKeyID, OtherSharedSecret, OtherMerchantID, OtherMerchantID}
)

func metaCred(merchant string) credential {
	return credential{DemoMetaKeyID, DemoMetaKeySecret, merchant, DemoPortfolioID}
}

// signSpec describes one signature; zero fields mean "as a correct client would".
type signSpec struct {
	cred        credential
	date        time.Time // zero: now
	signedHost  string    // "": the request's host
	headers     []string  // nil: the tms-api.md §5a list for the method
	signedBody  []byte    // nil: the body sent
	omitDigest  bool      // send no digest header
	extraHeader func(h http.Header)
}

// sign adds date, digest, v-c-merchant-id and signature headers to req per tms-api.md §5a.
func sign(t testing.TB, req *http.Request, body []byte, spec signSpec) {
	t.Helper()
	date := spec.date
	if date.IsZero() {
		date = time.Now()
	}
	dateValue := date.UTC().Format(http.TimeFormat)
	req.Header.Set("Date", dateValue)
	req.Header.Set("v-c-merchant-id", spec.cred.merchant)
	signedBody := body
	if spec.signedBody != nil {
		signedBody = spec.signedBody
	}
	sum := sha256.Sum256(signedBody)
	digest := "SHA-256=" + base64.StdEncoding.EncodeToString(sum[:])
	withBody := req.Method == http.MethodPost || req.Method == http.MethodPatch || req.Method == http.MethodPut
	if withBody && !spec.omitDigest {
		req.Header.Set("Digest", digest)
	}
	headers := spec.headers
	if headers == nil {
		headers = []string{"host", "date", "request-target", "v-c-merchant-id"}
		if withBody {
			headers = []string{"host", "date", "request-target", "digest", "v-c-merchant-id"}
		}
	}
	host := req.Host
	if spec.signedHost != "" {
		host = spec.signedHost
	}
	var lines []string
	for _, h := range headers {
		switch h {
		case "host":
			lines = append(lines, "host: "+host)
		case "date":
			lines = append(lines, "date: "+dateValue)
		case "request-target", "(request-target)":
			lines = append(lines, h+": "+strings.ToLower(req.Method)+" "+req.URL.RequestURI())
		case "digest":
			lines = append(lines, "digest: "+digest)
		case "v-c-merchant-id":
			lines = append(lines, "v-c-merchant-id: "+spec.cred.signedMerchant)
		}
	}
	secret, err := base64.StdEncoding.DecodeString(spec.cred.secret)
	if err != nil {
		t.Fatalf("secret: %v", err)
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(strings.Join(lines, "\n")))
	req.Header.Set("Signature", `keyid="`+spec.cred.keyID+`", algorithm="HmacSHA256", headers="`+
		strings.Join(headers, " ")+`", signature="`+base64.StdEncoding.EncodeToString(mac.Sum(nil))+`"`)
	if spec.extraHeader != nil {
		spec.extraHeader(req.Header)
	}
}

// answer is a response read in full.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func (a answer) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(a.body, &m); err != nil {
		t.Fatalf("answer %d is not JSON: %v: %s", a.status, err, a.body)
	}
	return m
}

// errorType returns errors[0].type of a tms-api.md §4 error body.
func (a answer) errorType(t testing.TB) string {
	t.Helper()
	errs, _ := a.json(t)["errors"].([]any)
	if len(errs) == 0 {
		t.Fatalf("no errors in %s", a.body)
	}
	typ, _ := errs[0].(map[string]any)["type"].(string)
	return typ
}

func (a answer) errorMessage(t testing.TB) string {
	t.Helper()
	errs, _ := a.json(t)["errors"].([]any)
	msg, _ := errs[0].(map[string]any)["message"].(string)
	return msg
}

// detailNames returns the names in errors[0].details.
func (a answer) detailNames(t testing.TB) []string {
	t.Helper()
	errs, _ := a.json(t)["errors"].([]any)
	details, _ := errs[0].(map[string]any)["details"].([]any)
	var names []string
	for _, d := range details {
		name, _ := d.(map[string]any)["name"].(string)
		names = append(names, name)
	}
	return names
}

// testServer is a started simulator plus a client.
type testServer struct {
	*Server
	client *http.Client
	host   string
}

func startServer(t testing.TB, opts Options) *testServer {
	t.Helper()
	srv, err := Start(opts, false)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{Server: srv, client: &http.Client{Transport: &http.Transport{}}, host: u.Host}
}

// request sends a signed request; spec.cred zero means the demo merchant. mods run after signing,
// so they can tamper with what was signed.
func (ts *testServer) request(t testing.TB, method, path string, body []byte, spec signSpec, mods ...func(*http.Request)) answer {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json;charset=utf-8")
	if spec.cred == (credential{}) {
		spec.cred = demoCred
	}
	sign(t, req, body, spec)
	for _, mod := range mods {
		mod(req)
	}
	return ts.send(t, req)
}

func (ts *testServer) send(t testing.TB, req *http.Request) answer {
	t.Helper()
	resp, err := ts.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	// tms-api.md §2: every answer, errors included, carries both ids.
	if resp.Header.Get("v-c-correlation-id") == "" || resp.Header.Get("uniqueTransactionID") == "" {
		t.Errorf("%s %s -> %d lacks v-c-correlation-id or uniqueTransactionID: %v", req.Method, req.URL.Path, resp.StatusCode, resp.Header)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: body}
}

func (ts *testServer) create(t testing.TB, body string) (id, etag string) {
	t.Helper()
	a := ts.request(t, http.MethodPost, customersPath, []byte(body), signSpec{})
	if a.status != http.StatusCreated {
		t.Fatalf("create: %d %s", a.status, a.body)
	}
	id, _ = a.json(t)["id"].(string)
	return id, a.header.Get("ETag")
}

func (ts *testServer) get(t testing.TB, id string) answer {
	t.Helper()
	return ts.request(t, http.MethodGet, customersPath+"/"+id, nil, signSpec{})
}

func (ts *testServer) patch(t testing.TB, id, body string, mods ...func(*http.Request)) answer {
	t.Helper()
	return ts.request(t, http.MethodPatch, customersPath+"/"+id, []byte(body), signSpec{}, mods...)
}

// withHeader returns a request modifier that sets one header.
func withHeader(name, value string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set(name, value) }
}

// stripReadOnly removes a customer's server-owned members so bodies can be compared by their
// writable part.
func stripReadOnly(m map[string]any) map[string]any {
	for _, k := range customerKind.dropped {
		delete(m, k)
	}
	return m
}

// dig follows keys through nested JSON objects; it returns nil where the path does not exist.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func mustJSON(t testing.TB, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("bad test JSON %q: %v", s, err)
	}
	return m
}
