package simulator

import (
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testsupport"
)

func TestMatchRoute(t *testing.T) {
	const cid, sid, iid = "C1", "S1", "7010000000016241111"
	tests := []struct {
		path, route string
		ids         []string
	}{
		{"/tms/v2/customers", "customers", nil},
		{"/tms/v2/customers/" + cid, "customer", []string{cid}},
		{"/tms/v2/customers/" + cid + "/shipping-addresses", "shipping-addresses", []string{cid}},
		{"/tms/v2/customers/" + cid + "/shipping-addresses/" + sid, "shipping-address", []string{cid, sid}},
		{"/tms/v2/customers/" + cid + "/payment-instruments", "payment-instruments", []string{cid}},
		{"/tms/v2/customers/" + cid + "/payment-instruments/" + sid, "payment-instrument", []string{cid, sid}},
		{"/tms/v1/instrumentidentifiers", "instrument-identifiers", nil},
		{"/tms/v1/instrumentidentifiers/" + iid, "instrument-identifier", []string{iid}},
		{"/tms/v1/instrumentidentifiers/" + iid + "/paymentinstruments", "instrument-identifier-payment-instruments", []string{iid}},
		{"/tms/v2/customers/", "", nil},
		{"/tms/v2/customers//shipping-addresses", "", nil},
		{"/tms/v2/customers/" + cid + "/shipping-addresses/", "", nil},
		{"/tms/v2/customers/" + cid + "/shipping-addresses/" + sid + "/x", "", nil},
		{"/tms/v2/customers/" + cid + "/shippingaddresses", "", nil},
		{"/tms/v1/paymentinstruments", "", nil},
		{"/tms/v2/instrumentidentifiers", "", nil},
		{"tms/v2/customers", "", nil},
		{"/", "", nil},
		{"", "", nil},
	}
	for _, tt := range tests {
		rt, ids := matchRoute(tt.path)
		name := ""
		if rt != nil {
			name = rt.name
		}
		got := ids.values[:ids.n]
		if name != tt.route || !slices.Equal(got, tt.ids) && len(tt.ids)+len(got) > 0 {
			t.Errorf("matchRoute(%q) = %q %v, want %q %v", tt.path, name, got, tt.route, tt.ids)
		}
	}
}

// TestRequestLevelChecks runs the checks every route shares, on every route: 405 with Allow, path
// id lengths, profile-id and if-match.
func TestRequestLevelChecks(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	sid, _ := ts.post(t, addressesPath(cid), `{}`)
	pid, _ := ts.post(t, instrumentsPath(cid), instrumentBody(iid))
	long := strings.Repeat("A", 33)

	t.Run("405 with Allow", func(t *testing.T) {
		for _, tt := range []struct{ method, path, allow string }{
			{http.MethodGet, customersPath, "POST"},
			{http.MethodPut, customersPath + "/" + cid, "GET, PATCH, DELETE"},
			{http.MethodDelete, addressesPath(cid), "GET, POST"},
			{http.MethodPost, addressesPath(cid) + "/" + sid, "GET, PATCH, DELETE"},
			{http.MethodPatch, instrumentsPath(cid), "GET, POST"},
			{http.MethodGet, identifiersPath, "POST"},
			{http.MethodPost, identifierPath(iid), "GET, PATCH, DELETE"},
			{http.MethodPost, identifierPath(iid) + "/paymentinstruments", "GET"},
		} {
			a := ts.do(t, tt.method, tt.path, `{}`)
			if a.status != http.StatusMethodNotAllowed || a.header.Get("Allow") != tt.allow {
				t.Errorf("%s %s: %d Allow %q, want 405 Allow %q", tt.method, tt.path, a.status, a.header.Get("Allow"), tt.allow)
			}
		}
	})

	t.Run("path id lengths", func(t *testing.T) {
		for _, tt := range []struct{ path, param string }{
			{customersPath + "/" + long, "customerId"},
			{addressesPath(long), "customerId"},
			{addressesPath(cid) + "/" + long, "shippingAddressId"},
			{instrumentsPath(cid) + "/" + long, "paymentInstrumentId"},
			{identifierPath(long), "instrumentIdentifierId"},
			// 11 characters: below the 12 of tms-subresources.md §2a.
			{identifierPath("70100000000"), "instrumentIdentifierId"},
			{identifierPath("70100000000") + "/paymentinstruments", "instrumentIdentifierId"},
		} {
			a := ts.do(t, http.MethodGet, tt.path, "")
			a.expectError(t, http.StatusBadRequest, errInvalidRequest)
			if got := a.detailNames(t); !slices.Equal(got, []string{tt.param}) {
				t.Errorf("GET %s: details %v, want %s", tt.path, got, tt.param)
			}
		}
		// The longest and shortest ids allowed pass the check and are simply unknown.
		for _, path := range []string{customersPath + "/" + long[:32], identifierPath("701000000000"), identifierPath(long[:32])} {
			ts.do(t, http.MethodGet, path, "").expectError(t, http.StatusNotFound, errNotFound)
		}
	})

	t.Run("profile-id", func(t *testing.T) {
		for _, tt := range []struct{ method, path, body string }{
			{http.MethodGet, addressesPath(cid), ``},
			{http.MethodPost, addressesPath(cid), `{}`},
			{http.MethodPatch, addressesPath(cid) + "/" + sid, `{}`},
			{http.MethodGet, instrumentsPath(cid) + "/" + pid, ``},
			{http.MethodDelete, instrumentsPath(cid) + "/" + pid, ``},
			{http.MethodPost, identifiersPath, `{"card":{"number":"` + otherPAN + `"}}`},
			{http.MethodGet, identifierPath(iid) + "/paymentinstruments", ``},
		} {
			a := ts.do(t, tt.method, tt.path, tt.body, withHeader("profile-id", "00000000-0000-0000-0000-000000000000"))
			a.expectError(t, http.StatusFailedDependency, errNotFound)
			if ok := ts.do(t, http.MethodGet, tt.path, "", withHeader("profile-id", DemoProfileID)); ok.status == http.StatusFailedDependency {
				t.Errorf("GET %s with the merchant's profile: %s", tt.path, ok.body)
			}
		}
		if n := len(ts.Sim.IDs(KindShippingAddress, DemoMerchantID)); n != 1 {
			t.Errorf("a POST refused for its profile stored an address: %d", n)
		}
	})

	t.Run("if-match", func(t *testing.T) {
		for _, path := range []string{addressesPath(cid) + "/" + sid, instrumentsPath(cid) + "/" + pid, identifierPath(iid)} {
			etag := ts.etagOf(t, path)
			ts.do(t, http.MethodPatch, path, `{}`, withHeader("if-match", "STALE")).expectError(t, http.StatusPreconditionFailed, errConflict)
			ts.do(t, http.MethodPatch, path, `{}`, withHeader("if-match", "")).expectError(t, http.StatusBadRequest, errInvalidHeaders)
			ts.do(t, http.MethodPatch, path, `{}`, withHeader("if-match", long)).expectError(t, http.StatusBadRequest, errInvalidHeaders)
			if a := ts.do(t, http.MethodPatch, path, `{}`, withHeader("if-match", etag)); a.status != http.StatusOK || a.header.Get("ETag") != etag {
				t.Errorf("PATCH %s {} with the current ETag: %d, ETag %q -> %q (nothing changed)", path, a.status, etag, a.header.Get("ETag"))
			}
		}
	})
}

func TestBeforeHookIDs(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	sid, _ := ts.post(t, addressesPath(cid), `{}`)
	calls := recordHookCalls(ts.Sim, nil)
	ts.do(t, http.MethodPost, identifiersPath, `{"card":{"number":"`+testPAN+`"}}`)
	ts.do(t, http.MethodGet, identifierPath(iid), "")
	ts.do(t, http.MethodGet, identifierPath(iid)+"/paymentinstruments", "")
	ts.do(t, http.MethodPost, addressesPath(cid), `{}`)
	ts.do(t, http.MethodGet, addressesPath(cid), "")
	ts.do(t, http.MethodPatch, addressesPath(cid)+"/"+sid, `{}`)
	ts.do(t, http.MethodGet, instrumentsPath(cid), "")
	ts.do(t, http.MethodGet, "/tms/v2/nothing", "")  // 404 before the hook
	ts.do(t, http.MethodPut, addressesPath(cid), "") // 405 before the hook
	ts.Sim.SetBeforeHook(nil)
	want := []hookCall{
		{"POST", "instrument-identifiers", ""},
		{"GET", "instrument-identifier", iid},
		{"GET", "instrument-identifier-payment-instruments", iid},
		{"POST", "shipping-addresses", cid},
		{"GET", "shipping-addresses", cid},
		{"PATCH", "shipping-address", sid},
		{"GET", "payment-instruments", cid},
	}
	if got := calls(); !slices.Equal(got, want) {
		t.Errorf("hook calls\n%v\nwant\n%v", got, want)
	}
}

// TestEveryRouteHasFaultsStatsAndLog: the gateway's faults, the counters and the one log line per
// request cover every route, each line naming the route and the path's ids.
func TestEveryRouteHasFaultsStatsAndLog(t *testing.T) {
	logs := &testsupport.SyncBuffer{}
	ts := startServer(t, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
	cid, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	sid, _ := ts.post(t, addressesPath(cid), `{}`)
	pid, _ := ts.post(t, instrumentsPath(cid), instrumentBody(iid))
	calls := []struct {
		method, path, route string
		logged              []string // attributes the log line must carry
	}{
		{http.MethodPost, customersPath, "customers", nil},
		{http.MethodGet, customersPath + "/" + cid, "customer", []string{"customer=" + cid}},
		{http.MethodGet, addressesPath(cid), "shipping-addresses", []string{"customer=" + cid}},
		{http.MethodGet, addressesPath(cid) + "/" + sid, "shipping-address", []string{"customer=" + cid, "shipping_address=" + sid}},
		{http.MethodGet, instrumentsPath(cid), "payment-instruments", []string{"customer=" + cid}},
		{http.MethodGet, instrumentsPath(cid) + "/" + pid, "payment-instrument", []string{"customer=" + cid, "payment_instrument=" + pid}},
		{http.MethodPost, identifiersPath, "instrument-identifiers", nil},
		{http.MethodGet, identifierPath(iid), "instrument-identifier", []string{"instrument_identifier=" + iid}},
		{http.MethodGet, identifierPath(iid) + "/paymentinstruments", "instrument-identifier-payment-instruments", []string{"instrument_identifier=" + iid}},
		{http.MethodGet, "/tms/v2/tokens", "unknown", nil},
	}
	body := func(method string) string {
		if method == http.MethodPost {
			return `{"card":{"number":"` + otherPAN + `"}}`
		}
		return ""
	}
	ts.Sim.ResetStats()
	for _, c := range calls {
		a := ts.do(t, c.method, c.path, body(c.method))
		line := logLine(logs.String(), a.header.Get("v-c-correlation-id"))
		for _, want := range append([]string{"route=" + c.route, "status=" + strconv.Itoa(a.status)}, c.logged...) {
			if !strings.Contains(line, want) {
				t.Errorf("%s %s: log line lacks %s: %s", c.method, c.path, want, line)
			}
		}
		if ts.Sim.Stats().Requests[c.method+" "+c.route+" "+strconv.Itoa(a.status)] != 1 {
			t.Errorf("%s %s: not counted as %s: %v", c.method, c.path, c.route, ts.Sim.Stats().Requests)
		}
	}
	ts.Sim.SetFaults(Faults{Rate503: 1})
	for _, c := range calls {
		if a := ts.do(t, c.method, c.path, body(c.method)); a.status != http.StatusServiceUnavailable {
			t.Errorf("%s %s under a 503 fault: %d", c.method, c.path, a.status)
		}
	}
	if n := ts.Sim.Stats().FaultsInjected[Fault503]; n != len(calls) {
		t.Errorf("503 faults %d, want %d", n, len(calls))
	}
}
