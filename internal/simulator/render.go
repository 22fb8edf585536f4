package simulator

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// document renders o as the API shows it: the writable members plus the server-owned id, _links
// (relative hrefs), metadata.creator (the creating merchant), the kind's fixed members, default
// for items a parent can choose, and _embedded copies of the objects it names. It reads only
// stored state, so the result does not depend on the order in which objects were re-rendered.
func (o *object) document() map[string]any {
	doc := make(map[string]any, len(o.fields)+len(o.spec.fixed)+5)
	for k, v := range o.fields {
		doc[k] = v
	}
	for k, v := range o.spec.fixed {
		doc[k] = v
	}
	doc["id"] = o.id
	doc["_links"] = o.links()
	doc["metadata"] = map[string]any{"creator": o.merchantID}
	if o.spec.defaultOf != nil {
		doc["default"] = o.parent.defaultChild(o.spec) == o
	}
	if embedded := o.embedded(); len(embedded) > 0 {
		doc["_embedded"] = embedded
	}
	return doc
}

// links are self, the parent (named after its kind: _links.customer, tms-subresources.md §3, §4)
// and the lists below o (a customer's paymentInstruments and shippingAddresses, tms-api.md §3; an
// identifier's paymentInstruments, tms-subresources.md §5).
func (o *object) links() map[string]any {
	self := o.selfPath()
	links := make(map[string]any, 2+len(o.spec.linkedLists))
	links["self"] = href(self)
	if o.parent != nil {
		links[string(o.parent.spec.kind)] = href(o.parent.selfPath())
	}
	for _, l := range o.spec.linkedLists {
		links[l.name] = href(self + "/" + l.segment)
	}
	return links
}

func href(path string) map[string]any { return map[string]any{"href": path} }

// encodeJSON is json.Marshal without the escaping of <, > and & meant for HTML: answers are not
// HTML, and the query strings of list links read better with a plain &.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// embedded holds the full current copies of the defaults a customer names (tms-api.md §3) and of
// the token a reference names (a payment instrument's instrumentIdentifier, tms-subresources.md §4).
func (o *object) embedded() map[string]any {
	embedded := map[string]any{}
	for _, child := range o.spec.defaultKinds {
		if c := o.defaultChild(child); c != nil {
			embedded[child.defaultOf.group] = c.document()
		}
	}
	if o.target != nil {
		embedded[o.spec.ref.field] = o.target.document()
	}
	return embedded
}

// selfPath is o's path: the collection path with the parent's id filled in, then the id.
func (o *object) selfPath() string {
	return o.spec.collectionPathOf(o.parentID()) + "/" + o.id
}

// collectionPathOf fills the parent's placeholder of the collection path.
func (spec *kindSpec) collectionPathOf(parentID string) string {
	if spec.parent == "" {
		return spec.collectionPath
	}
	return strings.Replace(spec.collectionPath, "{"+registry.spec(spec.parent).idParam.name+"}", parentID, 1)
}

// settle re-renders the changed objects and every live object whose rendering shows them: a
// parent (its default ids and _embedded), siblings (their default flag), children, and the
// objects referencing them along with their parents (the embedded copies). Each one whose body
// changed gets a new ETag (tms-subresources.md §6.7, §11.4), and forced gets one in any case.
func settle(forced *object, changed ...*object) error {
	var all []*object
	add := func(o *object) {
		if o != nil && !o.dead && !slices.Contains(all, o) {
			all = append(all, o)
		}
	}
	for _, o := range changed {
		add(o)
		add(o.parent)
		if o.parent != nil {
			for _, sibling := range o.parent.children {
				add(sibling)
			}
		}
		for _, child := range o.children {
			add(child)
		}
		for _, r := range o.referrers {
			add(r)
			add(r.parent)
		}
	}
	for _, o := range all {
		body, err := encodeJSON(o.document())
		if err != nil { // values decoded from JSON always encode; keep the old body regardless
			return err
		}
		if o == forced || !bytes.Equal(body, o.body) {
			o.etag = newETag()
		}
		o.body = body
	}
	return nil
}
