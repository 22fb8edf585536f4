package simulator

import (
	"slices"
	"testing"
)

// TestSchemaRules checks the shared rules on their own, POST and PATCH alike.
func TestSchemaRules(t *testing.T) {
	s := schema{
		"flag":  flag,
		"date":  date,
		"code":  digits(3, 3),
		"text":  textBetween(2, 4),
		"list":  listOf(group(schema{"v": text(1)})),
		"fixed": createOnly(text(noLimit)),
		"group": createOnlyGroup(schema{"a": text(noLimit), "b": text(noLimit)}),
		"any":   anyOf(digits(1, 1), oneOfFold("x")),
	}
	tests := []struct {
		name  string
		doc   map[string]any
		patch bool
		want  []string
	}{
		{"flags", map[string]any{"flag": true}, false, nil},
		{"flag strings", map[string]any{"flag": "false"}, false, nil},
		{"flag other string", map[string]any{"flag": "TRUE"}, false, []string{"flag"}},
		{"flag number", map[string]any{"flag": 1.0}, false, []string{"flag"}},
		{"null passes", map[string]any{"flag": nil, "text": nil, "list": nil}, false, nil},
		{"leap day", map[string]any{"date": "2024-02-29"}, false, nil},
		{"no such day", map[string]any{"date": "2023-02-29"}, false, []string{"date"}},
		{"digits", map[string]any{"code": "001"}, false, nil},
		{"too few digits", map[string]any{"code": "01"}, false, []string{"code"}},
		{"text bounds", map[string]any{"text": "ab"}, false, nil},
		{"text too short", map[string]any{"text": "a"}, false, []string{"text"}},
		{"text counts characters", map[string]any{"text": "éééé"}, false, nil},
		{"list items", map[string]any{"list": []any{map[string]any{"v": "x"}, nil, "x", map[string]any{"v": "xy", "w": 1.0}}}, false,
			[]string{"list[1]", "list[2]", "list[3].v", "list[3].w"}},
		{"list not a list", map[string]any{"list": map[string]any{}}, false, []string{"list"}},
		{"create only on POST", map[string]any{"fixed": "x", "group": map[string]any{"a": "x"}}, false, nil},
		{"create only on PATCH", map[string]any{"fixed": "x"}, true, []string{"fixed"}},
		{"create only null on PATCH", map[string]any{"fixed": nil, "group": nil}, true, []string{"fixed", "group"}},
		{"create-only group names its member", map[string]any{"group": map[string]any{"a": "x", "b": nil}}, true, []string{"group.a", "group.b"}},
		{"any of", map[string]any{"any": "X"}, false, nil},
		{"none of", map[string]any{"any": "12"}, false, []string{"any"}},
		{"unknown members, sorted", map[string]any{"z": 1.0, "a": 1.0}, false, []string{"a", "z"}},
	}
	for _, tt := range tests {
		if got := s.check(tt.doc, tt.patch); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
