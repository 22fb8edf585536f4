package simulator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

const (
	maxIfMatchLen = 32 // tms-api.md §2, tms-subresources.md §2c
	profileIDLen  = 36 // tms-api.md §2
)

// dispatch runs an authenticated request: the request-level checks in the order a gateway would
// make them (route, method, path ids, profile, headers), the same for every route, then the before
// hook, then the route's handler.
func (s *Simulator) dispatch(r *http.Request, rt *route, ids pathIDs, merchantID string, body []byte) *reply {
	if rt == nil {
		return errorReply(http.StatusNotFound, errNotFound, "No such resource")
	}
	if !slices.Contains(rt.methods, r.Method) {
		rep := errorReply(http.StatusMethodNotAllowed, errInvalidRequest, "Method "+r.Method+" is not allowed here")
		rep.header = http.Header{"Allow": {strings.Join(rt.methods, ", ")}}
		return rep
	}
	if rep := checkPathIDs(&ids); rep != nil {
		return rep
	}
	if rep := s.checkProfileID(r, merchantID); rep != nil {
		return rep
	}
	c := call{r: r, merchantID: merchantID, body: body, ids: ids}
	if r.Method == http.MethodPatch {
		var rep *reply
		if c.ifMatch, rep = ifMatchHeader(r); rep != nil {
			return rep
		}
	}
	s.runBeforeHook(r.Method, rt.name, ids.last())
	return rt.handle(s, c)
}

// checkPathIDs answers 400 for a path id outside its documented length (tms-api.md §1,
// tms-subresources.md §2a).
func checkPathIDs(ids *pathIDs) *reply {
	for i := range ids.n {
		p, n := ids.params[i], len(ids.values[i])
		var problem string
		switch {
		case n > p.max:
			problem = fmt.Sprintf("%s is longer than %d characters", p.name, p.max)
		case n < p.min:
			problem = fmt.Sprintf("%s is shorter than %d characters", p.name, p.min)
		default:
			continue
		}
		return errorReply(http.StatusBadRequest, errInvalidRequest, problem, fieldDetail{Name: p.name, Location: "path"})
	}
	return nil
}

// checkProfileID answers 424 notFound "Profile not found" for a profile-id of the wrong length or
// one the merchant does not have (tms-api.md §2, §4). The header is optional.
func (s *Simulator) checkProfileID(r *http.Request, merchantID string) *reply {
	values := r.Header.Values("profile-id")
	if len(values) == 0 {
		return nil
	}
	if len(values[0]) == profileIDLen && s.creds.profiles[merchantID][values[0]] {
		return nil
	}
	return errorReply(http.StatusFailedDependency, errNotFound, msgProfileNotFound)
}

// ifMatchHeader returns a PATCH's if-match value, "" when none was sent (tms-api.md §2).
func ifMatchHeader(r *http.Request) (string, *reply) {
	// Quotes are tolerated in case a client quotes the ETag as RFC 9110 would (inferred).
	ifMatch := strings.Trim(r.Header.Get("if-match"), `"`)
	if len(ifMatch) > maxIfMatchLen {
		return "", errorReply(http.StatusBadRequest, errInvalidHeaders, "if-match is longer than 32 characters",
			fieldDetail{Name: "if-match", Location: "header"})
	}
	// Optional but, when sent, 1–32 characters: an empty one must not quietly turn a conditional
	// update into an unconditional one.
	if _, sent := r.Header["If-Match"]; sent && ifMatch == "" {
		return "", errorReply(http.StatusBadRequest, errInvalidHeaders, "if-match must not be empty",
			fieldDetail{Name: "if-match", Location: "header"})
	}
	return ifMatch, nil
}
