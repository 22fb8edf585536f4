package simulator

import (
	"net/http"
	"strings"
)

// routeUnknown is the stats and log name of every path no route serves.
const routeUnknown = "unknown"

// route is one path pattern the simulator serves: its stats and log name, the methods it serves
// (the rest get 405 with Allow) and its handler, which runs after the request-level checks.
type route struct {
	name     string
	segments []segment
	methods  []string
	handle   func(s *Simulator, c call) *reply
}

// segment is one literal path segment or one {placeholder}.
type segment struct {
	literal string
	param   *pathParam
}

// maxPathParams is the most placeholders a route has: a customer id and an item id.
const maxPathParams = 2

// pathIDs are the values a request's path gives a route's placeholders, in path order.
type pathIDs struct {
	values [maxPathParams]string
	params [maxPathParams]*pathParam
	n      int
}

// last is the id the path ends with: the item's on an item route, the owner's on a list below an
// item or a customer; "" on a top-level collection.
func (p *pathIDs) last() string {
	if p.n == 0 {
		return ""
	}
	return p.values[p.n-1]
}

// parent is the customer id in an item path below a customer, "" otherwise.
func (p *pathIDs) parent() string {
	if p.n < 2 {
		return ""
	}
	return p.values[0]
}

// matchRoute finds the route serving path; nil when none does.
func matchRoute(path string) (*route, pathIDs) {
	for _, rt := range registry.routes {
		if ids, ok := rt.match(path); ok {
			return rt, ids
		}
	}
	return nil, pathIDs{}
}

// match compares path with the route's segments without allocating: this runs on every request.
// A placeholder never matches an empty segment, so a trailing slash is an unknown path.
func (rt *route) match(path string) (pathIDs, bool) {
	var ids pathIDs
	rest := path
	for _, seg := range rt.segments {
		var found bool
		if rest, found = strings.CutPrefix(rest, "/"); !found {
			return ids, false
		}
		part := rest
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			part, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		switch {
		case seg.param == nil:
			if part != seg.literal {
				return ids, false
			}
		case part == "":
			return ids, false
		default:
			ids.values[ids.n], ids.params[ids.n] = part, seg.param
			ids.n++
		}
	}
	return ids, rest == ""
}

// call is one authenticated request on a matched route, after the request-level checks.
type call struct {
	r          *http.Request
	merchantID string
	body       []byte
	ids        pathIDs
	ifMatch    string // PATCH only; "" when not sent
}
