package simulator

import (
	"encoding/json"
	"fmt"
)

// The Go API below lets tests set up and inspect state, and change it behind a client's back. It
// bypasses authentication, faults and the counters, and works the same for every kind.

// Seed stores an object as if merchantID had POSTed body to the kind's collection: below the
// customer parentID for shipping addresses and payment instruments, with parentID "" for
// customers and instrument identifiers. The API's rules apply: validation (a *ValidationError),
// the first item becoming its customer's default, and an instrument identifier for a card number
// the merchant already tokenized being that identifier (its id is returned, nothing is created).
func (s *Simulator) Seed(kind Kind, merchantID, parentID string, body []byte) (id string, err error) {
	spec, err := specFor(kind)
	if err != nil {
		return "", err
	}
	if (spec.parent == "") != (parentID == "") {
		return "", fmt.Errorf("a %s needs a parent id exactly when it lives under a %s", kind, KindCustomer)
	}
	w, err := s.store.decodeWrite(spec, merchantID, body, false)
	if err != nil {
		return "", err
	}
	v, _, err := s.store.create(spec, merchantID, parentID, w)
	return v.id, err
}

// Modify applies a JSON Merge Patch out of band, as another system would. The object always gets a
// new ETag, so a client's if-match becomes stale; objects whose rendering the change affects get
// new ones too. "default": true makes an address or payment instrument its customer's default. It
// returns ErrNotFound, ErrDeleted or a *ValidationError.
func (s *Simulator) Modify(kind Kind, merchantID, id string, mergePatch []byte) error {
	spec, err := specFor(kind)
	if err != nil {
		return err
	}
	w, err := s.store.decodeWrite(spec, merchantID, mergePatch, true)
	if err != nil {
		return err
	}
	_, err = s.store.patch(spec, merchantID, "", id, "", w, true)
	return err
}

// Remove deletes an object out of band: the API's 409 rules do not apply, while its cascades do
// (a customer's addresses and payment instruments, a payment instrument's identifier that nothing
// else references, and an identifier's payment instruments). Every removed id answers 410 from
// then on.
func (s *Simulator) Remove(kind Kind, merchantID, id string) error {
	spec, err := specFor(kind)
	if err != nil {
		return err
	}
	return s.store.remove(spec, merchantID, "", id, false)
}

// Objects returns the merchant's current objects of a kind as GET returns them, sorted by id.
// Instrument identifiers keep the relative links they have when embedded: their absolute links
// name the host of the request that reads them.
func (s *Simulator) Objects(kind Kind, merchantID string) []json.RawMessage {
	return s.store.bodies(kind, merchantID)
}

// IDs returns the merchant's current object ids of a kind, sorted.
func (s *Simulator) IDs(kind Kind, merchantID string) []string { return s.store.ids(kind, merchantID) }

func specFor(kind Kind) (*kindSpec, error) {
	if spec := registry.spec(kind); spec != nil {
		return spec, nil
	}
	return nil, fmt.Errorf("unknown kind %q", kind)
}

// Customers is Objects(KindCustomer, merchantID).
func (s *Simulator) Customers(merchantID string) []json.RawMessage {
	return s.Objects(KindCustomer, merchantID)
}

// CustomerIDs is IDs(KindCustomer, merchantID).
func (s *Simulator) CustomerIDs(merchantID string) []string { return s.IDs(KindCustomer, merchantID) }

// SeedCustomer is Seed(KindCustomer, merchantID, "", body).
func (s *Simulator) SeedCustomer(merchantID string, body []byte) (string, error) {
	return s.Seed(KindCustomer, merchantID, "", body)
}

// ModifyCustomer is Modify(KindCustomer, merchantID, id, mergePatch).
func (s *Simulator) ModifyCustomer(merchantID, id string, mergePatch []byte) error {
	return s.Modify(KindCustomer, merchantID, id, mergePatch)
}

// RemoveCustomer is Remove(KindCustomer, merchantID, id).
func (s *Simulator) RemoveCustomer(merchantID, id string) error {
	return s.Remove(KindCustomer, merchantID, id)
}
