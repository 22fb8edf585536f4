package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

func TestRedactBody(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"empty", "", ""},
		{"whitespace", " \n", ""},
		{"customer",
			`{"buyerInformation":{"merchantCustomerID":"cust-1","email":"jane@example.com"},"clientReferenceInformation":{"code":"TC1"},"merchantDefinedInformation":[{"name":"sensitive1","value":"s3cr3t"}]}`,
			`{"buyerInformation":{"merchantCustomerID":"***","email":"***"},"clientReferenceInformation":{"code":"TC1"},"merchantDefinedInformation":[{"name":"sensitive1","value":"***"}]}`},
		{"embedded objects",
			`{"_embedded":{"defaultShippingAddress":{"shipTo":{"firstName":"Jane","lastName":"Doe","phoneNumber":"555","country":"US","address1":"1 Main"}},"defaultPaymentInstrument":{"card":{"expirationMonth":"12","expirationYear":"2031","type":"001","number":"4111111111111111","securityCode":123}}}}`,
			`{"_embedded":{"defaultShippingAddress":{"shipTo":{"firstName":"***","lastName":"***","phoneNumber":"***","country":"US","address1":"***"}},"defaultPaymentInstrument":{"card":{"expirationMonth":"***","expirationYear":"***","type":"001","number":"***","securityCode":"***"}}}}`},
		{"free text", `{"objectInformation":{"title":"Jane Doe","comment":"VIP since 2020"}}`, `{"objectInformation":{"title":"***","comment":"***"}}`},
		{"key spelling variants", `{"Email":"a","phone_number":"b","first-name":"c"}`, `{"Email":"***","phone_number":"***","first-name":"***"}`},
		{"masked object keeps its shape", `{"email":{"primary":"a","list":["b",1,true]}}`, `{"email":{"primary":"***","list":["***","***","***"]}}`},
		{"null stays visible in a patch", `{"buyerInformation":{"email":null}}`, `{"buyerInformation":{"email":null}}`},
		{"error bodies are kept", `{"errors":[{"type":"invalidFields","details":[{"name":"buyerInformation.email","location":"body"}]}]}`,
			`{"errors":[{"type":"invalidFields","details":[{"name":"buyerInformation.email","location":"body"}]}]}`},
		{"duplicate keys are both masked", `{"email":"a","email":"b"}`, `{"email":"***","email":"***"}`},
		{"numbers keep their text", `{"n":12345678901234567890}`, `{"n":12345678901234567890}`},
		{"HTML is omitted", `<html>jane@example.com</html>`, `[non-JSON body omitted: 29 bytes]`},
		{"truncated JSON is omitted", `{"email":"jane@example.com","x":`, `[non-JSON body omitted: 32 bytes]`},
		{"trailing data is omitted", `{"a":1} jane@example.com`, `[non-JSON body omitted: 24 bytes]`},
		{"two documents are omitted", `{"a":1}{"email":"x"}`, `[non-JSON body omitted: 20 bytes]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := redactBody([]byte(tt.body)); got != tt.want {
				t.Errorf("redactBody =\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

func TestRedactBodyTruncatesLargeBodies(t *testing.T) {
	big, err := json.Marshal(map[string]string{"code": strings.Repeat("é", maxLoggedBodyBytes)})
	if err != nil {
		t.Fatal(err)
	}
	got := redactBody(big)
	if len(got) > maxLoggedBodyBytes+64 || !strings.Contains(got, "[truncated") || !utf8.ValidString(got) {
		t.Errorf("redacted %d-byte body to %d bytes (valid UTF-8 %v)", len(big), len(got), utf8.ValidString(got))
	}
}

// TestLoggedExchangesHoldNoSecrets runs real requests in every auth mode
// and searches everything handed to the Logger for secrets and personal data.
func TestLoggedExchangesHoldNoSecrets(t *testing.T) {
	key, cert := testkeys.Generate(t, testMerchantID, "kid-log")
	p12 := testkeys.P12(t, key, cert, "p12-secret-password")
	var rec recorder
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		w.Header().Set(headerCorrelationID, "corr-log")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"id":"C1","buyerInformation":{"email":"jane@example.com"},"_embedded":{"defaultShippingAddress":{"shipTo":{"lastName":"Doe","phoneNumber":"+1 555 0100"}}}}`))
	})

	modes := map[string]func(*Config){
		"http signature": func(*Config) {},
		"jwt": func(c *Config) {
			c.KeyID, c.SharedSecret, c.P12Data, c.P12Password = "", "", p12, "p12-secret-password"
		},
	}
	for name, mut := range modes {
		t.Run(name, func(t *testing.T) {
			logger := &captureLogger{}
			cfg := testConfig(srv.URL)
			cfg.Logger = logger
			mut(&cfg)
			in := &Customer{
				BuyerInformation:           &BuyerInformation{Email: ptr("jane@example.com"), MerchantCustomerID: ptr("cust-jane")},
				MerchantDefinedInformation: []MerchantDefinedField{{Name: "sensitive1", Value: "loyalty-secret"}},
			}
			if _, err := newTestClient(t, cfg).CreateCustomer(t.Context(), in, CallOptions{}); err != nil {
				t.Fatal(err)
			}
			exchanges := logger.all()
			if len(exchanges) != 1 {
				t.Fatalf("%d exchanges logged, want 1", len(exchanges))
			}
			e := exchanges[0]
			if e.Method != http.MethodPost || e.Path != customersPath || e.StatusCode != 201 || e.CorrelationID != "corr-log" || e.Attempt != 1 || e.Duration <= 0 {
				t.Errorf("exchange = %+v", e)
			}
			if !strings.Contains(e.RequestBody, `"email":"***"`) || !strings.Contains(e.ResponseBody, `"lastName":"***"`) {
				t.Errorf("bodies not masked as expected:\n  %s\n  %s", e.RequestBody, e.ResponseBody)
			}
			sent := rec.all()[len(rec.all())-1]
			forbidden := []string{
				testSecret, "p12-secret-password", "jane@example.com", "cust-jane", "loyalty-secret", "Doe", "555 0100",
				"Bearer", strings.TrimPrefix(sent.Header.Get("Authorization"), "Bearer "),
				parseSignatureHeader(sent.Header.Get("Signature"))["signature"],
			}
			logged := fmt.Sprintf("%+v %#v", exchanges, exchanges)
			for _, f := range forbidden {
				if f != "" && strings.Contains(logged, f) {
					t.Errorf("logged exchanges contain %q", f)
				}
			}
		})
	}
}

// bodyLevelLogger is a captureLogger that also answers BodyLogger.
type bodyLevelLogger struct {
	captureLogger
	bodies bool
}

func (l *bodyLevelLogger) LogsBodies(context.Context) bool { return l.bodies }

func TestBodyLoggerSkipsBodiesItWillNotLog(t *testing.T) {
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"id":"C1","buyerInformation":{"email":"jane@example.com"}}`))
	})
	in := &Customer{BuyerInformation: &BuyerInformation{Email: ptr("jane@example.com")}}
	for _, wantBodies := range []bool{false, true} {
		logger := &bodyLevelLogger{bodies: wantBodies}
		cfg := testConfig(srv.URL)
		cfg.Logger = logger
		if _, err := newTestClient(t, cfg).CreateCustomer(t.Context(), in, CallOptions{}); err != nil {
			t.Fatal(err)
		}
		exchanges := logger.all()
		if len(exchanges) != 1 || exchanges[0].StatusCode != http.StatusCreated {
			t.Fatalf("bodies %v: exchanges %+v, want the one attempt", wantBodies, exchanges)
		}
		e := exchanges[0]
		if gotBodies := e.RequestBody != "" && e.ResponseBody != ""; gotBodies != wantBodies || (!wantBodies && e.RequestBody+e.ResponseBody != "") {
			t.Errorf("LogsBodies %v: request body %q, response body %q", wantBodies, e.RequestBody, e.ResponseBody)
		}
	}
}
