package simulator

// Kind names a kind of stored token. The values are the API's own object names, so they read
// naturally as the keys of Stats.ObjectsStored and of the stats endpoint's objects.
type Kind string

// The kinds the simulator serves (tms-api.md §1, tms-subresources.md §1).
const (
	KindCustomer             Kind = "customer"
	KindShippingAddress      Kind = "shippingAddress"
	KindPaymentInstrument    Kind = "paymentInstrument"
	KindInstrumentIdentifier Kind = "instrumentIdentifier"
)

// kindSpec is everything that makes one kind different from another. The store, the routes and the
// handlers are written once against it, so the kinds differ only in this data and in the few hooks
// below; each kind's spec lives in a kind_*.go file of its own and is listed once in registry.
type kindSpec struct {
	kind Kind
	// parent is the kind this one lives under (its paths carry the parent's id); "" at the top.
	parent Kind

	// collectionPath is the collection's path pattern, with the parent's {placeholder} if any.
	collectionPath string
	// idParam is the placeholder naming one item, with its length limits.
	idParam pathParam
	// collectionRoute and itemRoute name the two routes in stats and logs.
	collectionRoute, itemRoute string
	// listed: GET on the collection lists the parent's items of this kind.
	listed bool
	// listMember names a list of this kind: its _embedded member and the owner's _links entry.
	listMember string
	// lists are further lists served below one item of this kind.
	lists []ownedList
	// newID makes a fresh id in the kind's documented shape.
	newID func() string
	// absoluteLinks: the kind's own answers carry absolute _links hrefs; copies embedded in other
	// objects keep relative ones (tms-subresources.md §5, §10.4).
	absoluteLinks bool

	// schema checks the writable members of POST and PATCH bodies.
	schema schema
	// dropped are members removed from request bodies before validation: server-owned ones a
	// client echoing a response would send, and known harmless strays.
	dropped []string
	// required are dotted paths every stored object must have (400 missingFields without them).
	required []string
	// writeOnly are dotted paths that are validated and then never stored nor returned.
	writeOnly []string
	// fixed are server-set members of every rendering (object, state).
	fixed map[string]any

	// defaultOf, when set, makes one item per parent that parent's default.
	defaultOf *defaultRole
	// ref, when set, makes every item point at a token of another kind.
	ref *reference
	// inUse, when set, refuses to DELETE an item that other objects reference.
	inUse *conflictError
	// prepare, when set, rewrites a validated POST document in place and returns its key in the
	// de-duplication index ("" for none). index turns secret material into that key.
	prepare func(doc map[string]any, index func(material string) string) (uniqueKey string)

	// Derived by newRegistry from the other kinds.
	linkedLists  []listLink  // the lists reachable from one item, for its _links
	defaultKinds []*kindSpec // child kinds whose default this kind names
}

// pathParam is one {placeholder} of a path and the length its value must have
// (tms-api.md §1, tms-subresources.md §2a).
type pathParam struct {
	name     string
	min, max int
	logKey   string // the attribute naming it in the request log
}

// defaultRole describes a kind whose parent names one of its items as the default
// (tms-subresources.md §6.1, §6.2).
type defaultRole struct {
	// group is the parent's member that names the default by id, e.g. defaultShippingAddress
	// (tms-api.md §3); the parent embeds the default under the same name.
	group string
	// conflict is the 409 message for deleting the default while the parent has others.
	conflict string
}

// reference describes a kind whose items point at a token of another kind through a {"id": …}
// member, e.g. a payment instrument's instrumentIdentifier (tms-subresources.md §4).
type reference struct {
	field string // the member holding the id; the target is embedded under the same name
	kind  Kind
}

// ownedList is a list served below one item: GET <item path>/<segment> lists the objects of kind
// member that point at the item (tms-subresources.md §1d).
type ownedList struct {
	segment string
	member  Kind
	route   string
}

// listLink is one entry of an item's _links that names a list below it.
type listLink struct{ name, segment string }
