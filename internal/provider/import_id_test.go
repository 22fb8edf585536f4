package provider

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseImportID(t *testing.T) {
	const (
		customer = "F2F3ADA770102B51E053A2598D0A9078"
		profile  = "F75AF380-9D1B-4117-83CD-FF2C0430ECE3"
	)
	tests := []struct {
		name    string
		raw     string
		want    importID
		wantErr string
	}{
		{name: "customer id only", raw: customer, want: importID{IDs: []string{customer}}},
		{name: "one character id", raw: "a", want: importID{IDs: []string{"a"}}},
		{name: "profile and customer", raw: profile + "/" + customer, want: importID{ProfileID: profile, IDs: []string{customer}}},
		{name: "empty", raw: "", wantErr: "empty"},
		{name: "too long id", raw: customer + "0", wantErr: "at most 32"},
		{name: "id with dash", raw: "ABC-DEF", wantErr: "only letters and digits"},
		{name: "id with space", raw: " ABC", wantErr: "only letters and digits"},
		{name: "empty customer after slash", raw: profile + "/", wantErr: "customer id part"},
		{name: "empty profile before slash", raw: "/" + customer, wantErr: "exactly 36"},
		{name: "short profile", raw: "abc/" + customer, wantErr: "exactly 36"},
		{name: "profile with bad character", raw: strings.Replace(profile, "-", "_", 1) + "/" + customer, wantErr: "'-'"},
		{name: "three parts", raw: profile + "/" + customer + "/x", wantErr: "more than one '/'"},
		{name: "non-ASCII letter", raw: "ÄBC", wantErr: "only letters and digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := customerKind.parseImportID(tt.raw)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("parseImportID(%q) = %+v, want an error containing %q", tt.raw, got, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("parseImportID(%q) error = %q, want it to contain %q", tt.raw, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseImportID(%q) unexpected error: %v", tt.raw, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("parseImportID(%q) = %+v, want %+v", tt.raw, got, tt.want)
			}
			if got.String() != tt.raw {
				t.Fatalf("String() = %q, want the input %q back", got.String(), tt.raw)
			}
		})
	}
}

// FuzzParseImportID checks the parser's contract on arbitrary input: it never panics, whatever it
// accepts satisfies the documented limits and renders back to exactly the input, and whatever it
// rejects gets a message.
func FuzzParseImportID(f *testing.F) {
	for _, seed := range []string{
		"F2F3ADA770102B51E053A2598D0A9078",
		"F75AF380-9D1B-4117-83CD-FF2C0430ECE3/F2F3ADA770102B51E053A2598D0A9078",
		"", "/", "//", "a/b/c", "x", strings.Repeat("A", 33), "F75AF380-9D1B-4117-83CD-FF2C0430ECE3/",
		"\x00", "é", "F75AF380-9D1B-4117-83CD-FF2C0430ECE\u00e9/a",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := customerKind.parseImportID(raw)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("parseImportID(%q) returned an empty error message", raw)
			}
			return
		}
		if got.String() != raw {
			t.Fatalf("parseImportID(%q) = %+v renders as %q", raw, got, got.String())
		}
		if len(got.IDs) != 1 {
			t.Fatalf("accepted %d id parts: %+v", len(got.IDs), got)
		}
		customerID := got.IDs[0]
		if n := len(customerID); n < 1 || n > 32 {
			t.Fatalf("accepted customer id %q of length %d", customerID, n)
		}
		for _, r := range customerID {
			if !isASCIIAlphanumeric(r) {
				t.Fatalf("accepted customer id %q with %q", customerID, r)
			}
		}
		if got.ProfileID != "" && len(got.ProfileID) != 36 {
			t.Fatalf("accepted profile id %q of length %d", got.ProfileID, len(got.ProfileID))
		}
		if strings.Contains(got.ProfileID, "/") || strings.Contains(customerID, "/") {
			t.Fatalf("accepted a part containing '/': %+v", got)
		}
	})
}

// TestParseTwoPartImportID covers the shape of a customer's sub-resources:
// <customer_id>/<child_id>, optionally after the profile id.
func TestParseTwoPartImportID(t *testing.T) {
	kind := &tmsKind{noun: "Shipping Address", idParts: []idPart{
		{attribute: "customer_id", identity: "customer_id", label: "customer id", example: "C1", maxLength: 32},
		{attribute: "id", identity: "shipping_address_id", label: "shipping address id", example: "S1", maxLength: 32},
	}}
	const profile = "F75AF380-9D1B-4117-83CD-FF2C0430ECE3"
	tests := []struct {
		raw     string
		want    importID
		wantErr string
	}{
		{raw: "C1/S1", want: importID{IDs: []string{"C1", "S1"}}},
		{raw: profile + "/C1/S1", want: importID{ProfileID: profile, IDs: []string{"C1", "S1"}}},
		{raw: "S1", wantErr: "has 1 part(s); it needs 2"},
		{raw: profile + "/C1/S1/x", wantErr: "more than two '/'"},
		{raw: "short/C1/S1", wantErr: "profile id part"},
		{raw: "C1/", wantErr: "shipping address id part of \"C1/\" is empty"},
		{raw: "C-1/S1", wantErr: "customer id part"},
	}
	for _, tt := range tests {
		got, err := kind.parseImportID(tt.raw)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parseImportID(%q) = %+v, %v; want an error containing %q", tt.raw, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) || got.String() != tt.raw {
			t.Errorf("parseImportID(%q) = %+v, %v; want %+v", tt.raw, got, err, tt.want)
		}
	}
	forms := kind.importIDForms()
	for _, want := range []string{"<customer_id>/<shipping_address_id>", "<profile_id>/<customer_id>/<shipping_address_id>", "e.g. C1/S1"} {
		if !strings.Contains(forms, want) {
			t.Errorf("forms lack %q:\n%s", want, forms)
		}
	}
}
