package simulator

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

const jwtKid = "7000000000000000000001"

// jwtSetup is a simulator that trusts one certificate for the demo merchant.
type jwtSetup struct {
	ts  *testServer
	key *rsa.PrivateKey
}

func newJWTSetup(t *testing.T) jwtSetup {
	t.Helper()
	key, cert := testkeys.Generate(t, DemoMerchantID, jwtKid)
	ts := startServer(t, Options{JWTCertificates: []JWTCertificate{{MerchantID: DemoMerchantID, Certificate: cert}}})
	return jwtSetup{ts: ts, key: key}
}

// claimsFor builds the tms-api.md §5b claims a correct client sends for this request.
func claimsFor(ts *testServer, method, path string, body []byte) jwt.MapClaims {
	now := time.Now()
	c := jwt.MapClaims{
		"iat": now.Unix(), "exp": now.Add(120 * time.Second).Unix(),
		"iss": DemoMerchantID, "jti": "0b9f6f43-4a8e-4f55-9a43-3f6b7a0c1d2e",
		"request-host": ts.host, "request-resource-path": path, "request-method": method,
		"v-c-jwt-version": "2", "v-c-merchant-id": DemoMerchantID,
	}
	if method == http.MethodPost || method == http.MethodPatch {
		sum := sha256.Sum256(body)
		c["digest"] = base64.StdEncoding.EncodeToString(sum[:])
		c["digestAlgorithm"] = "SHA-256"
	}
	return c
}

func (js jwtSetup) send(t *testing.T, method, path string, body []byte, claims jwt.MapClaims, key *rsa.PrivateKey, kid string) answer {
	t.Helper()
	token := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	token.Header["kid"] = kid
	signed, err := token.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(method, js.ts.URL+path, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+signed)
	req.Header.Set("v-c-merchant-id", DemoMerchantID)
	return js.ts.send(t, req)
}

func TestJWTAccepted(t *testing.T) {
	js := newJWTSetup(t)
	body := []byte(`{"buyerInformation":{"email":"jwt@example.com"}}`)
	for _, spelling := range []string{"digestAlgorithm", "digest-algorithm"} {
		t.Run(spelling, func(t *testing.T) {
			claims := claimsFor(js.ts, http.MethodPost, customersPath, body)
			delete(claims, "digestAlgorithm")
			claims[spelling] = "SHA-256"
			a := js.send(t, http.MethodPost, customersPath, body, claims, js.key, jwtKid)
			if a.status != http.StatusCreated {
				t.Fatalf("POST: %d %s", a.status, a.body)
			}
			id, _ := a.json(t)["id"].(string)
			path := customersPath + "/" + id
			if g := js.send(t, http.MethodGet, path, nil, claimsFor(js.ts, http.MethodGet, path, nil), js.key, jwtKid); g.status != http.StatusOK {
				t.Errorf("GET: %d %s", g.status, g.body)
			}
		})
	}
}

func TestJWTRejections(t *testing.T) {
	js := newJWTSetup(t)
	otherKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{}`)
	tests := []struct {
		name   string
		change func(c jwt.MapClaims)
		key    *rsa.PrivateKey
		kid    string
	}{
		{name: "expired", change: func(c jwt.MapClaims) {
			c["iat"] = time.Now().Add(-4 * time.Minute).Unix()
			c["exp"] = time.Now().Add(-2 * time.Minute).Unix()
		}},
		{name: "issued too far in the future", change: func(c jwt.MapClaims) {
			c["iat"] = time.Now().Add(10 * time.Minute).Unix()
			c["exp"] = time.Now().Add(12 * time.Minute).Unix()
		}},
		{name: "no exp", change: func(c jwt.MapClaims) { delete(c, "exp") }},
		{name: "no iat", change: func(c jwt.MapClaims) { delete(c, "iat") }},
		{name: "mis-signed", key: otherKey},
		{name: "unknown kid", kid: "999"},
		{name: "wrong digest", change: func(c jwt.MapClaims) { c["digest"] = base64.StdEncoding.EncodeToString(make([]byte, 32)) }},
		{name: "digest with SHA-256= prefix", change: func(c jwt.MapClaims) { c["digest"] = fmt.Sprint("SHA-256=", c["digest"]) }},
		{name: "no digest", change: func(c jwt.MapClaims) { delete(c, "digest") }},
		{name: "no digest algorithm", change: func(c jwt.MapClaims) { delete(c, "digestAlgorithm") }},
		{name: "wrong host", change: func(c jwt.MapClaims) { c["request-host"] = "apitest.cybersource.com" }},
		{name: "wrong path", change: func(c jwt.MapClaims) { c["request-resource-path"] = customersPath + "/X" }},
		{name: "wrong method", change: func(c jwt.MapClaims) { c["request-method"] = "GET" }},
		{name: "wrong issuer", change: func(c jwt.MapClaims) { c["iss"] = OtherMerchantID }},
		{name: "merchant the certificate does not belong to", change: func(c jwt.MapClaims) { c["v-c-merchant-id"] = OtherMerchantID }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := maps.Clone(claimsFor(js.ts, http.MethodPost, customersPath, body))
			if tt.change != nil {
				tt.change(claims)
			}
			key, kid := js.key, jwtKid
			if tt.key != nil {
				key = tt.key
			}
			if tt.kid != "" {
				kid = tt.kid
			}
			a := js.send(t, http.MethodPost, customersPath, body, claims, key, kid)
			if a.status != http.StatusUnauthorized || string(a.body) != authFailedBody {
				t.Errorf("got %d %s, want 401 Authentication Failed", a.status, a.body)
			}
		})
	}
	if n := len(js.ts.Sim.CustomerIDs(DemoMerchantID)); n != 0 {
		t.Errorf("refused JWT requests stored %d customers", n)
	}

	t.Run("HS256 token", func(t *testing.T) {
		token := jwt.NewWithClaims(jwt.SigningMethodHS256, claimsFor(js.ts, http.MethodGet, customersPath+"/X", nil))
		token.Header["kid"] = jwtKid
		signed, err := token.SignedString([]byte("secret"))
		if err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(http.MethodGet, js.ts.URL+customersPath+"/X", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+signed)
		if a := js.ts.send(t, req); a.status != http.StatusUnauthorized {
			t.Errorf("HS256 token: %d, want 401", a.status)
		}
	})
}

// TestJWTPortfolioCertificate: a certificate registered for a portfolio signs JWTs whose iss is the
// portfolio and whose v-c-merchant-id is one of its merchants (tms-api.md §5b).
func TestJWTPortfolioCertificate(t *testing.T) {
	key, cert := testkeys.Generate(t, DemoPortfolioID, "7000000000000000000002")
	ts := startServer(t, Options{JWTCertificates: []JWTCertificate{{MerchantID: DemoPortfolioID, Certificate: cert}}})
	body := []byte(`{}`)
	tests := []struct {
		name, iss, merchant string
		status              int
	}{
		{"acts for a portfolio merchant", DemoPortfolioID, OtherMerchantID, http.StatusCreated},
		{"iss must be the portfolio", OtherMerchantID, OtherMerchantID, http.StatusUnauthorized},
		{"merchant outside the portfolio", DemoPortfolioID, "stranger", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := claimsFor(ts, http.MethodPost, customersPath, body)
			claims["iss"] = tt.iss
			claims["v-c-merchant-id"] = tt.merchant
			token := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
			token.Header["kid"] = "7000000000000000000002"
			signed, err := token.SignedString(key)
			if err != nil {
				t.Fatal(err)
			}
			req, err := http.NewRequest(http.MethodPost, ts.URL+customersPath, strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+signed)
			if a := ts.send(t, req); a.status != tt.status {
				t.Errorf("status %d, want %d: %s", a.status, tt.status, a.body)
			}
		})
	}
	if ids := ts.Sim.CustomerIDs(OtherMerchantID); len(ids) != 1 {
		t.Errorf("customers of %s: %v", OtherMerchantID, ids)
	}
}

// TestJWTResourcePathWithQuery: the request-resource-path claim is the path with its ?query, as the
// Node SDK ≥ 0.0.79 and the Python SDK sign it (tms-api.md §5b).
func TestJWTResourcePathWithQuery(t *testing.T) {
	js := newJWTSetup(t)
	cid, _ := js.ts.create(t, `{}`)
	path := addressesPath(cid)
	const query = "?offset=0&limit=1&_=1700000000000"
	tests := []struct {
		name, claimed, sent string
		status              int
	}{
		{"path and query claimed", path + query, path + query, http.StatusOK},
		{"query sent but not claimed", path, path + query, http.StatusUnauthorized},
		{"query claimed but not sent", path + query, path, http.StatusUnauthorized},
		{"another query claimed", path + "?offset=0&limit=2", path + query, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := js.send(t, http.MethodGet, tt.sent, nil, claimsFor(js.ts, http.MethodGet, tt.claimed, nil), js.key, jwtKid)
			if a.status != tt.status {
				t.Errorf("status %d, want %d: %s", a.status, tt.status, a.body)
			}
		})
	}
}
