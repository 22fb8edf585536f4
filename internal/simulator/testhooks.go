package simulator

import "encoding/json"

// Customers returns the merchant's current customers in API JSON shape (as GET returns them),
// sorted by id.
func (s *Simulator) Customers(merchantID string) []json.RawMessage { return s.store.bodies(merchantID) }

// CustomerIDs returns the merchant's current customer ids, sorted.
func (s *Simulator) CustomerIDs(merchantID string) []string { return s.store.ids(merchantID) }

// SeedCustomer stores a customer as if merchantID had POSTed body, without authentication, faults
// or stats. Invalid bodies give a *ValidationError.
func (s *Simulator) SeedCustomer(merchantID string, body []byte) (string, error) {
	doc, err := decodeCustomerDocument(body)
	if err != nil {
		return "", err
	}
	view, err := s.store.create(merchantID, doc)
	return view.id, err
}

// ModifyCustomer applies a JSON Merge Patch out of band, as another system would, and always gives
// the customer a new ETag so a client's if-match becomes stale. It returns ErrCustomerNotFound,
// ErrCustomerDeleted or a *ValidationError.
func (s *Simulator) ModifyCustomer(merchantID, id string, mergePatch []byte) error {
	doc, err := decodeCustomerDocument(mergePatch)
	if err != nil {
		return err
	}
	_, err = s.store.patch(merchantID, id, "", doc, true)
	return err
}

// RemoveCustomer deletes a customer out of band; the API answers 410 for it from then on.
func (s *Simulator) RemoveCustomer(merchantID, id string) error {
	return s.store.remove(merchantID, id)
}
