package simulator

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
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
	calls := recordHookCalls(ts.Sim, func(c hookCall) {
		// A hook may change the customer under the request, like a concurrent writer.
		if c.method == http.MethodPatch {
			if err := ts.Sim.ModifyCustomer(DemoMerchantID, c.id, []byte(`{}`)); err != nil {
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
	want := []hookCall{{"POST", "customers", ""}, {"PATCH", "customer", id}}
	if got := calls(); !slices.Equal(got, want) {
		t.Errorf("hook calls %v, want %v", got, want)
	}
}

// TestKindHooks exercises the Go API for every kind: Seed as a POST would, Modify with a forced new
// ETag, Remove ignoring the 409 rules but cascading, and Objects/IDs.
func TestKindHooks(t *testing.T) {
	ts := startServer(t, Options{})
	sim := ts.Sim
	cid, err := sim.Seed(KindCustomer, DemoMerchantID, "", []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	iid, err := sim.Seed(KindInstrumentIdentifier, DemoMerchantID, "", []byte(`{"card":{"number":"`+testPAN+`"}}`))
	if err != nil || !identifierIDPattern.MatchString(iid) {
		t.Fatalf("Seed identifier: %q %v", iid, err)
	}
	if again, err := sim.Seed(KindInstrumentIdentifier, DemoMerchantID, "", []byte(`{"card":{"number":"`+testPAN+`"}}`)); err != nil || again != iid {
		t.Errorf("Seed of a known card: %q %v, want the existing %s", again, err, iid)
	}
	pi1, err := sim.Seed(KindPaymentInstrument, DemoMerchantID, cid, []byte(instrumentBody(iid)))
	if err != nil {
		t.Fatal(err)
	}
	pi2, err := sim.Seed(KindPaymentInstrument, DemoMerchantID, cid, []byte(instrumentBody(iid)))
	if err != nil {
		t.Fatal(err)
	}
	sa1, err := sim.Seed(KindShippingAddress, DemoMerchantID, cid, []byte(`{"shipTo":{"firstName":"Jane"}}`))
	if err != nil {
		t.Fatal(err)
	}
	sa2, err := sim.Seed(KindShippingAddress, DemoMerchantID, cid, []byte(`{"default":true}`))
	if err != nil {
		t.Fatal(err)
	}
	c := ts.get(t, cid).json(t)
	if dig(c, "defaultPaymentInstrument", "id") != pi1 || dig(c, "defaultShippingAddress", "id") != sa2 {
		t.Errorf("defaults after seeding: %v %v, want %s (the first) and %s (default:true)", c["defaultPaymentInstrument"], c["defaultShippingAddress"], pi1, sa2)
	}

	refusals := []struct {
		name string
		err  error
		want error // nil: any error
	}{
		{"unknown kind", func() error { _, err := sim.Seed("token", DemoMerchantID, "", nil); return err }(), nil},
		{"address without a customer", func() error { _, err := sim.Seed(KindShippingAddress, DemoMerchantID, "", nil); return err }(), nil},
		{"customer with a parent", func() error { _, err := sim.Seed(KindCustomer, DemoMerchantID, cid, nil); return err }(), nil},
		{"another merchant's customer", func() error { _, err := sim.Seed(KindShippingAddress, OtherMerchantID, cid, nil); return err }(), ErrNotFound},
		{"invalid body", func() error {
			_, err := sim.Seed(KindShippingAddress, DemoMerchantID, cid, []byte(`{"shipTo":{"x":1}}`))
			return err
		}(), nil},
		{"instrument without identifier", func() error { _, err := sim.Seed(KindPaymentInstrument, DemoMerchantID, cid, []byte(`{}`)); return err }(), nil},
		{"Modify unknown kind", sim.Modify("token", DemoMerchantID, cid, []byte(`{}`)), nil},
		{"Modify another merchant's", sim.Modify(KindShippingAddress, OtherMerchantID, sa1, []byte(`{}`)), ErrNotFound},
		{"Modify a card number", sim.Modify(KindInstrumentIdentifier, DemoMerchantID, iid, []byte(`{"card":{"number":"`+otherPAN+`"}}`)), nil},
		{"Remove unknown kind", sim.Remove("token", DemoMerchantID, cid), nil},
	}
	for _, tt := range refusals {
		if tt.err == nil || tt.want != nil && !errors.Is(tt.err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, tt.err, tt.want)
		}
	}
	var validation *ValidationError
	if _, err := sim.Seed(KindPaymentInstrument, DemoMerchantID, cid, []byte(`{}`)); !errors.As(err, &validation) || !validation.Missing {
		t.Errorf("Seed of an instrument without identifier: %v, want a missing-fields *ValidationError", err)
	}

	// Modify always gives a new ETag, and default:true switches like the API.
	for _, item := range []struct {
		kind Kind
		path string
	}{
		{KindCustomer, customersPath + "/" + cid},
		{KindShippingAddress, addressesPath(cid) + "/" + sa1},
		{KindPaymentInstrument, instrumentsPath(cid) + "/" + pi2},
		{KindInstrumentIdentifier, identifierPath(iid)},
	} {
		before := ts.etagOf(t, item.path)
		if err := sim.Modify(item.kind, DemoMerchantID, lastSegment(item.path), []byte(`{}`)); err != nil {
			t.Fatalf("Modify %s: %v", item.kind, err)
		}
		if ts.etagOf(t, item.path) == before {
			t.Errorf("Modify %s {} kept the ETag", item.kind)
		}
	}
	if err := sim.Modify(KindShippingAddress, DemoMerchantID, sa1, []byte(`{"default":true}`)); err != nil {
		t.Fatal(err)
	}
	if got := dig(ts.get(t, cid).json(t), "defaultShippingAddress", "id"); got != sa1 {
		t.Errorf("default address %v after Modify default:true, want %s", got, sa1)
	}

	wantIDs := func(kind Kind, want ...string) {
		t.Helper()
		slices.Sort(want)
		if got := sim.IDs(kind, DemoMerchantID); !slices.Equal(got, want) {
			t.Errorf("IDs(%s) = %v, want %v", kind, got, want)
		}
		objects := sim.Objects(kind, DemoMerchantID)
		if len(objects) != len(want) {
			t.Fatalf("Objects(%s): %d, want %d", kind, len(objects), len(want))
		}
		for i, raw := range objects {
			var o map[string]any
			if err := json.Unmarshal(raw, &o); err != nil || o["id"] != want[i] {
				t.Errorf("Objects(%s)[%d] = %s", kind, i, raw)
			}
		}
	}
	wantIDs(KindShippingAddress, sa1, sa2)
	wantIDs(KindPaymentInstrument, pi1, pi2)
	wantIDs(KindInstrumentIdentifier, iid)

	// Remove skips the 409 rules: the default address goes although another exists, and the
	// customer is left without a default address.
	if err := sim.Remove(KindShippingAddress, DemoMerchantID, sa1); err != nil {
		t.Fatal(err)
	}
	if got := ts.get(t, cid).json(t)["defaultShippingAddress"]; got != nil {
		t.Errorf("default address %v after removing it", got)
	}
	ts.do(t, http.MethodGet, addressesPath(cid)+"/"+sa1, "").expectError(t, http.StatusGone, errNotAvailable)
	if err := sim.Remove(KindShippingAddress, DemoMerchantID, sa1); !errors.Is(err, ErrDeleted) {
		t.Errorf("second Remove: %v", err)
	}
	// Removing an identifier in use removes the instruments that use it.
	if err := sim.Remove(KindInstrumentIdentifier, DemoMerchantID, iid); err != nil {
		t.Fatal(err)
	}
	wantIDs(KindPaymentInstrument)
	ts.do(t, http.MethodGet, instrumentsPath(cid)+"/"+pi1, "").expectError(t, http.StatusGone, errNotAvailable)
	if c := ts.get(t, cid).json(t); c["defaultPaymentInstrument"] != nil || c["_embedded"] != nil {
		t.Errorf("customer after its instruments went: %v", c)
	}
	// Removing the customer removes its remaining address.
	if err := sim.Remove(KindCustomer, DemoMerchantID, cid); err != nil {
		t.Fatal(err)
	}
	wantIDs(KindShippingAddress)
	ts.do(t, http.MethodGet, addressesPath(cid)+"/"+sa2, "").expectError(t, http.StatusGone, errNotAvailable)
	if st := sim.Stats(); st.ObjectsStored[KindCustomer] != 0 || st.ObjectsStored[KindShippingAddress] != 0 {
		t.Errorf("stored %v", st.ObjectsStored)
	}
}
