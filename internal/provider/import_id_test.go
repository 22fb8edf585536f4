package provider

import (
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
		want    customerImportID
		wantErr string
	}{
		{name: "customer id only", raw: customer, want: customerImportID{CustomerID: customer}},
		{name: "one character id", raw: "a", want: customerImportID{CustomerID: "a"}},
		{name: "profile and customer", raw: profile + "/" + customer, want: customerImportID{ProfileID: profile, CustomerID: customer}},
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
			got, err := parseImportID(tt.raw)
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
			if got != tt.want {
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
		got, err := parseImportID(raw)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("parseImportID(%q) returned an empty error message", raw)
			}
			return
		}
		if got.String() != raw {
			t.Fatalf("parseImportID(%q) = %+v renders as %q", raw, got, got.String())
		}
		if n := len(got.CustomerID); n < 1 || n > customerIDMaxLength {
			t.Fatalf("accepted customer id %q of length %d", got.CustomerID, n)
		}
		for _, r := range got.CustomerID {
			if !isASCIIAlphanumeric(r) {
				t.Fatalf("accepted customer id %q with %q", got.CustomerID, r)
			}
		}
		if got.ProfileID != "" && len(got.ProfileID) != profileIDLength {
			t.Fatalf("accepted profile id %q of length %d", got.ProfileID, len(got.ProfileID))
		}
		if strings.Contains(got.ProfileID, "/") || strings.Contains(got.CustomerID, "/") {
			t.Fatalf("accepted a part containing '/': %+v", got)
		}
	})
}
