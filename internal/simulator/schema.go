package simulator

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// noLimit marks a writable string without a documented length limit ("—" in the field tables).
const noLimit = -1

// rule checks the value found at path and reports every offending path to c. null always passes
// where a member may be: on POST it means absent, on PATCH it removes the member (RFC 7396).
type rule func(c *checker, path string, v any)

// schema maps the members of a JSON object to their rules. A member not listed is refused: the
// field tables list every member, and a misspelt one silently ignored would hide client bugs
// (inferred).
type schema map[string]rule

// checker collects the offending paths of one body. patch is set for PATCH bodies, where
// createOnly members are refused.
type checker struct {
	patch   bool
	invalid []string
}

func (c *checker) bad(path string) { c.invalid = append(c.invalid, path) }

// check validates a whole body and returns the offending paths, sorted.
func (s schema) check(doc map[string]any, patch bool) []string {
	c := &checker{patch: patch}
	c.members(s, "", doc)
	slices.Sort(c.invalid)
	return c.invalid
}

func (c *checker) members(s schema, path string, m map[string]any) {
	for name, value := range m {
		p := joinPath(path, name)
		if r, known := s[name]; known {
			r(c, p, value)
		} else {
			c.bad(p)
		}
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// group accepts a JSON object whose members follow s.
func group(s schema) rule {
	return func(c *checker, path string, v any) {
		if v == nil {
			return
		}
		if m, ok := v.(map[string]any); ok {
			c.members(s, path, m)
		} else {
			c.bad(path)
		}
	}
}

// listOf accepts a JSON array whose items follow item; a null item is refused, since an array is
// stored whole and a null in it means nothing.
func listOf(item rule) rule {
	return func(c *checker, path string, v any) {
		if v == nil {
			return
		}
		list, ok := v.([]any)
		if !ok {
			c.bad(path)
			return
		}
		for i, it := range list {
			p := fmt.Sprintf("%s[%d]", path, i)
			if it == nil {
				c.bad(p)
			} else {
				item(c, p, it)
			}
		}
	}
}

// createOnly accepts a member on POST only. On PATCH the member is refused wherever it appears,
// null included; inside a group the refusal names the innermost createOnly member.
func createOnly(r rule) rule {
	return func(c *checker, path string, v any) {
		if !c.patch {
			r(c, path, v)
			return
		}
		if _, group := v.(map[string]any); group {
			r(c, path, v)
		} else {
			c.bad(path)
		}
	}
}

// scalar builds the rule of a leaf that ok must accept.
func scalar(ok func(v any) bool) rule {
	return func(c *checker, path string, v any) {
		if v != nil && !ok(v) {
			c.bad(path)
		}
	}
}

// textOK reports whether v is a string that satisfies ok.
func textOK(v any, ok func(string) bool) bool {
	s, isString := v.(string)
	return isString && ok(s)
}

// fits reports whether s has minLen to maxLen characters (characters, not bytes).
func fits(s string, minLen, maxLen int) bool {
	n := utf8.RuneCountInString(s)
	return n >= minLen && (maxLen == noLimit || n <= maxLen)
}

// textBetween accepts a string of minLen to maxLen characters.
func textBetween(minLen, maxLen int) rule {
	return scalar(func(v any) bool { return textOK(v, func(s string) bool { return fits(s, minLen, maxLen) }) })
}

// text accepts a string of at most maxLen characters (noLimit: any string).
func text(maxLen int) rule { return textBetween(0, maxLen) }

// matching accepts a string that re matches whole.
func matching(re *regexp.Regexp) rule {
	return scalar(func(v any) bool { return textOK(v, re.MatchString) })
}

// oneOf accepts exactly one of values.
func oneOf(values ...string) rule {
	return scalar(func(v any) bool { return textOK(v, func(s string) bool { return slices.Contains(values, s) }) })
}

// oneOfFold accepts one of values in any letter case.
func oneOfFold(values ...string) rule {
	return scalar(func(v any) bool {
		return textOK(v, func(s string) bool { return slices.Contains(values, strings.ToLower(s)) })
	})
}

// anyOf accepts what any of rules accepts.
func anyOf(rules ...rule) rule {
	return func(c *checker, path string, v any) {
		for _, r := range rules {
			trial := &checker{patch: c.patch}
			r(trial, path, v)
			if len(trial.invalid) == 0 {
				return
			}
		}
		c.bad(path)
	}
}

var (
	// boolean accepts a JSON boolean.
	boolean = scalar(func(v any) bool { _, ok := v.(bool); return ok })
	// flag accepts a JSON boolean and tolerates the strings "true" and "false", which the spec's
	// own examples send (tms-subresources.md §3, §10.5).
	flag = scalar(func(v any) bool { return v == true || v == false || v == "true" || v == "false" })
	// date accepts a YYYY-MM-DD calendar date.
	date = scalar(func(v any) bool {
		return textOK(v, func(s string) bool { _, err := time.Parse(time.DateOnly, s); return err == nil })
	})
	// month accepts 01 to 12 and year four digits (tms-subresources.md §4).
	month = matching(regexp.MustCompile(`^(0[1-9]|1[0-2])$`))
	year  = matching(regexp.MustCompile(`^[0-9]{4}$`))
)

// digits accepts a string of min to max decimal digits.
func digits(minLen, maxLen int) rule {
	re := regexp.MustCompile(fmt.Sprintf(`^[0-9]{%d,%d}$`, minLen, maxLen))
	return matching(re)
}
