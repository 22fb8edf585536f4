package simulator

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func TestFaultsBeforeProcessing(t *testing.T) {
	tests := []struct {
		name       string
		faults     Faults
		status     int
		retryAfter string
	}{
		{"429 with Retry-After", Faults{Rate429: 1, RetryAfter: 2 * time.Second}, 429, "2"},
		{"429 rounds Retry-After up", Faults{Rate429: 1, RetryAfter: 1500 * time.Millisecond}, 429, "2"},
		{"429 default Retry-After", Faults{Rate429: 1}, 429, "1"},
		{"429 negative Retry-After sends 0", Faults{Rate429: 1, RetryAfter: -1}, 429, "0"},
		{"503 before processing", Faults{Rate503: 1}, 503, "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := startServer(t, Options{})
			id, _ := ts.create(t, `{}`)
			var hookCalls atomic.Int32
			ts.Sim.SetBeforeHook(func(string, string, string) { hookCalls.Add(1) })
			ts.Sim.SetFaults(tt.faults)
			for _, call := range []struct{ method, path, body string }{
				{http.MethodPost, customersPath, `{}`},
				{http.MethodPatch, customersPath + "/" + id, `{"objectInformation":{"title":"x"}}`},
				{http.MethodDelete, customersPath + "/" + id, ``},
			} {
				a := ts.request(t, call.method, call.path, []byte(call.body), signSpec{})
				if a.status != tt.status || a.header.Get("Retry-After") != tt.retryAfter {
					t.Errorf("%s: %d Retry-After %q, want %d %q", call.method, a.status, a.header.Get("Retry-After"), tt.status, tt.retryAfter)
				}
			}
			if n := hookCalls.Load(); n != 0 {
				t.Errorf("before hook ran %d times for requests that were never processed", n)
			}
			ts.Sim.SetFaults(Faults{})
			if ids := ts.Sim.CustomerIDs(DemoMerchantID); !slices.Equal(ids, []string{id}) {
				t.Errorf("customers %v, want only %s: a fault before processing applied something", ids, id)
			}
			if g := ts.get(t, id); stripReadOnly(g.json(t))["objectInformation"] != nil {
				t.Errorf("PATCH applied despite the fault: %s", g.body)
			}
			if got := ts.Sim.Stats().FaultsInjected[strings.Fields(tt.name)[0]]; got != 3 {
				t.Errorf("FaultsInjected %v", ts.Sim.Stats().FaultsInjected)
			}
		})
	}
}

func TestFault502AfterAppliesTheChange(t *testing.T) {
	ts := startServer(t, Options{})
	ts.Sim.SetFaults(Faults{Rate502After: 1})
	a := ts.request(t, http.MethodPost, customersPath, []byte(`{"clientReferenceInformation":{"code":"lost"}}`), signSpec{})
	if a.status != http.StatusBadGateway || !strings.Contains(string(a.body), "502 Bad Gateway") || a.header.Get("ETag") != "" {
		t.Fatalf("POST: %d %s", a.status, a.body)
	}
	ids := ts.Sim.CustomerIDs(DemoMerchantID)
	if len(ids) != 1 {
		t.Fatalf("the POST behind the 502 stored %d customers, want 1", len(ids))
	}
	p := ts.patch(t, ids[0], `{"clientReferenceInformation":{"code":"patched"}}`)
	if p.status != http.StatusBadGateway {
		t.Fatalf("PATCH: %d", p.status)
	}
	ts.Sim.SetFaults(Faults{})
	if got := dig(ts.get(t, ids[0]).json(t), "clientReferenceInformation", "code"); got != "patched" {
		t.Errorf("PATCH behind the 502 not applied: %v", got)
	}
	st := ts.Sim.Stats()
	if st.CustomersCreated != 1 || st.Requests["POST customers 502"] != 1 || st.FaultsInjected[Fault502After] != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestFaultResetAppliesNothing(t *testing.T) {
	ts := startServer(t, Options{})
	id, _ := ts.create(t, `{}`)
	ts.Sim.SetFaults(Faults{RateReset: 1})
	for _, call := range []struct{ method, path, body string }{
		{http.MethodPost, customersPath, `{}`},
		{http.MethodPatch, customersPath + "/" + id, `{"objectInformation":{"title":"x"}}`},
		{http.MethodDelete, customersPath + "/" + id, ``},
	} {
		req, err := http.NewRequest(call.method, ts.URL+call.path, bytes.NewReader([]byte(call.body)))
		if err != nil {
			t.Fatal(err)
		}
		sign(t, req, []byte(call.body), signSpec{cred: demoCred})
		client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		resp, err := client.Do(req)
		if err == nil {
			_ = resp.Body.Close()
			t.Fatalf("%s: got %d, want a connection error", call.method, resp.StatusCode)
		}
		if !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%s: %v, want connection reset or EOF", call.method, err)
		}
	}
	ts.Sim.SetFaults(Faults{})
	if ids := ts.Sim.CustomerIDs(DemoMerchantID); !slices.Equal(ids, []string{id}) {
		t.Errorf("customers %v after resets, want only %s", ids, id)
	}
	if g := ts.get(t, id); g.status != http.StatusOK || stripReadOnly(g.json(t))["objectInformation"] != nil {
		t.Errorf("a reset request was applied: %d %s", g.status, g.body)
	}
	st := ts.Sim.Stats()
	if st.FaultsInjected[FaultReset] != 3 || st.ByMethod["POST"] != 2 || st.Requests["POST customers 201"] != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestFaultMethods(t *testing.T) {
	ts := startServer(t, Options{})
	id, _ := ts.create(t, `{}`)
	ts.Sim.SetFaults(Faults{Rate503: 1, Latency: time.Microsecond, Methods: []string{"patch"}})
	if g := ts.get(t, id); g.status != http.StatusOK {
		t.Errorf("GET with faults limited to PATCH: %d", g.status)
	}
	if p := ts.patch(t, id, `{}`); p.status != http.StatusServiceUnavailable {
		t.Errorf("PATCH: %d, want 503", p.status)
	}
	if st := ts.Sim.Stats(); st.FaultsInjected[FaultLatency] != 1 || st.FaultsInjected[Fault503] != 1 {
		t.Errorf("faults %v, want latency and 503 once each (PATCH only)", st.FaultsInjected)
	}

	// ResetMethods overrides Methods for resets only.
	ts.Sim.SetFaults(Faults{Rate503: 1, RateReset: 1, Methods: []string{"PATCH"}, ResetMethods: []string{"DELETE"}})
	if g := ts.get(t, id); g.status != http.StatusOK {
		t.Errorf("GET: %d", g.status)
	}
	if p := ts.patch(t, id, `{}`); p.status != http.StatusServiceUnavailable {
		t.Errorf("PATCH: %d, want 503 (not reset)", p.status)
	}
}

func TestFaultsNeverTouchSimulatorRoutes(t *testing.T) {
	ts := startServer(t, Options{})
	ts.Sim.SetFaults(Faults{RateReset: 1, Rate503: 1})
	resp, err := ts.client.Get(ts.URL + "/__simulator/stats")
	if err != nil {
		t.Fatalf("stats endpoint under faults: %v", err)
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("stats endpoint under faults: %d", resp.StatusCode)
	}
	if n := len(ts.Sim.Stats().FaultsInjected); n != 0 {
		t.Errorf("faults injected on /__simulator: %v", ts.Sim.Stats().FaultsInjected)
	}
}

func TestFaultsAreDeterministicWithASeed(t *testing.T) {
	cfg := Faults{Seed: 42, Jitter: time.Second, Rate429: 0.2, Rate503: 0.2, Rate502After: 0.2, RateReset: 0.2}
	sequence := func(cfg Faults) []faultDecision {
		f := newFaultInjector(cfg)
		var out []faultDecision
		for i := 0; i < 200; i++ {
			out = append(out, f.decide([]string{"GET", "POST", "PATCH", "DELETE"}[i%4]))
		}
		return out
	}
	first, again := sequence(cfg), sequence(cfg)
	if !slices.Equal(first, again) {
		t.Error("the same seed gave different faults")
	}
	cfg.Seed = 43
	if slices.Equal(first, sequence(cfg)) {
		t.Error("another seed gave the same 200 decisions")
	}
	kinds := map[string]int{}
	for _, d := range first {
		kinds[d.kind]++
	}
	for _, kind := range []string{"", Fault429, Fault503, Fault502After, FaultReset} {
		if kinds[kind] == 0 {
			t.Errorf("no %q decision in 200 draws: %v", kind, kinds)
		}
	}
}
