package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// pagedServer serves a list of n shipping addresses of customer C1 in pages, the way
// tms-subresources.md §3.1 describes, with knobs for the ways a server can end a list.
type pagedServer struct {
	n           int
	omitTotal   bool // no total member: the walk must stop on a missing next link
	omitNext    bool // no next link even when more exists: the walk stops there
	neverEnding bool // always a full page with a next link
}

func (p pagedServer) serve(t *testing.T, rec *recorder) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rr := rec.record(r)
		if problem := verifyHTTPSignature(rr, testSecret, testMerchantID); problem != "" {
			t.Errorf("page request %s: %s", r.URL.RequestURI(), problem)
		}
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		end := min(offset+limit, p.n)
		if p.neverEnding {
			end = offset + limit
		}
		items := []string{}
		for i := offset; i < end; i++ {
			items = append(items, fmt.Sprintf(`{"id":"SA%d","default":%t}`, i, i == 0))
		}
		links := map[string]any{"self": map[string]string{"href": r.URL.RequestURI()}}
		if (end < p.n || p.neverEnding) && !p.omitNext {
			links["next"] = map[string]string{"href": fmt.Sprintf("%s?offset=%d&limit=%d", r.URL.Path, end, limit)}
		}
		page := map[string]any{"_links": links, "offset": offset, "limit": limit, "count": len(items)}
		if !p.omitTotal {
			page["total"] = p.n
		}
		if len(items) > 0 {
			page["_embedded"] = map[string]json.RawMessage{"shippingAddresses": json.RawMessage("[" + strings.Join(items, ",") + "]")}
		}
		w.Header().Set(headerCorrelationID, "corr-"+strconv.Itoa(offset))
		_ = json.NewEncoder(w).Encode(page)
	}
}

func TestListWalksEveryPage(t *testing.T) {
	tests := []struct {
		name       string
		server     pagedServer
		wantItems  int
		wantPages  int
		wantOffset []string // offsets requested, in order
	}{
		{name: "empty", server: pagedServer{n: 0}, wantItems: 0, wantPages: 1, wantOffset: []string{"0"}},
		{name: "one page", server: pagedServer{n: 3}, wantItems: 3, wantPages: 1, wantOffset: []string{"0"}},
		{name: "exactly one full page", server: pagedServer{n: 100}, wantItems: 100, wantPages: 1, wantOffset: []string{"0"}},
		{name: "three pages", server: pagedServer{n: 205}, wantItems: 205, wantPages: 3, wantOffset: []string{"0", "100", "200"}},
		{name: "no total: next link decides", server: pagedServer{n: 150, omitTotal: true}, wantItems: 150, wantPages: 2, wantOffset: []string{"0", "100"}},
		{name: "no next link: stop", server: pagedServer{n: 150, omitNext: true, omitTotal: true}, wantItems: 100, wantPages: 1, wantOffset: []string{"0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			srv := startServer(t, tt.server.serve(t, &rec))
			c := newTestClient(t, testConfig(srv.URL))
			list, err := c.ShippingAddresses().List(t.Context(), "C1", CallOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Items) != tt.wantItems || list.Pages != tt.wantPages || len(list.CorrelationIDs) != tt.wantPages {
				t.Errorf("got %d items in %d pages (%v), want %d in %d", len(list.Items), list.Pages, list.CorrelationIDs, tt.wantItems, tt.wantPages)
			}
			for i, item := range list.Items {
				if want := fmt.Sprintf("SA%d", i); item.ID == nil || *item.ID != want {
					t.Fatalf("item %d = %v, want %s (order kept)", i, item.ID, want)
				}
			}
			requests := rec.all()
			if len(requests) != len(tt.wantOffset) {
				t.Fatalf("%d requests, want %d", len(requests), len(tt.wantOffset))
			}
			for i, rr := range requests {
				if rr.RawPath != "/tms/v2/customers/C1/shipping-addresses" {
					t.Errorf("request %d path %q", i, rr.RawPath)
				}
				if got := rr.Query.Get("offset"); got != tt.wantOffset[i] || rr.Query.Get("limit") != "100" {
					t.Errorf("request %d query %v, want offset=%s limit=100", i, rr.Query, tt.wantOffset[i])
				}
			}
		})
	}
}

func TestListThatNeverEndsIsAnError(t *testing.T) {
	var rec recorder
	srv := startServer(t, pagedServer{neverEnding: true, omitTotal: true}.serve(t, &rec))
	_, err := newTestClient(t, testConfig(srv.URL)).PaymentInstruments().List(t.Context(), "C1", CallOptions{})
	if err == nil || !strings.Contains(err.Error(), "did not end") {
		t.Fatalf("err = %v, want a list that did not end", err)
	}
	if rec.count() != maxListPages {
		t.Errorf("%d requests, want the %d-page bound", rec.count(), maxListPages)
	}
}

func TestListWithUndecodablePage(t *testing.T) {
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"count":1,"_embedded":{"shippingAddresses":{"not":"a list"}}}`))
	})
	_, err := newTestClient(t, testConfig(srv.URL)).ShippingAddresses().List(t.Context(), "C1", CallOptions{})
	var tErr *TransportError
	if !asError(err, &tErr) || tErr.Failure() != FailureUnusableAnswer || MayHaveBeenApplied(err) {
		t.Errorf("err = %v, want an unusable answer of a GET (never applied)", err)
	}
}
