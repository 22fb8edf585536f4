package simulator

import (
	"encoding/json"
	"errors"
	"strings"
)

// ValidationError lists the fields a body got wrong: the details of a 400 answer, invalidFields
// or, when Missing is set, missingFields (tms-api.md §4, tms-subresources.md §8).
type ValidationError struct {
	Fields  []string
	Missing bool
}

func (e *ValidationError) Error() string {
	if e.Missing {
		return "missing fields: " + strings.Join(e.Fields, ", ")
	}
	return "invalid fields: " + strings.Join(e.Fields, ", ")
}

// errMalformedJSON is returned for bodies that are not a JSON object (400 invalidRequest).
var errMalformedJSON = errors.New("the body is not a JSON object")

// write is a validated POST or PATCH body, ready for the store.
type write struct {
	// fields are the writable members: a whole document on POST, a merge patch on PATCH.
	fields map[string]any
	// makeDefault is "default": true, an instruction rather than a stored field: which item is
	// the default is held by the parent (tms-subresources.md §6.1).
	makeDefault bool
	// uniqueKey is the object's key in the de-duplication index, "" for none.
	uniqueKey string
}

// decodeWrite turns a request body into a write: it parses the body (empty means {}, as an empty
// body creates an empty customer, tms-api.md §3), drops the kind's server-owned members, checks
// the rest against the kind's schema, drops write-only members, takes out the default
// instruction and lets the kind prepare what it stores.
func (st *store) decodeWrite(spec *kindSpec, merchantID string, body []byte, patch bool) (write, error) {
	doc := map[string]any{}
	if len(body) > 0 {
		if err := json.Unmarshal(body, &doc); err != nil || doc == nil {
			return write{}, errMalformedJSON
		}
	}
	for _, name := range spec.dropped {
		delete(doc, name)
	}
	if invalid := spec.schema.check(doc, patch); len(invalid) > 0 {
		return write{}, &ValidationError{Fields: invalid}
	}
	for _, path := range spec.writeOnly {
		deletePath(doc, path)
	}
	w := write{fields: doc}
	if spec.defaultOf != nil {
		// "default": false is ignored: an item that is the default stays the default, since a
		// customer with items always has one (inferred; tms-subresources.md §6.1 leaves it
		// undocumented). A customer PATCH that sets the default group to null can still clear it.
		v := doc["default"]
		delete(doc, "default")
		w.makeDefault = v == true || v == "true"
	}
	if spec.prepare != nil && !patch {
		w.uniqueKey = spec.prepare(doc, func(material string) string { return st.indexKey(merchantID, material) })
	}
	return w, nil
}

// lookupPath returns the value at a dotted path of nested objects, or nil.
func lookupPath(doc map[string]any, path string) any {
	var v any = doc
	for name := range strings.SplitSeq(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[name]
	}
	return v
}

// deletePath removes the member at a dotted path, if there is one.
func deletePath(doc map[string]any, path string) {
	parent, name := doc, path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		parent, _ = lookupPath(doc, path[:i]).(map[string]any)
		name = path[i+1:]
	}
	delete(parent, name)
}

// idIn returns the id a {"id": …} group names.
func idIn(fields map[string]any, group string) (string, bool) {
	id, ok := lookupPath(fields, group+".id").(string)
	return id, ok
}

// missingPaths returns the required paths that fields lack.
func missingPaths(fields map[string]any, required []string) []string {
	var missing []string
	for _, path := range required {
		if lookupPath(fields, path) == nil {
			missing = append(missing, path)
		}
	}
	return missing
}
