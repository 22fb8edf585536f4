package simulator

import (
	"net/http"
	"strings"
)

// registry holds every kind the simulator serves and the routes derived from them. A new kind is
// one kind_*.go file declaring its *kindSpec plus one line in this list.
var registry *kindRegistry

func init() {
	// Set in init rather than in the declaration: the route handlers refer to registry, which a
	// package-level initializer may not do for the variable it initializes.
	registry = newRegistry(
		customerKind,
		shippingAddressKind,
		paymentInstrumentKind,
		instrumentIdentifierKind,
	)
}

type kindRegistry struct {
	kinds  []*kindSpec
	byKind map[Kind]*kindSpec
	params map[string]*pathParam // every kind's id placeholder, by name
	routes []*route
}

func newRegistry(kinds ...*kindSpec) *kindRegistry {
	reg := &kindRegistry{kinds: kinds, byKind: map[Kind]*kindSpec{}, params: map[string]*pathParam{}}
	for _, k := range kinds {
		reg.byKind[k.kind] = k
		reg.params[k.idParam.name] = &k.idParam
	}
	for _, k := range kinds {
		if parent := reg.byKind[k.parent]; parent != nil {
			if k.listed {
				parent.linkedLists = append(parent.linkedLists, listLink{k.listMember, lastSegment(k.collectionPath)})
			}
			if k.defaultOf != nil {
				parent.defaultKinds = append(parent.defaultKinds, k)
			}
		}
		for _, l := range k.lists {
			k.linkedLists = append(k.linkedLists, listLink{reg.byKind[l.member].listMember, l.segment})
		}
	}
	for _, k := range kinds {
		reg.addKindRoutes(k)
	}
	return reg
}

// spec returns the kind's spec, nil for an unknown kind.
func (reg *kindRegistry) spec(kind Kind) *kindSpec { return reg.byKind[kind] }

// addKindRoutes adds the routes of one kind: its collection (POST creates; GET lists when the kind
// is listed under its parent), its items (GET, PATCH, DELETE) and the lists below an item.
func (reg *kindRegistry) addKindRoutes(k *kindSpec) {
	collectionMethods := []string{http.MethodPost}
	if k.listed {
		collectionMethods = []string{http.MethodGet, http.MethodPost}
	}
	owner := reg.byKind[k.parent]
	reg.addRoute(k.collectionRoute, k.collectionPath, collectionMethods, func(s *Simulator, c call) *reply {
		if c.r.Method == http.MethodGet {
			return s.serveList(owner, k, c)
		}
		return s.serveCreate(k, c)
	})
	itemPath := k.collectionPath + "/{" + k.idParam.name + "}"
	reg.addRoute(k.itemRoute, itemPath, []string{http.MethodGet, http.MethodPatch, http.MethodDelete}, func(s *Simulator, c call) *reply {
		return s.serveItem(k, c)
	})
	for _, l := range k.lists {
		member := reg.byKind[l.member]
		reg.addRoute(l.route, itemPath+"/"+l.segment, []string{http.MethodGet}, func(s *Simulator, c call) *reply {
			return s.serveList(k, member, c)
		})
	}
}

func (reg *kindRegistry) addRoute(name, pattern string, methods []string, handle func(*Simulator, call) *reply) {
	rt := &route{name: name, methods: methods, handle: handle}
	for part := range strings.SplitSeq(strings.TrimPrefix(pattern, "/"), "/") {
		if name, isParam := strings.CutPrefix(part, "{"); isParam {
			param := reg.params[strings.TrimSuffix(name, "}")]
			if param == nil {
				panic("simulator: route " + pattern + " has a placeholder no kind declares")
			}
			rt.segments = append(rt.segments, segment{param: param})
		} else {
			rt.segments = append(rt.segments, segment{literal: part})
		}
	}
	if params := len(rt.segments) - countLiterals(rt.segments); params > maxPathParams {
		panic("simulator: route " + pattern + " has more placeholders than pathIDs holds")
	}
	reg.routes = append(reg.routes, rt)
}

func countLiterals(segments []segment) int {
	n := 0
	for _, seg := range segments {
		if seg.param == nil {
			n++
		}
	}
	return n
}

func lastSegment(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }
