package simulator

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkSignedGET measures signed GETs served over loopback by several client goroutines
// sharing one keep-alive transport, the way the provider's client talks to the simulator. The
// client's signing runs on the same CPUs, so the figure is a floor for the simulator alone.
func BenchmarkSignedGET(b *testing.B) {
	srv, err := Start(Options{}, false)
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		if err := srv.Close(); err != nil {
			b.Error(err)
		}
	}()
	id, err := srv.Sim.SeedCustomer(DemoMerchantID, []byte(`{"buyerInformation":{"merchantCustomerID":"bench","email":"bench@example.com"},"merchantDefinedInformation":[{"name":"data1","value":"v"}]}`))
	if err != nil {
		b.Fatal(err)
	}
	url := srv.URL + customersPath + "/" + id
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.SetParallelism(4) // 4 × GOMAXPROCS client goroutines
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req, err := http.NewRequest(http.MethodGet, url, nil)
			if err != nil {
				b.Error(err)
				return
			}
			sign(b, req, nil, signSpec{cred: demoCred})
			resp, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			_, copyErr := io.Copy(io.Discard, resp.Body)
			closeErr := resp.Body.Close()
			if resp.StatusCode != http.StatusOK || copyErr != nil || closeErr != nil {
				b.Errorf("GET: %d %v %v", resp.StatusCode, copyErr, closeErr)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
	if got := srv.Sim.Stats().Requests["GET customer 200"]; got < b.N {
		b.Errorf("simulator answered %d GETs, benchmark sent %d", got, b.N)
	}
}

// BenchmarkServeCustomerGET measures the simulator alone on its hot path: one signed GET of a
// customer, served in process to a recorder, without the network or the client's signing (the
// request is signed once; its date stays within the clock skew for the run).
func BenchmarkServeCustomerGET(b *testing.B) {
	sim := New(Options{})
	id, err := sim.SeedCustomer(DemoMerchantID, []byte(`{"buyerInformation":{"merchantCustomerID":"bench","email":"bench@example.com"},"merchantDefinedInformation":[{"name":"data1","value":"v"}]}`))
	if err != nil {
		b.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:1"+customersPath+"/"+id, nil)
	sign(b, req, nil, signSpec{cred: demoCred})
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		sim.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET: %d %s", rec.Code, rec.Body)
		}
	}
}
