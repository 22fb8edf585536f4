package simulator

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestParseSignatureHeader(t *testing.T) {
	tests := []struct {
		name, header string
		want         signatureParams
		wantErr      string
	}{
		{name: "as the SDKs send it",
			header: `keyid="k1", algorithm="HmacSHA256", headers="host date request-target v-c-merchant-id", signature="c2ln"`,
			want:   signatureParams{keyID: "k1", algorithm: "HmacSHA256", headers: []string{"host", "date", "request-target", "v-c-merchant-id"}, signature: "c2ln"}},
		{name: "no spaces, upper-case names and list, unquoted algorithm",
			header: `keyId="k1",Algorithm=HmacSHA256,HEADERS="Host Date",signature="c2ln"`,
			want:   signatureParams{keyID: "k1", algorithm: "HmacSHA256", headers: []string{"host", "date"}, signature: "c2ln"}},
		{name: "escaped quote and comma inside a value",
			header: `keyid="a\"b,c", algorithm="x", headers="host", signature="s"`,
			want:   signatureParams{keyID: `a"b,c`, algorithm: "x", headers: []string{"host"}, signature: "s"}},
		{name: "unknown parameters are ignored",
			header: `keyid="k", created=1, algorithm="x", headers="host", signature="s"`,
			want:   signatureParams{keyID: "k", algorithm: "x", headers: []string{"host"}, signature: "s"}},
		{name: "empty", header: ``, wantErr: "lacks keyid"},
		{name: "missing signature", header: `keyid="k", algorithm="x", headers="host"`, wantErr: "lacks signature"},
		{name: "empty signature", header: `keyid="k", algorithm="x", headers="host", signature=""`, wantErr: "lacks signature"},
		{name: "repeated parameter", header: `keyid="k", keyid="j", algorithm="x", headers="host", signature="s"`, wantErr: "repeated"},
		{name: "unterminated quote", header: `keyid="k`, wantErr: "unterminated"},
		{name: "dangling escape", header: `keyid="k\`, wantErr: "dangling escape"},
		{name: "no equals", header: `keyid`, wantErr: "no value"},
		{name: "junk after a quoted value", header: `keyid="k"x, algorithm="x"`, wantErr: "unexpected"},
		{name: "stray quote in a token", header: `keyid=k"`, wantErr: "stray quote"},
		{name: "empty name", header: `="k"`, wantErr: "malformed parameter name"},
		{name: "too long", header: `keyid="` + strings.Repeat("k", maxSignatureHeaderLen) + `"`, wantErr: "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseSignatureHeader(tt.header)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.keyID != tt.want.keyID || got.algorithm != tt.want.algorithm || got.signature != tt.want.signature || !slices.Equal(got.headers, tt.want.headers) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// formatSignatureParams writes params back in quoted form, escaping as readQuoted expects.
func formatSignatureParams(params map[string]string) string {
	names := make([]string, 0, len(params))
	for name := range params {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, name := range names {
		v := strings.ReplaceAll(strings.ReplaceAll(params[name], `\`, `\\`), `"`, `\"`)
		parts[i] = name + `="` + v + `"`
	}
	return strings.Join(parts, ", ")
}

// FuzzParseSignatureHeader holds the parser to never panicking on network input, and checks that
// whatever it accepts survives a format/parse round trip unchanged.
func FuzzParseSignatureHeader(f *testing.F) {
	for _, seed := range []string{
		`keyid="278c728c-9a17-4d22-b0d8-8a070f07af52", algorithm="HmacSHA256", headers="host date request-target digest v-c-merchant-id", signature="qEr2TTnHVfNe24WU4bCZbLokrAwjuVJ6gyeoGLBQmeM="`,
		`keyid=k,algorithm=a,headers="(request-target) host",signature=s`,
		`keyid="a\"b", signature="\\"`,
		`keyid="`, `=`, `,,,`, `a=b,a=c`, `k="v" x`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, header string) {
		params, err := parseSignatureParams(header)
		if err != nil {
			return
		}
		// Quoting can push an accepted header just over maxSignatureHeaderLen, which the
		// parser then rightly refuses; the round trip only holds below the cap.
		if formatted := formatSignatureParams(params); len(formatted) <= maxSignatureHeaderLen {
			again, err := parseSignatureParams(formatted)
			if err != nil {
				t.Fatalf("re-parsing %q: %v", formatted, err)
			}
			if !maps.Equal(params, again) {
				t.Fatalf("round trip changed %v into %v", params, again)
			}
		}
		if p, err := parseSignatureHeader(header); err == nil && (p.keyID == "" || p.signature == "" || len(p.headers) == 0 && strings.TrimSpace(params["headers"]) != "") {
			t.Fatalf("accepted %q with empty parameters: %+v", header, p)
		}
	})
}
