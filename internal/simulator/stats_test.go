package simulator

import (
	"crypto/tls"
	"io"
	"maps"
	"net/http"
	"sync"
	"testing"
)

func TestStats(t *testing.T) {
	ts := startServer(t, Options{})
	id, _ := ts.create(t, `{}`)
	ts.get(t, id)
	ts.get(t, id)
	ts.request(t, http.MethodGet, customersPath+"/"+id, nil, signSpec{cred: otherCred})
	ts.request(t, http.MethodGet, customersPath+"/"+id, nil, signSpec{}, withHeader("Signature", "garbage"))
	ts.request(t, http.MethodPost, customersPath, []byte(`{}`), signSpec{cred: otherCred})

	st := ts.Sim.Stats()
	wantRequests := map[string]int{
		"POST customers 201": 2,
		"GET customer 200":   2,
		"GET customer 404":   1,
		"GET customer 401":   1,
	}
	for k, n := range wantRequests {
		if st.Requests[k] != n {
			t.Errorf("Requests[%q] = %d, want %d (all: %v)", k, st.Requests[k], n, st.Requests)
		}
	}
	if len(st.Requests) != len(wantRequests) {
		t.Errorf("Requests %v", st.Requests)
	}
	if st.ByMethod["GET"] != 4 || st.ByMethod["POST"] != 2 {
		t.Errorf("ByMethod %v", st.ByMethod)
	}
	// One keep-alive client: one connection for all six requests.
	if st.ConnectionsAccepted != 1 {
		t.Errorf("ConnectionsAccepted %d, want 1", st.ConnectionsAccepted)
	}
	if st.TLSConnections != 0 || st.CustomersStored != 2 || st.CustomersCreated != 2 {
		t.Errorf("stats %+v", st)
	}

	var got struct {
		Stats
		Customers map[string][]map[string]any `json:"customers"`
	}
	ts.adminStats(t, &got)
	if got.Requests["GET customer 200"] != 2 || got.CustomersStored != 2 {
		t.Errorf("stats endpoint %+v", got.Stats)
	}
	if len(got.Customers[DemoMerchantID]) != 1 || got.Customers[DemoMerchantID][0]["id"] != id || len(got.Customers[OtherMerchantID]) != 1 {
		t.Errorf("customers per merchant %v", got.Customers)
	}
	if after := ts.Sim.Stats(); after.Requests["GET customer 200"] != 2 || after.ByMethod["GET"] != 4 {
		t.Errorf("the stats endpoint counted itself: %+v", after)
	}

	ts.Sim.ResetStats()
	st = ts.Sim.Stats()
	if len(st.Requests) != 0 || len(st.ByMethod) != 0 || st.ConnectionsAccepted != 0 || st.CustomersCreated != 0 || st.CustomersStored != 2 {
		t.Errorf("after ResetStats: %+v (customers must stay)", st)
	}
}

func TestSimulatorRoutes(t *testing.T) {
	ts := startServer(t, Options{})
	for _, tt := range []struct {
		method, path string
		status       int
	}{
		{http.MethodGet, "/__simulator/stats", 200},
		{http.MethodPost, "/__simulator/stats", 405},
		{http.MethodGet, "/__simulator/nothing", 404},
	} {
		req, err := http.NewRequest(tt.method, ts.URL+tt.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := ts.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, resp.StatusCode, tt.status)
		}
	}
}

func TestTLSServer(t *testing.T) {
	srv := startTLS(t)
	if srv.CertPool() == nil || len(srv.CertPEM) == 0 {
		t.Fatal("no certificate for a TLS server")
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: srv.CertPool()}}}
	ts := &testServer{Server: srv, client: client, host: srv.URL[len("https://"):]}
	id, _ := ts.create(t, `{}`)
	if g := ts.get(t, id); g.status != http.StatusOK {
		t.Fatalf("GET over TLS: %d", g.status)
	}
	// A client that does not trust the certificate fails the handshake.
	if resp, err := (&http.Client{Transport: &http.Transport{}}).Get(srv.URL + "/__simulator/stats"); err == nil {
		_ = resp.Body.Close()
		t.Error("an untrusting client connected")
	}
	st := srv.Sim.Stats()
	if st.TLSConnections != 1 || st.ConnectionsAccepted != 2 {
		t.Errorf("TLSConnections %d (want 1 completed handshake), ConnectionsAccepted %d (want 2)", st.TLSConnections, st.ConnectionsAccepted)
	}
}

func TestStartRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:0"} {
		if srv, err := StartAt(addr, Options{}, false); err == nil {
			_ = srv.Close()
			t.Errorf("StartAt(%q) listened", addr)
		}
	}
	for _, addr := range []string{"localhost:0", "[::1]:0"} {
		srv, err := StartAt(addr, Options{}, false)
		if err != nil {
			// ::1 may be unavailable in a container; loopback refusal is what matters here.
			t.Logf("StartAt(%q): %v", addr, err)
			continue
		}
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	}
}

// TestTLSServerSpeaksHTTP2 checks that the TLS server offers HTTP/2 by ALPN and that the counters
// see one connection and one handshake when an HTTP/2 client multiplexes parallel requests.
func TestTLSServerSpeaksHTTP2(t *testing.T) {
	srv := startTLS(t)
	client := &http.Client{Transport: &http.Transport{
		ForceAttemptHTTP2: true,
		TLSClientConfig:   &tls.Config{RootCAs: srv.CertPool()},
	}}
	// get returns the negotiated protocol of one request.
	get := func() (string, error) {
		resp, err := client.Get(srv.URL + "/__simulator/stats")
		if err != nil {
			return "", err
		}
		proto := resp.Proto
		if resp.TLS != nil {
			proto += " " + resp.TLS.NegotiatedProtocol
		}
		return proto, resp.Body.Close()
	}
	// The first request sets the connection up; parallel ones then share it.
	proto, err := get()
	if err != nil {
		t.Fatal(err)
	}
	if proto != "HTTP/2.0 h2" {
		t.Fatalf("protocol %q, want HTTP/2.0 negotiated as h2", proto)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Go(func() {
			if _, err := get(); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	st := srv.Sim.Stats()
	if st.ConnectionsAccepted != 1 || st.TLSConnections != 1 {
		t.Errorf("ConnectionsAccepted %d, TLSConnections %d: want 1 and 1 for 21 multiplexed requests", st.ConnectionsAccepted, st.TLSConnections)
	}
}

// startTLS starts a TLS simulator with the demo merchants and closes it when the test ends.
func startTLS(t *testing.T) *Server {
	t.Helper()
	srv, err := Start(Options{}, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	})
	return srv
}

// TestStatsPerKind: the counters and the stats endpoint cover every kind.
func TestStatsPerKind(t *testing.T) {
	ts := startServer(t, Options{})
	cid, _ := ts.create(t, `{}`)
	iid := ts.identifier(t, testPAN)
	ts.identifier(t, testPAN) // 200: nothing created
	ts.post(t, addressesPath(cid), `{}`)
	ts.post(t, addressesPath(cid), `{}`)
	ts.post(t, instrumentsPath(cid), instrumentBody(iid))
	ts.do(t, http.MethodGet, addressesPath(cid), "")
	ts.do(t, http.MethodGet, identifierPath(iid)+"/paymentinstruments", "")
	if _, err := ts.Sim.Seed(KindShippingAddress, OtherMerchantID, mustSeedCustomer(t, ts.Sim, OtherMerchantID), nil); err != nil {
		t.Fatal(err)
	}

	st := ts.Sim.Stats()
	wantStored := map[Kind]int{KindCustomer: 2, KindShippingAddress: 3, KindPaymentInstrument: 1, KindInstrumentIdentifier: 1}
	wantCreated := map[Kind]int{KindCustomer: 1, KindShippingAddress: 2, KindPaymentInstrument: 1, KindInstrumentIdentifier: 1}
	if !maps.Equal(st.ObjectsStored, wantStored) || !maps.Equal(st.ObjectsCreated, wantCreated) {
		t.Errorf("stored %v created %v, want %v and %v (seeding counts as stored, not created)", st.ObjectsStored, st.ObjectsCreated, wantStored, wantCreated)
	}
	if st.CustomersStored != 2 || st.CustomersCreated != 1 {
		t.Errorf("CustomersStored %d CustomersCreated %d", st.CustomersStored, st.CustomersCreated)
	}
	for key, n := range map[string]int{"POST shipping-addresses 201": 2, "GET shipping-addresses 200": 1, "POST payment-instruments 201": 1,
		"POST instrument-identifiers 201": 1, "POST instrument-identifiers 200": 1, "GET instrument-identifier-payment-instruments 200": 1} {
		if st.Requests[key] != n {
			t.Errorf("Requests[%q] = %d, want %d (all: %v)", key, st.Requests[key], n, st.Requests)
		}
	}

	var got struct {
		Stats
		Objects map[Kind]map[string][]map[string]any `json:"objects"`
	}
	ts.adminStats(t, &got)
	for kind, n := range map[Kind]int{KindCustomer: 1, KindShippingAddress: 2, KindPaymentInstrument: 1, KindInstrumentIdentifier: 1} {
		if len(got.Objects[kind][DemoMerchantID]) != n {
			t.Errorf("stats endpoint: %d %s objects of %s, want %d", len(got.Objects[kind][DemoMerchantID]), kind, DemoMerchantID, n)
		}
	}
	if len(got.Objects[KindShippingAddress][OtherMerchantID]) != 1 || got.ObjectsStored[KindShippingAddress] != 3 {
		t.Errorf("stats endpoint: %v", got.Objects)
	}
	ts.Sim.ResetStats()
	if st := ts.Sim.Stats(); st.ObjectsCreated[KindShippingAddress] != 0 || st.ObjectsStored[KindShippingAddress] != 3 {
		t.Errorf("after ResetStats: created %v stored %v", st.ObjectsCreated, st.ObjectsStored)
	}
}

func mustSeedCustomer(t *testing.T, sim *Simulator, merchantID string) string {
	t.Helper()
	id, err := sim.SeedCustomer(merchantID, nil)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
