package simulator

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"sync"
	"testing"
)

func TestSeedInspectModifyRemove(t *testing.T) {
	ts := startServer(t, Options{})
	idA, err := ts.Sim.SeedCustomer(DemoMerchantID, []byte(`{"clientReferenceInformation":{"code":"a"}}`))
	if err != nil {
		t.Fatal(err)
	}
	idB, err := ts.Sim.SeedCustomer(DemoMerchantID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.Sim.SeedCustomer(DemoMerchantID, []byte(`{"bogus":1}`)); !isValidationError(err, "bogus") {
		t.Errorf("SeedCustomer with a bad body: %v", err)
	}
	want := []string{idA, idB}
	slices.Sort(want)
	if got := ts.Sim.CustomerIDs(DemoMerchantID); !slices.Equal(got, want) {
		t.Errorf("CustomerIDs %v, want %v", got, want)
	}
	customers := ts.Sim.Customers(DemoMerchantID)
	if len(customers) != 2 {
		t.Fatalf("Customers: %d", len(customers))
	}
	for i, raw := range customers {
		var c map[string]any
		if err := json.Unmarshal(raw, &c); err != nil || c["id"] != want[i] {
			t.Errorf("Customers[%d] = %s (%v)", i, raw, err)
		}
	}
	g := ts.get(t, idA)
	if string(g.body) != string(customers[slices.Index(want, idA)]) {
		t.Errorf("Customers() differs from GET: %s", g.body)
	}

	etag := g.header.Get("ETag")
	if err := ts.Sim.ModifyCustomer(DemoMerchantID, idA, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if p := ts.patch(t, idA, `{}`, withHeader("if-match", etag)); p.status != http.StatusPreconditionFailed {
		t.Errorf("PATCH after an out-of-band change with the old ETag: %d, want 412", p.status)
	}
	if err := ts.Sim.ModifyCustomer(DemoMerchantID, idA, []byte(`{"clientReferenceInformation":{"code":"drift"}}`)); err != nil {
		t.Fatal(err)
	}
	if code := dig(ts.get(t, idA).json(t), "clientReferenceInformation", "code"); code != "drift" {
		t.Errorf("code %v after ModifyCustomer", code)
	}
	if err := ts.Sim.ModifyCustomer(OtherMerchantID, idA, []byte(`{}`)); !errors.Is(err, ErrCustomerNotFound) {
		t.Errorf("ModifyCustomer for another merchant: %v", err)
	}
	if err := ts.Sim.ModifyCustomer(DemoMerchantID, idA, []byte(`[`)); err == nil {
		t.Error("ModifyCustomer accepted malformed JSON")
	}

	if err := ts.Sim.RemoveCustomer(DemoMerchantID, idA); err != nil {
		t.Fatal(err)
	}
	if g := ts.get(t, idA); g.status != http.StatusGone {
		t.Errorf("GET after RemoveCustomer: %d, want 410", g.status)
	}
	if err := ts.Sim.RemoveCustomer(DemoMerchantID, idA); !errors.Is(err, ErrCustomerDeleted) {
		t.Errorf("second RemoveCustomer: %v", err)
	}
	if err := ts.Sim.ModifyCustomer(DemoMerchantID, idA, []byte(`{}`)); !errors.Is(err, ErrCustomerDeleted) {
		t.Errorf("ModifyCustomer after RemoveCustomer: %v", err)
	}
	if got := ts.Sim.CustomerIDs(DemoMerchantID); !slices.Equal(got, []string{idB}) {
		t.Errorf("CustomerIDs %v after removal", got)
	}
}

func isValidationError(err error, field string) bool {
	var v *ValidationError
	return errors.As(err, &v) && slices.Contains(v.Fields, field)
}

func TestBeforeHook(t *testing.T) {
	ts := startServer(t, Options{})
	type call struct{ method, route, id string }
	var mu sync.Mutex
	var calls []call
	ts.Sim.SetBeforeHook(func(method, route, id string) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, call{method, route, id})
		// A hook may change the customer under the request, like a concurrent writer.
		if method == http.MethodPatch {
			if err := ts.Sim.ModifyCustomer(DemoMerchantID, id, []byte(`{}`)); err != nil {
				t.Errorf("ModifyCustomer from the hook: %v", err)
			}
		}
	})
	id, etag := ts.create(t, `{}`)
	if p := ts.patch(t, id, `{}`, withHeader("if-match", etag)); p.status != http.StatusPreconditionFailed {
		t.Errorf("PATCH raced by the hook: %d, want 412", p.status)
	}
	ts.request(t, http.MethodGet, customersPath+"/"+id, nil, signSpec{}, withHeader("Signature", "x")) // 401: no hook
	ts.Sim.SetBeforeHook(nil)
	ts.get(t, id)
	mu.Lock()
	defer mu.Unlock()
	want := []call{{"POST", routeCustomers, ""}, {"PATCH", routeCustomer, id}}
	if !slices.Equal(calls, want) {
		t.Errorf("hook calls %v, want %v", calls, want)
	}
}
