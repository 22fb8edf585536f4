package simulator

import (
	"maps"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"testing"
)

func TestPageLinks(t *testing.T) {
	tests := []struct {
		name                 string
		offset, limit, total int
		want                 map[string]int // link name → offset
	}{
		{"empty", 0, 20, 0, map[string]int{"self": 0, "first": 0, "last": 0}},
		{"one page", 0, 20, 5, map[string]int{"self": 0, "first": 0, "last": 0}},
		{"exactly one page", 0, 5, 5, map[string]int{"self": 0, "first": 0, "last": 0}},
		{"first of three", 0, 2, 5, map[string]int{"self": 0, "first": 0, "next": 2, "last": 4}},
		{"middle", 2, 2, 5, map[string]int{"self": 2, "first": 0, "prev": 0, "next": 4, "last": 4}},
		{"last", 4, 2, 5, map[string]int{"self": 4, "first": 0, "prev": 2, "last": 4}},
		{"unaligned offset", 3, 2, 6, map[string]int{"self": 3, "first": 0, "prev": 1, "next": 5, "last": 4}},
		{"prev never below zero", 1, 5, 6, map[string]int{"self": 1, "first": 0, "prev": 0, "last": 5}},
		{"past the end", 10, 2, 5, map[string]int{"self": 10, "first": 0, "prev": 8, "last": 4}},
		{"largest offset", math.MaxInt, 100, 5, map[string]int{"self": math.MaxInt, "first": 0, "prev": math.MaxInt - 100, "last": 0}},
	}
	const path = "/tms/v2/customers/C/shipping-addresses"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links := pageLinks(path, page{tt.offset, tt.limit}, tt.total)
			got := map[string]int{}
			for name, link := range links {
				href, _ := dig(link, "href").(string)
				u, err := url.Parse(href)
				if err != nil || u.Path != path || u.Query().Get("limit") != strconv.Itoa(tt.limit) {
					t.Fatalf("%s href %v", name, link)
				}
				got[name], _ = strconv.Atoi(u.Query().Get("offset"))
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("links %v, want %v", got, tt.want)
			}
		})
	}
}

func TestListPaging(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	var ids []string
	for range 5 {
		id, _ := ts.post(t, addressesPath(cid), `{}`)
		ids = append(ids, id)
	}
	list := func(query string) (answer, []string) {
		a := ts.do(t, http.MethodGet, addressesPath(cid)+query, "")
		return a, a.embeddedIDs(t, "shippingAddresses")
	}
	tests := []struct {
		query                string
		offset, limit, count int
		want                 []string
	}{
		{"", 0, 20, 5, ids},
		{"?limit=2", 0, 2, 2, ids[:2]},
		{"?offset=2&limit=2", 2, 2, 2, ids[2:4]},
		{"?offset=4&limit=2", 4, 2, 1, ids[4:]},
		{"?offset=5", 5, 20, 0, nil},
		{"?offset=99&limit=100", 99, 100, 0, nil},
		{"?offset=9223372036854775807&limit=100", 9223372036854775807, 100, 0, nil}, // no overflow
		{"?limit=1&_=1700000000000&retrieveBinDetails=true", 0, 1, 1, ids[:1]},      // unknown parameters are ignored
	}
	for _, tt := range tests {
		a, got := list(tt.query)
		body := a.json(t)
		if a.status != http.StatusOK || !slices.Equal(got, tt.want) {
			t.Errorf("GET %s: %d %v, want %v", tt.query, a.status, got, tt.want)
		}
		if body["offset"] != float64(tt.offset) || body["limit"] != float64(tt.limit) || body["count"] != float64(tt.count) ||
			body["total"] != 5.0 || a.header.Get("X-Total-Count") != "5" {
			t.Errorf("GET %s: offset %v limit %v count %v total %v X-Total-Count %q", tt.query, body["offset"], body["limit"], body["count"], body["total"], a.header.Get("X-Total-Count"))
		}
		if a.header.Get("ETag") != "" {
			t.Errorf("GET %s: a list carries an ETag", tt.query)
		}
		if (tt.count == 0) != (body["_embedded"] == nil) {
			t.Errorf("GET %s: _embedded %v with count %d", tt.query, body["_embedded"], tt.count)
		}
	}

	for _, query := range []string{"?offset=-1", "?offset=x", "?offset=", "?limit=0", "?limit=101", "?limit=-5", "?limit=1.5", "?limit="} {
		a := ts.do(t, http.MethodGet, addressesPath(cid)+query, "")
		a.expectError(t, http.StatusBadRequest, errInvalidRequest)
		name, _ := url.ParseQuery(query[1:])
		if got := a.detailNames(t); len(name) != 1 || !slices.Equal(got, slices.Collect(maps.Keys(name))) {
			t.Errorf("GET %s: details %v", query, got)
		}
	}
	for _, query := range []string{"?limit=1", "?limit=100", "?offset=0"} {
		if a := ts.do(t, http.MethodGet, addressesPath(cid)+query, ""); a.status != http.StatusOK {
			t.Errorf("GET %s: %d", query, a.status)
		}
	}
}

func TestEmptyList(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	for _, path := range []string{addressesPath(cid), instrumentsPath(cid), identifierPath(iid) + "/paymentinstruments"} {
		a := ts.do(t, http.MethodGet, path, "")
		want := map[string]any{
			"_links": map[string]any{
				"self":  map[string]any{"href": path + "?offset=0&limit=20"},
				"first": map[string]any{"href": path + "?offset=0&limit=20"},
				"last":  map[string]any{"href": path + "?offset=0&limit=20"},
			},
			"offset": 0.0, "limit": 20.0, "count": 0.0, "total": 0.0,
		}
		if a.status != http.StatusOK || !jsonEqual(a.json(t), want) || a.header.Get("X-Total-Count") != "0" {
			t.Errorf("GET %s: %d %s (X-Total-Count %q)", path, a.status, a.body, a.header.Get("X-Total-Count"))
		}
	}
}
