package client

import (
	"bytes"
	"encoding/json"
	"errors"
)

// MergePatch is a JSON Merge Patch (RFC 7396) body for a PATCH request (tms-api.md §3). It is
// computed by diffing the JSON encodings of the current and the desired object, so it works for
// every API type without a field list:
//
//   - only what differs is sent: a changed leaf with its new value, a removed leaf as null, and a
//     group that disappears entirely as null on the group;
//   - arrays are sent whole on any change (merge patch replaces arrays whole, so sending only
//     the changed entry would drop the others), and null when they become empty;
//   - empty groups and empty arrays count as absent, so "unset" never turns into an empty object;
//   - members keep the order of the type's fields, so bodies are deterministic and read like the
//     API documentation in logs.
//
// The zero value is an empty patch that marshals to {}.
type MergePatch struct {
	body []byte // compact JSON object; nil when empty
}

// IsEmpty reports whether the patch changes nothing; the caller can then skip the request.
func (p MergePatch) IsEmpty() bool { return len(p.body) == 0 }

// MarshalJSON renders the merge-patch document.
func (p MergePatch) MarshalJSON() ([]byte, error) {
	if p.IsEmpty() {
		return []byte("{}"), nil
	}
	return bytes.Clone(p.body), nil
}

// newMergePatch diffs the encodings of current and desired (values of the same type, with
// read-only fields already cleared). wholeGroups names top-level groups that are sent complete
// whenever any of their members changes, with null for the members that went away: for
// sub-resources CyberSource does not document whether PATCH merges or replaces nested objects
// (tms-subresources.md §6.5), and a complete group gives the same result under both readings.
func newMergePatch(current, desired any, wholeGroups ...string) (MergePatch, error) {
	currentMembers, err := encodeMembers(current)
	if err != nil {
		return MergePatch{}, err
	}
	desiredMembers, err := encodeMembers(desired)
	if err != nil {
		return MergePatch{}, err
	}
	whole := map[string]bool{}
	for _, g := range wholeGroups {
		whole[g] = true
	}
	changes, err := diffMembers(currentMembers, desiredMembers, whole)
	if err != nil || len(changes) == 0 {
		return MergePatch{}, err
	}
	return MergePatch{body: encodeObject(changes)}, nil
}

// member is one key of a JSON object with its raw (compact) value, in document order.
type member struct {
	key   string
	value json.RawMessage
}

var jsonNull = json.RawMessage("null")

// encodeMembers marshals v and returns its members with empty groups and arrays pruned.
func encodeMembers(v any) ([]member, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	members, isObject, err := decodeMembers(raw)
	if err != nil {
		return nil, err
	}
	if !isObject {
		return nil, errors.New("client: a merge patch needs JSON objects to compare")
	}
	return pruneMembers(members)
}

// decodeMembers splits a JSON object into its members in order; isObject is false for any other
// JSON value (including null).
func decodeMembers(raw json.RawMessage) (members []member, isObject bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, false, err
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		return nil, false, nil
	}
	for dec.More() {
		keyToken, err := dec.Token()
		if err != nil {
			return nil, true, err
		}
		key, _ := keyToken.(string) // object keys are always strings
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, true, err
		}
		members = append(members, member{key: key, value: value})
	}
	return members, true, nil
}

// pruneMembers drops null values, empty objects and empty arrays, recursively through objects.
func pruneMembers(members []member) ([]member, error) {
	kept := members[:0:0]
	for _, m := range members {
		switch {
		case bytes.Equal(m.value, jsonNull), bytes.Equal(m.value, []byte("[]")):
			continue
		case len(m.value) > 0 && m.value[0] == '{':
			nested, _, err := decodeMembers(m.value)
			if err != nil {
				return nil, err
			}
			if nested, err = pruneMembers(nested); err != nil {
				return nil, err
			}
			if len(nested) == 0 {
				continue
			}
			m.value = encodeObject(nested)
		}
		kept = append(kept, m)
	}
	return kept, nil
}

// diffMembers returns the merge patch that turns current into desired, in field order.
func diffMembers(current, desired []member, wholeGroups map[string]bool) ([]member, error) {
	currentByKey := indexMembers(current)
	desiredByKey := indexMembers(desired)
	var changes []member
	for _, key := range unionKeys(current, desired) {
		was, hadIt := currentByKey[key]
		want, wantIt := desiredByKey[key]
		switch {
		case !wantIt:
			changes = append(changes, member{key: key, value: jsonNull})
		case !hadIt:
			changes = append(changes, member{key: key, value: want})
		case bytes.Equal(was, want):
		case isObject(was) && isObject(want):
			wasMembers, _, err := decodeMembers(was)
			if err != nil {
				return nil, err
			}
			wantMembers, _, err := decodeMembers(want)
			if err != nil {
				return nil, err
			}
			if wholeGroups[key] {
				changes = append(changes, member{key: key, value: encodeObject(completeGroup(wasMembers, wantMembers))})
				continue
			}
			nested, err := diffMembers(wasMembers, wantMembers, nil)
			if err != nil {
				return nil, err
			}
			if len(nested) > 0 {
				changes = append(changes, member{key: key, value: encodeObject(nested)})
			}
		default: // scalars, arrays, or a change of JSON type: replaced whole
			changes = append(changes, member{key: key, value: want})
		}
	}
	return changes, nil
}

// completeGroup is desired with null for every member of current it no longer has.
func completeGroup(current, desired []member) []member {
	desiredByKey := indexMembers(desired)
	out := make([]member, 0, len(current)+len(desired))
	for _, key := range unionKeys(current, desired) {
		if value, ok := desiredByKey[key]; ok {
			out = append(out, member{key: key, value: value})
		} else {
			out = append(out, member{key: key, value: jsonNull})
		}
	}
	return out
}

// unionKeys lists the keys of both objects once each. Both encode the same Go type, so their
// keys are subsequences of its field order; walking current and emitting desired's keys up to
// each shared one merges them into that order.
func unionKeys(current, desired []member) []string {
	inDesired := make(map[string]int, len(desired))
	for i, m := range desired {
		inDesired[m.key] = i
	}
	keys := make([]string, 0, len(current)+len(desired))
	next := 0 // first desired member not yet emitted
	for _, m := range current {
		i, shared := inDesired[m.key]
		if !shared {
			keys = append(keys, m.key)
			continue
		}
		for ; next <= i; next++ {
			keys = append(keys, desired[next].key)
		}
	}
	for ; next < len(desired); next++ {
		keys = append(keys, desired[next].key)
	}
	return keys
}

func indexMembers(members []member) map[string]json.RawMessage {
	index := make(map[string]json.RawMessage, len(members))
	for _, m := range members {
		index[m.key] = m.value
	}
	return index
}

func isObject(raw json.RawMessage) bool { return len(raw) > 0 && raw[0] == '{' }

// encodeObject writes members as a compact JSON object. Keys are re-encoded with encoding/json
// so that escaping matches the values'.
func encodeObject(members []member) []byte {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			buf.WriteByte(',')
		}
		key, _ := json.Marshal(m.key) // a string always marshals
		buf.Write(key)
		buf.WriteByte(':')
		buf.Write(m.value)
	}
	buf.WriteByte('}')
	return buf.Bytes()
}
