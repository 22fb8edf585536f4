package client

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// vectorBody is the tms-api.md §5a test-vector body, byte for byte.
const vectorBody = `{"buyerInformation":{"merchantCustomerID":"Your customer identifier","email":"test@cybs.com"},"clientReferenceInformation":{"code":"TC50171_3"},"merchantDefinedInformation":[{"name":"data1","value":"Your customer data"}]}`

func TestHTTPSignatureVectors(t *testing.T) {
	date, err := http.ParseTime("Thu, 18 Jul 2019 00:18:03 GMT")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		portfolioID string
		method      string
		path        string
		body        string
		wantDigest  string
		wantHeaders string
		wantSig     string
		wantAuth    string
	}{
		// The first two are the documented vectors (tms-api.md §5a).
		{
			name: "POST vector", method: http.MethodPost, path: "/tms/v2/customers", body: vectorBody,
			wantDigest:  "SHA-256=WDkVBd3vjjdVlP9CJkJEnYNIGhOYQWj7P2n10A6M3sA=",
			wantHeaders: "host date request-target digest v-c-merchant-id",
			wantSig:     "qEr2TTnHVfNe24WU4bCZbLokrAwjuVJ6gyeoGLBQmeM=",
			wantAuth:    AuthMethodHTTPSignature,
		},
		{
			name: "GET vector", method: http.MethodGet, path: "/tms/v2/customers/" + testCustomerID,
			wantHeaders: "host date request-target v-c-merchant-id",
			wantSig:     "lsTQsCyCM/3uZgU7uNS0TiczS3AhZxvJrQPhGLnRZ+k=",
			wantAuth:    AuthMethodHTTPSignature,
		},
		// The rest were computed independently with Python's hmac module.
		{
			name: "PATCH", method: http.MethodPatch, path: "/tms/v2/customers/" + testCustomerID, body: `{"objectInformation":{"title":null}}`,
			wantDigest:  "SHA-256=YGKeY+5H8jzHaf6CVNEB1XcQr7kjIkIis9CKPU19eFA=",
			wantHeaders: "host date request-target digest v-c-merchant-id",
			wantSig:     "aNWIKsU3b7dQu22obzhJsAwPp7w/s2YdUlV0wj0Q64I=",
			wantAuth:    AuthMethodHTTPSignature,
		},
		{
			name: "meta key POST", portfolioID: "testportfolio", method: http.MethodPost, path: "/tms/v2/customers", body: vectorBody,
			wantDigest:  "SHA-256=WDkVBd3vjjdVlP9CJkJEnYNIGhOYQWj7P2n10A6M3sA=",
			wantHeaders: "host date request-target digest v-c-merchant-id",
			wantSig:     "1wZiCp4GXdjFO9idHUc16C+cdVo4q4bISf7ZJgEg+8w=",
			wantAuth:    AuthMethodMetaKey,
		},
		{
			name: "meta key GET", portfolioID: "testportfolio", method: http.MethodGet, path: "/tms/v2/customers/" + testCustomerID,
			wantHeaders: "host date request-target v-c-merchant-id",
			wantSig:     "krBmNgV5yeLM7PT9bnc81TRZ576+l2/CF0cY1Jd1W1E=",
			wantAuth:    AuthMethodMetaKey,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, Config{
				MerchantID: testMerchantID, KeyID: testKeyID, SharedSecret: testSecret,
				PortfolioID: tt.portfolioID, Environment: "sandbox",
			})
			if c.AuthMethod() != tt.wantAuth {
				t.Errorf("AuthMethod() = %q, want %q", c.AuthMethod(), tt.wantAuth)
			}
			req, err := http.NewRequest(tt.method, c.BaseURL()+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Host = req.URL.Host
			if err := c.signer.sign(req, []byte(tt.body), date); err != nil {
				t.Fatalf("sign: %v", err)
			}

			if got := req.Header.Get("Date"); got != "Thu, 18 Jul 2019 00:18:03 GMT" {
				t.Errorf("Date = %q", got)
			}
			if got := req.Header.Get("Digest"); got != tt.wantDigest {
				t.Errorf("Digest = %q, want %q", got, tt.wantDigest)
			}
			// The header always carries the transacting merchant, also
			// for a meta key whose signature names the portfolio.
			if got := req.Header.Get("v-c-merchant-id"); got != testMerchantID {
				t.Errorf("v-c-merchant-id = %q, want %q", got, testMerchantID)
			}
			wantHeader := `keyid="` + testKeyID + `", algorithm="HmacSHA256", headers="` + tt.wantHeaders + `", signature="` + tt.wantSig + `"`
			if got := req.Header.Get("Signature"); got != wantHeader {
				t.Errorf("Signature =\n  %s\nwant\n  %s", got, wantHeader)
			}
		})
	}
}

func TestSigningStringHasNoTrailingNewline(t *testing.T) {
	got := signingString([]string{"host", "date"}, []string{"h", "d"})
	if got != "host: h\ndate: d" {
		t.Errorf("signingString = %q", got)
	}
}

func TestHTTPSignatureDateIsGMT(t *testing.T) {
	c := newTestClient(t, Config{MerchantID: testMerchantID, KeyID: testKeyID, SharedSecret: testSecret})
	req, err := http.NewRequest(http.MethodGet, c.BaseURL()+"/tms/v2/customers/x", nil)
	if err != nil {
		t.Fatal(err)
	}
	// A non-UTC local time must still be rendered in GMT (time.RFC1123
	// would print the zone name and break the signature).
	local := time.Date(2019, 7, 18, 2, 18, 3, 0, time.FixedZone("CEST", 2*3600))
	if err := c.signer.sign(req, nil, local); err != nil {
		t.Fatal(err)
	}
	if got := req.Header.Get("Date"); got != "Thu, 18 Jul 2019 00:18:03 GMT" {
		t.Errorf("Date = %q", got)
	}
	if req.Header.Get("Digest") != "" {
		t.Error("GET carries a Digest header")
	}
}
