package client

import (
	"bytes"
	"encoding/json"
	"slices"
)

// CustomerPatch is a JSON Merge Patch (RFC 7396) body for PATCH
// /tms/v2/customers/{id} (tms-api.md §3). NewCustomerPatch(current, desired)
// returns only what differs: changed leaves, null for removed fields (null on
// a group when the whole group goes), and the whole merchantDefinedInformation
// list when it changes (null when it becomes empty/unset), because merge
// patch replaces arrays whole. Read-only fields (id, metadata, _links,
// _embedded) are never patched.
//
// The zero value is an empty patch that marshals to {}.
type CustomerPatch struct {
	members []patchMember
}

// patchMember is one key of a merge-patch object. value is nil (JSON null),
// a string, a []MerchantDefinedField, or a []patchMember (nested object).
// An ordered slice rather than a map keeps the body deterministic and in the
// same order as the API documentation, which makes logs easy to read.
type patchMember struct {
	key   string
	value any
}

// patchLeaf is one writable string field of a group.
type patchLeaf struct {
	key              string
	current, desired *string
}

// NewCustomerPatch computes the merge patch that turns current into desired.
// A nil current means "nothing known" (everything desired is sent); a nil
// desired means "remove every writable field".
func NewCustomerPatch(current, desired *Customer) CustomerPatch {
	if current == nil {
		current = &Customer{}
	}
	if desired == nil {
		desired = &Customer{}
	}
	var p CustomerPatch
	p.addGroup("objectInformation",
		patchLeaf{"title", objectTitle(current), objectTitle(desired)},
		patchLeaf{"comment", objectComment(current), objectComment(desired)},
	)
	p.addGroup("buyerInformation",
		patchLeaf{"merchantCustomerID", buyerMerchantCustomerID(current), buyerMerchantCustomerID(desired)},
		patchLeaf{"email", buyerEmail(current), buyerEmail(desired)},
	)
	p.addGroup("clientReferenceInformation",
		patchLeaf{"code", clientReferenceCode(current), clientReferenceCode(desired)},
	)
	p.addMerchantDefined(current.MerchantDefinedInformation, desired.MerchantDefinedInformation)
	p.addGroup("defaultPaymentInstrument",
		patchLeaf{"id", referenceID(current.DefaultPaymentInstrument), referenceID(desired.DefaultPaymentInstrument)},
	)
	p.addGroup("defaultShippingAddress",
		patchLeaf{"id", referenceID(current.DefaultShippingAddress), referenceID(desired.DefaultShippingAddress)},
	)
	return p
}

// IsEmpty reports whether the patch changes nothing; the provider can then
// skip the PATCH request entirely.
func (p CustomerPatch) IsEmpty() bool { return len(p.members) == 0 }

// MarshalJSON renders the merge-patch document.
func (p CustomerPatch) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	if err := writePatchObject(&buf, p.members); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// addGroup adds one object-valued member. A group that disappears entirely
// becomes null (RFC 7396 removes the whole object); otherwise only changed
// leaves are sent, with null for leaves that are no longer set.
func (p *CustomerPatch) addGroup(key string, leaves ...patchLeaf) {
	currentSet, desiredSet := false, false
	for _, l := range leaves {
		currentSet = currentSet || l.current != nil
		desiredSet = desiredSet || l.desired != nil
	}
	if !desiredSet {
		if currentSet {
			p.members = append(p.members, patchMember{key: key, value: nil})
		}
		return
	}
	var changed []patchMember
	for _, l := range leaves {
		switch {
		case l.desired != nil && (l.current == nil || *l.current != *l.desired):
			changed = append(changed, patchMember{key: l.key, value: *l.desired})
		case l.desired == nil && l.current != nil:
			changed = append(changed, patchMember{key: l.key, value: nil})
		}
	}
	if len(changed) > 0 {
		p.members = append(p.members, patchMember{key: key, value: changed})
	}
}

// addMerchantDefined sends the whole list on any change because merge patch
// replaces arrays whole; sending only the changed entry would drop the rest.
func (p *CustomerPatch) addMerchantDefined(current, desired []MerchantDefinedField) {
	if slices.Equal(current, desired) {
		return
	}
	switch {
	case len(desired) == 0 && len(current) == 0:
		// nil versus empty slice: no difference on the wire.
	case len(desired) == 0:
		p.members = append(p.members, patchMember{key: "merchantDefinedInformation", value: nil})
	default:
		p.members = append(p.members, patchMember{key: "merchantDefinedInformation", value: slices.Clone(desired)})
	}
}

func writePatchObject(buf *bytes.Buffer, members []patchMember) error {
	buf.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			buf.WriteByte(',')
		}
		key, err := json.Marshal(m.key)
		if err != nil {
			return err
		}
		buf.Write(key)
		buf.WriteByte(':')
		if nested, ok := m.value.([]patchMember); ok {
			if err := writePatchObject(buf, nested); err != nil {
				return err
			}
			continue
		}
		value, err := json.Marshal(m.value)
		if err != nil {
			return err
		}
		buf.Write(value)
	}
	buf.WriteByte('}')
	return nil
}

// Field accessors that tolerate nil groups, so the diff reads as a table.

func objectTitle(c *Customer) *string {
	if c.ObjectInformation == nil {
		return nil
	}
	return c.ObjectInformation.Title
}

func objectComment(c *Customer) *string {
	if c.ObjectInformation == nil {
		return nil
	}
	return c.ObjectInformation.Comment
}

func buyerMerchantCustomerID(c *Customer) *string {
	if c.BuyerInformation == nil {
		return nil
	}
	return c.BuyerInformation.MerchantCustomerID
}

func buyerEmail(c *Customer) *string {
	if c.BuyerInformation == nil {
		return nil
	}
	return c.BuyerInformation.Email
}

func clientReferenceCode(c *Customer) *string {
	if c.ClientReferenceInformation == nil {
		return nil
	}
	return c.ClientReferenceInformation.Code
}

func referenceID(r *Reference) *string {
	if r == nil {
		return nil
	}
	return r.ID
}
