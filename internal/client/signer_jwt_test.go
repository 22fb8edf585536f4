package client

import (
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"software.sslmate.com/src/go-pkcs12"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

// parseJWT verifies the bearer token with the certificate's public key, as
// CyberSource does, and returns its header and claims.
func parseJWT(t *testing.T, authorization string, pub *rsa.PublicKey) (map[string]any, jwt.MapClaims) {
	t.Helper()
	raw, ok := strings.CutPrefix(authorization, "Bearer ")
	if !ok {
		t.Fatalf("Authorization = %q, want a Bearer token", authorization)
	}
	claims := jwt.MapClaims{}
	token, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return pub, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuedAt(), jwt.WithExpirationRequired())
	if err != nil {
		t.Fatalf("token does not verify: %v", err)
	}
	return token.Header, claims
}

func TestJWTAuthentication(t *testing.T) {
	key, cert := testkeys.Generate(t, testMerchantID, "1234567890ABCDEF")
	p12 := testkeys.P12(t, key, cert, "p12-password")

	tests := []struct {
		name        string
		portfolioID string
		method      string
		wantIssuer  string
	}{
		{"POST with body digest", "", http.MethodPost, testMerchantID},
		{"GET without digest", "", http.MethodGet, testMerchantID},
		{"PATCH with body digest", "", http.MethodPatch, testMerchantID},
		{"DELETE without digest", "", http.MethodDelete, testMerchantID},
		// tms-api.md §5b: request-resource-path carries the query (a list request has one).
		{"GET with a query string", "", "LIST", testMerchantID},
		{"meta key issuer is the portfolio", "tfdemo_portfolio", http.MethodPost, "tfdemo_portfolio"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
				rec.record(r)
				w.Header().Set("ETag", "e1")
				switch r.Method {
				case http.MethodDelete:
					w.WriteHeader(http.StatusNoContent)
				case http.MethodPost:
					w.WriteHeader(http.StatusCreated)
					_, _ = w.Write([]byte(`{"id":"` + testCustomerID + `"}`))
				default:
					_, _ = w.Write([]byte(`{"id":"` + testCustomerID + `"}`))
				}
			})
			cfg := testConfig(srv.URL)
			cfg.KeyID, cfg.SharedSecret = "", ""
			cfg.P12Data, cfg.P12Password, cfg.PortfolioID = p12, "p12-password", tt.portfolioID
			c := newTestClient(t, cfg)
			if c.AuthMethod() != AuthMethodJWT {
				t.Fatalf("AuthMethod() = %q", c.AuthMethod())
			}
			ctx := t.Context()
			var err error
			switch tt.method {
			case http.MethodPost:
				_, err = c.CreateCustomer(ctx, &Customer{BuyerInformation: &BuyerInformation{Email: ptr("jane@example.com")}}, CallOptions{})
			case http.MethodGet:
				_, err = c.GetCustomer(ctx, testCustomerID, CallOptions{})
			case http.MethodPatch:
				patch, patchErr := NewCustomerPatch(nil, &Customer{ObjectInformation: &ObjectInformation{Title: ptr("t")}})
				if patchErr != nil {
					t.Fatal(patchErr)
				}
				_, err = c.UpdateCustomer(ctx, testCustomerID, patch, CallOptions{})
			case http.MethodDelete:
				_, err = c.DeleteCustomer(ctx, testCustomerID, CallOptions{})
			case "LIST":
				_, err = c.ShippingAddresses().List(ctx, testCustomerID, CallOptions{})
			}
			if err != nil {
				t.Fatalf("%s: %v", tt.method, err)
			}
			rr := rec.all()[0]
			if tt.method == "LIST" && !strings.Contains(rr.Target, "?limit=100&offset=0") {
				t.Fatalf("list request target %q has no query", rr.Target)
			}
			if rr.Header.Get("Signature") != "" || rr.Header.Get("Digest") != "" {
				t.Error("JWT request also carries HTTP Signature headers")
			}
			header, claims := parseJWT(t, rr.Header.Get("Authorization"), &key.PublicKey)
			if header["kid"] != "1234567890ABCDEF" || header["alg"] != "RS256" || header["typ"] != "JWT" {
				t.Errorf("JWT header = %v", header)
			}
			wantClaims := map[string]any{
				"iss":                   tt.wantIssuer,
				"request-host":          rr.Host,
				"request-resource-path": rr.Target,
				"request-method":        strings.ToLower(rr.Method),
				"v-c-jwt-version":       "2",
				"v-c-merchant-id":       testMerchantID,
			}
			for k, want := range wantClaims {
				if claims[k] != want {
					t.Errorf("claim %s = %v, want %v", k, claims[k], want)
				}
			}
			iat, _ := claims["iat"].(float64)
			exp, _ := claims["exp"].(float64)
			if exp-iat != 120 {
				t.Errorf("exp - iat = %v, want 120", exp-iat)
			}
			jti, _ := claims["jti"].(string)
			if id, err := uuid.Parse(jti); err != nil || id.Version() != 4 {
				t.Errorf("jti = %v, want a UUIDv4", claims["jti"])
			}
			if hasBody(tt.method) {
				sum := sha256.Sum256(rr.Body)
				if claims["digest"] != base64.StdEncoding.EncodeToString(sum[:]) || claims["digestAlgorithm"] != "SHA-256" {
					t.Errorf("digest claims = %v / %v, want the body's SHA-256", claims["digest"], claims["digestAlgorithm"])
				}
			} else if _, ok := claims["digest"]; ok {
				t.Errorf("%s carries a digest claim", tt.method)
			}
		})
	}
}

func TestJWTIsFreshOnEveryAttempt(t *testing.T) {
	key, cert := testkeys.Generate(t, testMerchantID, "kid-fresh")
	var (
		mu   sync.Mutex
		jtis []string
	)
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		// Not parseJWT: its t.Fatalf must not run on the server's goroutine.
		claims := jwt.MapClaims{}
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return &key.PublicKey, nil },
			jwt.WithValidMethods([]string{"RS256"})); err != nil {
			t.Errorf("token does not verify: %v", err)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		mu.Lock()
		jti, _ := claims["jti"].(string)
		jtis = append(jtis, jti)
		n := len(jtis)
		mu.Unlock()
		if n < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte(`{"id":"x"}`))
	})
	cfg := testConfig(srv.URL)
	cfg.KeyID, cfg.SharedSecret = "", ""
	cfg.P12Data, cfg.P12Password = testkeys.P12(t, key, cert, "pw"), "pw"
	if _, err := newTestClient(t, cfg).GetCustomer(t.Context(), "x", CallOptions{}); err != nil {
		t.Fatal(err)
	}
	if len(jtis) != 3 || jtis[0] == jtis[1] || jtis[1] == jtis[2] || jtis[0] == jtis[2] {
		t.Errorf("jti values across attempts = %v, want three distinct", jtis)
	}
}

func TestSelectCertificate(t *testing.T) {
	// testkeys shares one RSA key per process, so both certificates belong
	// to key; a key with a different modulus matches neither.
	key, leaf := testkeys.Generate(t, "some-other-name", "leaf-serial")
	_, aliased := testkeys.Generate(t, "tfdemo_merchant", "alias-serial")
	strangerKey := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: big.NewInt(3233), E: 17}}

	tests := []struct {
		name  string
		certs []*x509.Certificate
		alias string
		key   *rsa.PrivateKey
		want  string
	}{
		{"alias CN wins over the leaf", []*x509.Certificate{leaf, aliased}, "tfdemo_merchant", key, "alias-serial"},
		{"first certificate of the key without an alias match", []*x509.Certificate{aliased, leaf}, "nobody", key, "alias-serial"},
		{"the leaf as a last resort", []*x509.Certificate{leaf, aliased}, "nobody", strangerKey, "leaf-serial"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := selectCertificate(tt.certs, tt.alias, tt.key).Subject.SerialNumber; got != tt.want {
				t.Errorf("selected %q, want %q", got, tt.want)
			}
		})
	}

	// End to end: a P12 whose alias certificate is not the first one.
	chain, err := pkcs12.Modern.Encode(key, leaf, []*x509.Certificate{aliased}, "pw")
	if err != nil {
		t.Fatal(err)
	}
	_, kid, err := loadP12(chain, "pw", "tfdemo_merchant", true, "P12Data")
	if err != nil || kid != "alias-serial" {
		t.Errorf("loadP12 kid = %q, %v; want alias-serial", kid, err)
	}
}
