package simulator

import (
	"cmp"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"sync"
)

// Errors of the store; handlers map them to answers (tms-api.md §4) and the Go API returns them.
var (
	// ErrNotFound: no such object for this merchant, under this parent (404). Another merchant's
	// object, or another customer's, is reported the same way so ids do not leak
	// (tms-subresources.md §6.8).
	ErrNotFound = errors.New("not found")
	// ErrDeleted: the object was deleted (410 from then on).
	ErrDeleted = errors.New("deleted")
	// ErrCustomerNotFound and ErrCustomerDeleted are the customer-era names of the two errors.
	ErrCustomerNotFound = ErrNotFound
	ErrCustomerDeleted  = ErrDeleted
	// errStaleETag: the if-match value is not the current ETag (412).
	errStaleETag = errors.New("stale if-match")
)

// conflictError is a 409 refusal to delete (tms-subresources.md §6.2, §6.4).
type conflictError struct{ errType, message string }

func (e *conflictError) Error() string { return e.message }

// object is one stored token of any kind. body is its rendered API JSON, refreshed whenever what it
// shows changes, so that reads (the hot path of every benchmark) only copy bytes.
type object struct {
	spec       *kindSpec
	id         string
	merchantID string
	seq        uint64         // creation order, for lists
	fields     map[string]any // the writable members, validated and pruned
	etag       string
	body       []byte
	dead       bool // removed, or being removed by a cascade

	parent    *object   // the customer of an address or payment instrument
	children  []*object // a customer's addresses and payment instruments, in creation order
	target    *object   // the token a reference names (a payment instrument's identifier)
	referrers []*object // the objects whose reference names this one
	uniqueKey string    // the key in the de-duplication index, "" for none
}

func (o *object) parentID() string {
	if o.parent == nil {
		return ""
	}
	return o.parent.id
}

// view is a consistent copy of what a handler needs from an object.
type view struct {
	id, etag string
	body     []byte
}

func (o *object) view() view { return view{id: o.id, etag: o.etag, body: o.body} }

type objectKey struct {
	kind Kind
	id   string
}

// tombstone remembers a deleted object's owners, so that only they get 410 for it.
type tombstone struct{ merchantID, parentID string }

// store holds every merchant's objects under one lock. Ids are unique per kind; each object
// remembers its merchant and parent so that lookups are scoped to them.
type store struct {
	mu      sync.RWMutex
	objects map[objectKey]*object
	deleted map[objectKey]tombstone
	unique  map[string]*object // de-duplication index: key → object
	stored  map[Kind]int
	seq     uint64
	// indexSecret keys the de-duplication index, so that the index holds no value from which a
	// card number could be recovered by hashing candidates.
	indexSecret []byte
}

func newStore() *store {
	secret := make([]byte, 32)
	_, _ = rand.Read(secret) // crypto/rand never fails (it aborts the process instead)
	return &store{
		objects:     map[objectKey]*object{},
		deleted:     map[objectKey]tombstone{},
		unique:      map[string]*object{},
		stored:      map[Kind]int{},
		indexSecret: secret,
	}
}

// indexKey is the de-duplication key of secret material, scoped to the merchant: an HMAC, so the
// material itself is never kept.
func (st *store) indexKey(merchantID, material string) string {
	mac := hmac.New(sha256.New, st.indexSecret)
	mac.Write([]byte(merchantID))
	mac.Write([]byte{0})
	mac.Write([]byte(material))
	return hex.EncodeToString(mac.Sum(nil))
}

// find looks up a live object; parentID, when not empty, must be its parent's id, and that parent
// must be alive: an item under a deleted customer answers like the customer. Call with mu held.
func (st *store) find(spec *kindSpec, merchantID, parentID, id string) (*object, error) {
	if parentID != "" {
		if _, err := st.find(registry.spec(spec.parent), merchantID, "", parentID); err != nil {
			return nil, err
		}
	}
	key := objectKey{spec.kind, id}
	if o := st.objects[key]; o != nil && o.merchantID == merchantID && (parentID == "" || o.parentID() == parentID) {
		return o, nil
	}
	if t, ok := st.deleted[key]; ok && t.merchantID == merchantID && (parentID == "" || t.parentID == parentID) {
		return nil, ErrDeleted
	}
	return nil, ErrNotFound
}

func (st *store) get(spec *kindSpec, merchantID, parentID, id string) (view, error) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	o, err := st.find(spec, merchantID, parentID, id)
	if err != nil {
		return view{}, err
	}
	return o.view(), nil
}

// freshID returns an id of the kind that no live or deleted object has. Call with mu held.
func (st *store) freshID(spec *kindSpec) string {
	for {
		key := objectKey{spec.kind, spec.newID()}
		if _, live := st.objects[key]; !live {
			if _, gone := st.deleted[key]; !gone {
				return key.id
			}
		}
	}
}

// merchantObjects returns one merchant's live objects of a kind, sorted by id. Call with mu held.
func (st *store) merchantObjects(kind Kind, merchantID string) []*object {
	var out []*object
	for key, o := range st.objects {
		if key.kind == kind && o.merchantID == merchantID {
			out = append(out, o)
		}
	}
	sortByID(out)
	return out
}

func sortByID(objects []*object) {
	slices.SortFunc(objects, func(a, b *object) int { return cmp.Compare(a.id, b.id) })
}

// bodies returns one merchant's objects of a kind as GET shows them, sorted by id.
func (st *store) bodies(kind Kind, merchantID string) []json.RawMessage {
	st.mu.RLock()
	defer st.mu.RUnlock()
	var out []json.RawMessage
	for _, o := range st.merchantObjects(kind, merchantID) {
		out = append(out, json.RawMessage(o.body))
	}
	return out
}

// ids returns one merchant's object ids of a kind, sorted.
func (st *store) ids(kind Kind, merchantID string) []string {
	st.mu.RLock()
	defer st.mu.RUnlock()
	var out []string
	for _, o := range st.merchantObjects(kind, merchantID) {
		out = append(out, o.id)
	}
	return out
}

// byMerchant returns every merchant's objects of every kind, for the stats endpoint.
func (st *store) byMerchant() map[Kind]map[string][]json.RawMessage {
	st.mu.RLock()
	defer st.mu.RUnlock()
	grouped := map[Kind]map[string][]*object{}
	for _, spec := range registry.kinds {
		grouped[spec.kind] = map[string][]*object{}
	}
	for key, o := range st.objects {
		grouped[key.kind][o.merchantID] = append(grouped[key.kind][o.merchantID], o)
	}
	out := make(map[Kind]map[string][]json.RawMessage, len(grouped))
	for kind, merchants := range grouped {
		out[kind] = make(map[string][]json.RawMessage, len(merchants))
		for m, objects := range merchants {
			sortByID(objects)
			for _, o := range objects {
				out[kind][m] = append(out[kind][m], json.RawMessage(o.body))
			}
		}
	}
	return out
}

// counts returns how many objects of each kind are stored now.
func (st *store) counts() map[Kind]int {
	st.mu.RLock()
	defer st.mu.RUnlock()
	out := make(map[Kind]int, len(registry.kinds))
	for _, spec := range registry.kinds {
		out[spec.kind] = st.stored[spec.kind]
	}
	return out
}
