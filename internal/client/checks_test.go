package client

import (
	"net/http"
	"strings"
	"testing"
)

func TestCheckEndpoint(t *testing.T) {
	tests := []struct {
		raw     string
		wantErr string // "" when valid
	}{
		{"https://apitest.cybersource.com", ""},
		{"https://apitest.cybersource.com/", ""},
		{"https://proxy.example:8443", ""},
		{"http://127.0.0.1:8080", ""},
		{"http://localhost:8080/", ""},
		{"http://[::1]:9000", ""},
		{"http://127.0.0.1:18080/tms/v2", "must not contain a path (got \"/tms/v2\")"},
		{"https://proxy.example/cybs/", "must not contain a path"},
		{"http://api.cybersource.com", "plain http"},
		{"http://127.0.0.1.example.com", "loopback"},
		{"https://", "absolute URL"},
		{"::not a url", "not a valid URL"},
		{"ftp://127.0.0.1", "https scheme"},
		{"/tms", "absolute URL"},
		{"https://h.example?x=1", "query"},
		{"https://h.example/#top", "query or fragment"},
		{"https://u:p@h.example", "user credentials"},
		{"https://[::1", "not a valid URL"},
	}
	for _, tt := range tests {
		err := CheckEndpoint(tt.raw)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("CheckEndpoint(%q) = %v, want nil", tt.raw, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("CheckEndpoint(%q) = %v, want an error containing %q", tt.raw, err, tt.wantErr)
		}
	}
}

func TestCheckProfileID(t *testing.T) {
	tests := []struct {
		id      string
		wantErr string
	}{
		{"F75AF380-9D1B-4117-83CD-FF2C0430ECE3", ""},
		{"f75af380-9d1b-4117-83cd-ff2c0430ece3", ""},
		{"short", "exactly 36 characters (got 5)"},
		{strings.Repeat("A", 37), "(got 37)"},
		{"F75AF380 9D1B-4117-83CD-FF2C0430ECE3", `contains ' '`},
		{"F75AF380_9D1B-4117-83CD-FF2C0430ECE3", `contains '_'`},
	}
	for _, tt := range tests {
		err := CheckProfileID(tt.id)
		if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("CheckProfileID(%q) = %v, want %q", tt.id, err, tt.wantErr)
		}
	}
}

func TestCheckCardNumber(t *testing.T) {
	tests := []struct {
		number  string
		wantErr string
	}{
		{"4111111111111111", ""},
		{"411111111111", ""},        // 12 digits
		{"4111111111111111111", ""}, // 19 digits
		{"41111111111", "12 to 19 digits"},
		{"41111111111111111111", "12 to 19 digits"},
		{"4111 1111 1111 1111", "digits only"},
		{"4111-1111-1111-1111", "digits only"},
		{"", "12 to 19 digits"},
	}
	for _, tt := range tests {
		err := CheckCardNumber(tt.number)
		if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("CheckCardNumber(%q) = %v, want %q", tt.number, err, tt.wantErr)
		}
		if err != nil && tt.number != "" && strings.Contains(err.Error(), tt.number) {
			t.Errorf("CheckCardNumber error %q repeats the number", err)
		}
	}
}

func TestAPIPath(t *testing.T) {
	tests := []struct {
		template string
		ids      []string
		want     string
		wantErr  string
	}{
		{shippingAddresses.item, []string{"C1", "S1"}, "/tms/v2/customers/C1/shipping-addresses/S1", ""},
		{shippingAddresses.item, []string{"a/b", ".."}, "/tms/v2/customers/a%2Fb/shipping-addresses/%2E%2E", ""},
		{instrumentIdentifierPath, []string{"7010000000016241111"}, "/tms/v1/instrumentidentifiers/7010000000016241111", ""},
		{customersPath, nil, "/tms/v2/customers", ""},
		{shippingAddresses.item, []string{"C1", ""}, "", "shippingAddressId must not be empty"},
		{shippingAddresses.item, []string{"", "S1"}, "", "customerId must not be empty"},
		{shippingAddresses.item, []string{"C1"}, "", "does not match"},
		{customerPath, []string{"C1", "extra"}, "", "placeholders"},
	}
	for _, tt := range tests {
		got, err := apiPath(tt.template, tt.ids...)
		if got != tt.want || (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("apiPath(%q, %q) = %q, %v; want %q, %q", tt.template, tt.ids, got, err, tt.want, tt.wantErr)
		}
	}
}

// TestCardNumberIsCheckedBeforeSending: a bad number never leaves the process, and the error
// does not repeat it.
func TestCardNumberIsCheckedBeforeSending(t *testing.T) {
	var rec recorder
	srv := startServer(t, func(_ http.ResponseWriter, r *http.Request) { rec.record(r) })
	const bad = "4111-1111-1111-1111"
	_, err := newTestClient(t, testConfig(srv.URL)).CreateCardInstrumentIdentifier(t.Context(), bad, CallOptions{})
	if err == nil || strings.Contains(err.Error(), bad) || strings.Contains(err.Error(), "1111") {
		t.Errorf("err = %v, want a validation error without the number", err)
	}
	if rec.count() != 0 {
		t.Errorf("%d requests sent", rec.count())
	}
}
