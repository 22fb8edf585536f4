package simulator

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestMergePatchRFC7396 runs the examples of RFC 7396 Appendix A that apply to objects.
func TestMergePatchRFC7396(t *testing.T) {
	tests := []struct{ target, patch, want string }{
		{`{"a":"b"}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"b"}`, `{"b":"c"}`, `{"a":"b","b":"c"}`},
		{`{"a":"b"}`, `{"a":null}`, `{}`},
		{`{"a":"b","b":"c"}`, `{"a":null}`, `{"b":"c"}`},
		{`{"a":["b"]}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"c"}`, `{"a":["b"]}`, `{"a":["b"]}`},
		{`{"a":{"b":"c"}}`, `{"a":{"b":"d","c":null}}`, `{"a":{"b":"d"}}`},
		{`{"a":[{"b":"c"}]}`, `{"a":[1]}`, `{"a":[1]}`},
		{`{"e":null}`, `{"a":1}`, `{"e":null,"a":1}`},
		{`{}`, `{"a":{"bb":{"ccc":null}}}`, `{"a":{"bb":{}}}`},
	}
	for _, tt := range tests {
		target := decode(t, tt.target)
		before := decode(t, tt.target)
		got := mergePatch(target, decode(t, tt.patch))
		if want := decode(t, tt.want); !reflect.DeepEqual(got, want) {
			t.Errorf("mergePatch(%s, %s) = %v, want %s", tt.target, tt.patch, got, tt.want)
		}
		if !reflect.DeepEqual(target, before) {
			t.Errorf("mergePatch modified its target %s", tt.target)
		}
	}
}

func TestPruneEmpty(t *testing.T) {
	got := pruneEmpty(decode(t, `{"a":{},"b":{"c":{}},"d":[],"e":"","f":{"g":"h"}}`))
	if want := decode(t, `{"e":"","f":{"g":"h"}}`); !reflect.DeepEqual(got, want) {
		t.Errorf("pruneEmpty = %v, want %v", got, want)
	}
}

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}
