package simulator

import (
	"encoding/json"
	"errors"
	"maps"
)

// subResourceKind describes one kind of object that can be a customer's default and appear in its
// _embedded (tms-api.md §3). The sub-resource endpoints are not served yet (§1 "for later work"),
// so such objects are seeded through the Go API to let clients test _embedded handling.
type subResourceKind struct {
	defaultGroup string                                           // the customer's group naming the default
	collection   func(*customerRecord) *map[string]map[string]any // where the record keeps them
	defaults     map[string]any                                   // members filled in when absent
}

var subResourceKinds = []subResourceKind{
	{
		defaultGroup: "defaultPaymentInstrument",
		collection:   func(rec *customerRecord) *map[string]map[string]any { return &rec.instruments },
		defaults:     map[string]any{"object": "paymentInstrument", "state": "ACTIVE"},
	},
	{
		defaultGroup: "defaultShippingAddress",
		collection:   func(rec *customerRecord) *map[string]map[string]any { return &rec.addresses },
	},
}

// SeedPaymentInstrument stores a payment instrument on a customer, as a JSON object in the shape of
// _embedded.defaultPaymentInstrument (card data masked; no card number). Missing id, object, state
// and metadata.creator are filled in. Like TMS, the first one becomes the customer's default. The
// customer gets a new ETag. It returns the instrument id.
func (s *Simulator) SeedPaymentInstrument(merchantID, customerID string, instrument []byte) (string, error) {
	return s.store.addSubResource(merchantID, customerID, instrument, subResourceKinds[0])
}

// SeedShippingAddress is SeedPaymentInstrument for shipping addresses
// (_embedded.defaultShippingAddress shape).
func (s *Simulator) SeedShippingAddress(merchantID, customerID string, address []byte) (string, error) {
	return s.store.addSubResource(merchantID, customerID, address, subResourceKinds[1])
}

func (st *store) addSubResource(merchantID, customerID string, raw []byte, kind subResourceKind) (string, error) {
	var obj map[string]any
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return "", errors.New("the object must be a JSON object")
	}
	id, _ := obj["id"].(string)
	if id == "" {
		id = newTokenID()
		obj["id"] = id
	}
	for k, v := range kind.defaults {
		if _, set := obj[k]; !set {
			obj[k] = v
		}
	}
	obj["metadata"] = map[string]any{"creator": merchantID}

	st.mu.Lock()
	defer st.mu.Unlock()
	rec, err := st.lookup(merchantID, customerID)
	if err != nil {
		return "", err
	}
	updated := *rec
	collection := kind.collection(&updated)
	*collection = maps.Clone(*collection)
	if *collection == nil {
		*collection = map[string]map[string]any{}
	}
	(*collection)[id] = obj
	if _, hasDefault := defaultID(updated.fields, kind.defaultGroup); !hasDefault {
		updated.fields = mergePatch(updated.fields, map[string]any{kind.defaultGroup: map[string]any{"id": id}})
	}
	if err := updated.render(); err != nil {
		return "", err
	}
	updated.etag = newETag()
	*rec = updated
	return id, nil
}
