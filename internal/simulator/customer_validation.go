package simulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// noLimit marks a writable string without a documented length limit (tms-api.md §3 "—").
const noLimit = -1

// customerGroups are the writable groups of the customer object and each field's maximum length in
// characters (tms-api.md §3).
var customerGroups = map[string]map[string]int{
	"objectInformation":          {"title": 60, "comment": 150},
	"buyerInformation":           {"merchantCustomerID": 100, "email": 255},
	"clientReferenceInformation": {"code": 50},
	"defaultPaymentInstrument":   {"id": noLimit},
	"defaultShippingAddress":     {"id": noLimit},
}

// readOnlyFields are server-owned (tms-api.md §3). A client echoing a response back would send them,
// so they are dropped rather than refused (inferred).
var readOnlyFields = map[string]bool{"id": true, "metadata": true, "_links": true, "_embedded": true}

const (
	merchantDefinedField    = "merchantDefinedInformation"
	merchantDefinedValueMax = 100
)

// merchantDefinedNames are the documented names (tms-api.md §3); anything else is refused so a
// typo in a configuration surfaces as an error instead of silently stored data (inferred).
var merchantDefinedNames = map[string]bool{
	"data1": true, "data2": true, "data3": true, "data4": true,
	"sensitive1": true, "sensitive2": true, "sensitive3": true, "sensitive4": true,
}

// validateCustomerDocument checks a POST or PATCH body against §3 and drops read-only members in
// place. null is accepted wherever a field or group may be: for PATCH it removes (RFC 7396), for
// POST it means absent. Unknown members are refused (inferred: the spec has no other fields, and a
// misspelt field silently ignored would hide client bugs). It returns the invalid field paths, sorted.
func validateCustomerDocument(doc map[string]any) []string {
	var invalid []string
	bad := func(name string) { invalid = append(invalid, name) }
	for name, value := range doc {
		switch {
		case readOnlyFields[name]:
			delete(doc, name)
		case name == merchantDefinedField:
			validateMerchantDefined(value, bad)
		case customerGroups[name] != nil:
			validateGroup(name, customerGroups[name], value, bad)
		default:
			bad(name)
		}
	}
	slices.Sort(invalid)
	return invalid
}

func validateGroup(group string, limits map[string]int, value any, bad func(string)) {
	if value == nil {
		return
	}
	fields, ok := value.(map[string]any)
	if !ok {
		bad(group)
		return
	}
	for name, v := range fields {
		limit, known := limits[name]
		path := group + "." + name
		if !known {
			bad(path)
			continue
		}
		if v == nil {
			continue
		}
		if !validString(v, limit) {
			bad(path)
		}
	}
}

// validateMerchantDefined checks the list that PATCH replaces whole (tms-api.md §3): entries of
// {name, value} with a documented name, used at most once, and value ≤ 100 characters.
func validateMerchantDefined(value any, bad func(string)) {
	if value == nil {
		return
	}
	list, ok := value.([]any)
	if !ok {
		bad(merchantDefinedField)
		return
	}
	seen := map[string]bool{}
	for i, item := range list {
		prefix := fmt.Sprintf("%s[%d]", merchantDefinedField, i)
		entry, ok := item.(map[string]any)
		if !ok {
			bad(prefix)
			continue
		}
		for key := range entry {
			if key != "name" && key != "value" {
				bad(prefix + "." + key)
			}
		}
		name, ok := entry["name"].(string)
		if !ok || !merchantDefinedNames[name] || seen[name] {
			bad(prefix + ".name")
		}
		seen[name] = true
		if !validString(entry["value"], merchantDefinedValueMax) {
			bad(prefix + ".value")
		}
	}
}

func validString(v any, limit int) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	return limit == noLimit || utf8.RuneCountInString(s) <= limit
}

// errMalformedJSON is returned for bodies that are not a JSON object (400 invalidRequest).
var errMalformedJSON = errors.New("the body is not a JSON object")

// decodeCustomerDocument parses and validates a POST or PATCH body (tms-api.md §3). An empty body is
// an empty document: "an empty body creates an empty customer".
func decodeCustomerDocument(body []byte) (map[string]any, error) {
	doc := map[string]any{}
	if len(body) > 0 {
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			return nil, errMalformedJSON
		}
		object, ok := v.(map[string]any)
		if !ok {
			return nil, errMalformedJSON
		}
		doc = object
	}
	if invalid := validateCustomerDocument(doc); len(invalid) > 0 {
		return nil, &ValidationError{Fields: invalid}
	}
	return doc, nil
}
