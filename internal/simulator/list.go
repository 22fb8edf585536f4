package simulator

import (
	"cmp"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// Paging limits of the list operations (tms-subresources.md §2b).
const (
	defaultListLimit = 20
	maxListLimit     = 100
)

// page is one list request's window.
type page struct{ offset, limit int }

// parsePage reads offset (≥ 0, default 0) and limit (1–100, default 20); anything else is a 400
// naming the parameter. Other query parameters, such as the Node SDK's _= cache-buster or
// retrieveBinDetails, are ignored (tms-subresources.md §10.7, §11.10).
func parsePage(q url.Values) (page, *reply) {
	p := page{offset: 0, limit: defaultListLimit}
	for _, param := range []struct {
		name     string
		min, max int
		into     *int
	}{
		{"offset", 0, -1, &p.offset},
		{"limit", 1, maxListLimit, &p.limit},
	} {
		if !q.Has(param.name) {
			continue
		}
		n, err := strconv.Atoi(q.Get(param.name))
		if err != nil || n < param.min || (param.max >= 0 && n > param.max) {
			return page{}, errorReply(http.StatusBadRequest, errInvalidRequest, param.name+" is out of range",
				fieldDetail{Name: param.name, Location: "query"})
		}
		*param.into = n
	}
	return p, nil
}

// listBody is a list answer (tms-subresources.md §3.1, §4.1). An empty list has no _embedded
// (inferred: §3.1 allows an empty or absent one).
type listBody struct {
	Links    map[string]any               `json:"_links"`
	Offset   int                          `json:"offset"`
	Limit    int                          `json:"limit"`
	Count    int                          `json:"count"`
	Total    int                          `json:"total"`
	Embedded map[string][]json.RawMessage `json:"_embedded,omitempty"`
}

// serveList answers GET on a list of member objects below one owner object: a customer's addresses
// or payment instruments, or an identifier's payment instruments. Lists carry X-Total-Count and no
// ETag (tms-subresources.md §2d).
func (s *Simulator) serveList(owner, member *kindSpec, c call) *reply {
	p, rep := parsePage(c.r.URL.Query())
	if rep != nil {
		return rep
	}
	ownerID := c.ids.last()
	items, total, err := s.store.list(owner, member, c.merchantID, ownerID, p)
	if err != nil {
		return storeErrorReply(err)
	}
	body := listBody{
		Links:  pageLinks(c.r.URL.Path, p, total),
		Offset: p.offset, Limit: p.limit, Count: len(items), Total: total,
	}
	if len(items) > 0 {
		body.Embedded = map[string][]json.RawMessage{member.listMember: items}
	}
	encoded, err := encodeJSON(body)
	if err != nil {
		return storeErrorReply(err)
	}
	return &reply{status: http.StatusOK, body: encoded, header: http.Header{"X-Total-Count": {strconv.Itoa(total)}}}
}

// pageLinks are relative hrefs carrying offset and limit: self, first and last always, prev and
// next when such a page exists. Pages start at multiples of limit from first, and prev steps back
// by limit from the current offset (inferred: tms-subresources.md §3.1 shows only the shape).
func pageLinks(path string, p page, total int) map[string]any {
	at := func(offset int) map[string]any {
		return href(path + "?offset=" + strconv.Itoa(offset) + "&limit=" + strconv.Itoa(p.limit))
	}
	lastOffset := 0
	if total > 0 {
		lastOffset = (total - 1) / p.limit * p.limit
	}
	links := map[string]any{"self": at(p.offset), "first": at(0), "last": at(lastOffset)}
	if p.offset > 0 {
		links["prev"] = at(max(0, p.offset-p.limit))
	}
	if p.offset < total-p.limit { // not offset+limit: a huge offset must not overflow
		links["next"] = at(p.offset + p.limit)
	}
	return links
}

// list returns one page of the member objects below an owner and how many there are in all: the
// owner's children of that kind, or the objects referencing it. A parent's default comes first,
// then creation order (tms-subresources.md §3.1, §4.1).
func (st *store) list(owner, member *kindSpec, merchantID, ownerID string, p page) (bodies []json.RawMessage, total int, err error) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	o, err := st.find(owner, merchantID, "", ownerID)
	if err != nil {
		return nil, 0, err
	}
	var items []*object
	for _, related := range [][]*object{o.children, o.referrers} {
		for _, x := range related {
			if x.spec == member {
				items = append(items, x)
			}
		}
	}
	slices.SortFunc(items, func(a, b *object) int { return cmp.Compare(a.seq, b.seq) })
	if member.defaultOf != nil {
		if d := o.defaultChild(member); d != nil {
			i := slices.Index(items, d)
			items = slices.Insert(slices.Delete(items, i, i+1), 0, d)
		}
	}
	total = len(items)
	start := min(p.offset, total)
	for _, x := range items[start : start+min(p.limit, total-start)] {
		bodies = append(bodies, json.RawMessage(x.body))
	}
	return bodies, total, nil
}
