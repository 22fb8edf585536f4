package simulator

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"sync"
)

// Errors of the store; handlers map them to tms-api.md §4 answers and the Go API returns them.
var (
	// ErrCustomerNotFound: no such customer for this merchant (404). Another merchant's customer
	// is reported the same way, so ids do not leak across merchants.
	ErrCustomerNotFound = errors.New("customer not found")
	// ErrCustomerDeleted: the customer was deleted (410 from then on).
	ErrCustomerDeleted = errors.New("customer deleted")
	// errStaleETag: the if-match value is not the current ETag (412).
	errStaleETag = errors.New("stale if-match")
)

// ValidationError lists the fields a body got wrong (the details of a 400 invalidFields answer).
type ValidationError struct{ Fields []string }

func (e *ValidationError) Error() string {
	return "invalid fields: " + strings.Join(e.Fields, ", ")
}

// customerRecord is one stored customer. body is the rendered API JSON, refreshed on every change so
// that reads (the hot path of every benchmark) only copy bytes.
type customerRecord struct {
	id, merchantID string
	fields         map[string]any // the writable §3 fields, validated and pruned
	etag           string
	body           []byte
	// Sub-resources that can appear in _embedded; seeded through the Go API until the simulator
	// serves the sub-resource endpoints (tms-api.md §1 "for later work").
	instruments map[string]map[string]any
	addresses   map[string]map[string]any
}

// customerView is a consistent copy of what a handler needs from a record.
type customerView struct {
	id, etag string
	body     []byte
}

func (rec *customerRecord) view() customerView {
	return customerView{id: rec.id, etag: rec.etag, body: rec.body}
}

// store holds every merchant's customers. Ids are globally unique; each record remembers its
// merchant so lookups are scoped (tms-api.md §1: a customer belongs to the merchant that made it).
type store struct {
	mu        sync.RWMutex
	customers map[string]*customerRecord
	deleted   map[string]string // id -> merchant, for 410 after delete
}

func newStore() *store {
	return &store{customers: map[string]*customerRecord{}, deleted: map[string]string{}}
}

// lookup must be called with mu held.
func (st *store) lookup(merchantID, id string) (*customerRecord, error) {
	if rec := st.customers[id]; rec != nil && rec.merchantID == merchantID {
		return rec, nil
	}
	if st.deleted[id] == merchantID {
		return nil, ErrCustomerDeleted
	}
	return nil, ErrCustomerNotFound
}

// create stores a validated document. Default ids cannot refer to anything yet, since a new
// customer has no payment instruments or shipping addresses.
func (st *store) create(merchantID string, doc map[string]any) (customerView, error) {
	rec := &customerRecord{id: newTokenID(), merchantID: merchantID, etag: newETag()}
	rec.fields = pruneEmpty(mergePatch(nil, doc))
	if err := rec.checkDefaults(); err != nil {
		return customerView{}, err
	}
	if err := rec.render(); err != nil {
		return customerView{}, err
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.customers[rec.id] = rec
	return rec.view(), nil
}

func (st *store) get(merchantID, id string) (customerView, error) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	rec, err := st.lookup(merchantID, id)
	if err != nil {
		return customerView{}, err
	}
	return rec.view(), nil
}

// patch applies a validated merge patch. ifMatch, when not empty, must be the current ETag. The
// ETag changes whenever the stored customer changes, or always when forceNewETag is set (an
// out-of-band writer the client cannot see).
func (st *store) patch(merchantID, id, ifMatch string, patch map[string]any, forceNewETag bool) (customerView, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	rec, err := st.lookup(merchantID, id)
	if err != nil {
		return customerView{}, err
	}
	if ifMatch != "" && ifMatch != rec.etag {
		return customerView{}, errStaleETag
	}
	updated := *rec
	updated.fields = pruneEmpty(mergePatch(rec.fields, patch))
	if err := updated.checkDefaults(); err != nil {
		return customerView{}, err
	}
	if err := updated.render(); err != nil {
		return customerView{}, err
	}
	if forceNewETag || string(updated.body) != string(rec.body) {
		updated.etag = newETag()
	}
	*rec = updated
	return rec.view(), nil
}

func (st *store) remove(merchantID, id string) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if _, err := st.lookup(merchantID, id); err != nil {
		return err
	}
	delete(st.customers, id)
	st.deleted[id] = merchantID
	return nil
}

// bodies returns the current customers of one merchant, sorted by id.
func (st *store) bodies(merchantID string) []json.RawMessage {
	st.mu.RLock()
	defer st.mu.RUnlock()
	var out []json.RawMessage
	for _, id := range st.idsLocked(merchantID) {
		out = append(out, json.RawMessage(st.customers[id].body))
	}
	return out
}

func (st *store) ids(merchantID string) []string {
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.idsLocked(merchantID)
}

func (st *store) idsLocked(merchantID string) []string {
	var ids []string
	for id, rec := range st.customers {
		if rec.merchantID == merchantID {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// byMerchant returns every merchant's current customers, for the stats endpoint.
func (st *store) byMerchant() map[string][]json.RawMessage {
	st.mu.RLock()
	merchants := map[string]bool{}
	for _, rec := range st.customers {
		merchants[rec.merchantID] = true
	}
	st.mu.RUnlock()
	out := make(map[string][]json.RawMessage, len(merchants))
	for m := range merchants {
		out[m] = st.bodies(m)
	}
	return out
}

func (st *store) count() int {
	st.mu.RLock()
	defer st.mu.RUnlock()
	return len(st.customers)
}
