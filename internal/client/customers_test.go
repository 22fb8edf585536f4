package client

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"
)

// TestCustomerLifecycleWithETags runs create, read, update (fresh and stale ETag) and delete
// against the project's simulator, which verifies every signature and applies merge patches
// independently of this package.
func TestCustomerLifecycleWithETags(t *testing.T) {
	sim := startSimulator(t)
	cfg := testConfig(sim.URL)
	cfg.ProfileID = testProfileID
	cfg.UserAgent = "unit-test"
	c := newTestClient(t, cfg)
	c.now = steppingClock(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	ctx := t.Context()

	desired := &Customer{
		ID:                         ptr("ignored-read-only"),
		BuyerInformation:           &BuyerInformation{MerchantCustomerID: ptr("cust-000123"), Email: ptr("jane@example.com")},
		ClientReferenceInformation: &ClientReferenceInformation{Code: ptr("TC50171_3")},
		MerchantDefinedInformation: []MerchantDefinedField{{Name: "data1", Value: "loyalty-gold"}},
		Metadata:                   &Metadata{Creator: ptr("read-only")},
	}
	created, err := c.CreateCustomer(ctx, desired, CallOptions{})
	if err != nil {
		t.Fatalf("CreateCustomer: %v", err)
	}
	if created.StatusCode != http.StatusCreated || created.Value == nil || created.Value.ID == nil || created.ETag == "" || created.CorrelationID == "" {
		t.Fatalf("create result = %+v", created)
	}
	id := *created.Value.ID
	post := sim.requests.all()[0]
	if want := `{"buyerInformation":{"merchantCustomerID":"cust-000123","email":"jane@example.com"},"clientReferenceInformation":{"code":"TC50171_3"},"merchantDefinedInformation":[{"name":"data1","value":"loyalty-gold"}]}`; string(post.Body) != want {
		t.Errorf("POST body =\n  %s\nwant (read-only fields dropped)\n  %s", post.Body, want)
	}
	wantHeaders := map[string]string{
		"Content-Type":    contentTypeJSON,
		"Accept":          contentTypeJSON,
		"User-Agent":      "terraform-provider-cybersource/test unit-test",
		"profile-id":      testProfileID,
		"v-c-merchant-id": testMerchantID,
	}
	for k, v := range wantHeaders {
		if got := post.Header.Get(k); got != v {
			t.Errorf("POST header %s = %q, want %q", k, got, v)
		}
	}

	got, err := c.GetCustomer(ctx, id, CallOptions{})
	if err != nil {
		t.Fatalf("GetCustomer: %v", err)
	}
	if got.ETag != created.ETag || *got.Value.BuyerInformation.Email != "jane@example.com" {
		t.Errorf("get result = %+v", got)
	}

	patch, err := NewCustomerPatch(got.Value, &Customer{
		BuyerInformation:           &BuyerInformation{MerchantCustomerID: ptr("cust-000123")},
		ClientReferenceInformation: &ClientReferenceInformation{Code: ptr("TC50171_3")},
		MerchantDefinedInformation: []MerchantDefinedField{{Name: "data1", Value: "loyalty-gold"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	updated, err := c.UpdateCustomer(ctx, id, patch, CallOptions{IfMatch: got.ETag, ProfileID: testOtherProfileID})
	if err != nil {
		t.Fatalf("UpdateCustomer: %v", err)
	}
	patchReq := sim.requests.all()[2]
	if string(patchReq.Body) != `{"buyerInformation":{"email":null}}` || patchReq.Header.Get("if-match") != got.ETag {
		t.Errorf("PATCH body %s, if-match %q", patchReq.Body, patchReq.Header.Get("if-match"))
	}
	if patchReq.Header.Get("profile-id") != testOtherProfileID {
		t.Errorf("per-call profile id not sent: %q", patchReq.Header.Get("profile-id"))
	}
	if updated.ETag == got.ETag || updated.Value.BuyerInformation.Email != nil {
		t.Errorf("update result = %+v", updated)
	}

	// The old ETag is now stale: the server answers 412.
	_, err = c.UpdateCustomer(ctx, id, patch, CallOptions{IfMatch: got.ETag})
	if !IsPreconditionFailed(err) {
		t.Errorf("stale if-match: err = %v, want a 412", err)
	}

	deleted, err := c.DeleteCustomer(ctx, id, CallOptions{})
	if err != nil || deleted.StatusCode != http.StatusNoContent {
		t.Fatalf("DeleteCustomer = %+v, %v", deleted, err)
	}
	_, err = c.GetCustomer(ctx, id, CallOptions{})
	if !IsNotFound(err) {
		t.Errorf("GET after delete: err = %v, want not found (410)", err)
	}

	// Every request carried a valid signature (the simulator answers 401 otherwise) with a date
	// from the stepping clock.
	dates := map[string]bool{}
	for _, rr := range sim.requests.all() {
		dates[rr.Header.Get("Date")] = true
	}
	if len(dates) != len(sim.requests.all()) {
		t.Errorf("%d requests carried only %d distinct dates", len(sim.requests.all()), len(dates))
	}
}

func TestCustomerPathEscaping(t *testing.T) {
	var rec recorder
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		rr := rec.record(r)
		if problem := verifyHTTPSignature(rr, testSecret, testMerchantID); problem != "" {
			t.Errorf("signature for %s: %s", rr.RawPath, problem)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	c := newTestClient(t, testConfig(srv.URL))
	tests := []struct{ id, wantPath string }{
		{testCustomerID, "/tms/v2/customers/" + testCustomerID},
		{"a/b c", "/tms/v2/customers/a%2Fb%20c"},
		{"..", "/tms/v2/customers/%2E%2E"},
		{"x?y#z", "/tms/v2/customers/x%3Fy%23z"},
	}
	for _, tt := range tests {
		if _, err := c.DeleteCustomer(t.Context(), tt.id, CallOptions{}); err != nil {
			t.Errorf("DeleteCustomer(%q): %v", tt.id, err)
		}
	}
	for i, rr := range rec.all() {
		if rr.RawPath != tests[i].wantPath {
			t.Errorf("id %q sent as %q, want %q", tests[i].id, rr.RawPath, tests[i].wantPath)
		}
	}
}

func TestCallValidationHappensBeforeSending(t *testing.T) {
	var rec recorder
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) { rec.record(r) })
	c := newTestClient(t, testConfig(srv.URL))
	ctx := t.Context()
	tests := []struct {
		name string
		call func() error
	}{
		{"empty id on GET", func() error { _, err := c.GetCustomer(ctx, "", CallOptions{}); return err }},
		{"empty id on PATCH", func() error { _, err := c.UpdateCustomer(ctx, "", MergePatch{}, CallOptions{}); return err }},
		{"empty id on DELETE", func() error { _, err := c.DeleteCustomer(ctx, "", CallOptions{}); return err }},
		{"short profile id", func() error { _, err := c.GetCustomer(ctx, "x", CallOptions{ProfileID: "short"}); return err }},
		{"if-match with newline", func() error {
			_, err := c.UpdateCustomer(ctx, "x", MergePatch{}, CallOptions{IfMatch: "a\nb"})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); err == nil {
				t.Error("call succeeded, want a validation error")
			}
		})
	}
	if rec.count() != 0 {
		t.Errorf("%d requests reached the server", rec.count())
	}
}

func TestIfMatchOnlyOnPatch(t *testing.T) {
	var rec recorder
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		rec.record(r)
		_, _ = w.Write([]byte(`{}`))
	})
	c := newTestClient(t, testConfig(srv.URL))
	opts := CallOptions{IfMatch: "etag"}
	calls := []func() error{
		func() error { _, err := c.GetCustomer(t.Context(), "x", opts); return err },
		func() error { _, err := c.CreateCustomer(t.Context(), &Customer{}, opts); return err },
		func() error { _, err := c.DeleteCustomer(t.Context(), "x", opts); return err },
		func() error { _, err := c.UpdateCustomer(t.Context(), "x", MergePatch{}, opts); return err },
	}
	for _, call := range calls {
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}
	for _, rr := range rec.all() {
		want := ""
		if rr.Method == http.MethodPatch {
			want = "etag"
		}
		if got := rr.Header.Get("if-match"); got != want {
			t.Errorf("%s sent if-match %q, want %q", rr.Method, got, want)
		}
	}
	if len(rec.all()) != len(calls) {
		t.Errorf("server saw %d requests, want %d", len(rec.all()), len(calls))
	}
}

// customerFixture has every field of tms-api.md §3, both link spellings and
// both embedded objects.
const customerFixture = `{
 "_links":{"self":{"href":"/tms/v2/customers/F2F3ADA770102B51E053A2598D0A9078"},
   "paymentInstruments":{"href":"/tms/v2/customers/F2F3ADA770102B51E053A2598D0A9078/payment-instruments"},
   "shippingAddress":{"href":"/spec/spelling"},
   "shippingAddresses":{"href":"/live/spelling"}},
 "id":"F2F3ADA770102B51E053A2598D0A9078",
 "objectInformation":{"title":"Gold","comment":"VIP"},
 "buyerInformation":{"merchantCustomerID":"cust-000123","email":"jane@example.com"},
 "clientReferenceInformation":{"code":"TC50171_3"},
 "merchantDefinedInformation":[{"name":"data1","value":"loyalty-gold"}],
 "defaultPaymentInstrument":{"id":"PI1"},
 "defaultShippingAddress":{"id":"SA1"},
 "metadata":{"creator":"testrest"},
 "_embedded":{
   "defaultPaymentInstrument":{"_links":{},"id":"PI1","object":"paymentInstrument","default":true,"state":"ACTIVE",
     "card":{"expirationMonth":"12","expirationYear":"2031","type":"001"},
     "instrumentIdentifier":{"id":"II1"},
     "billTo":{"firstName":"Jane","lastName":"Doe","address1":"1 Main St","locality":"Foster City","administrativeArea":"CA","postalCode":"94404","country":"US","email":"jane@example.com","phoneNumber":"5555550100"},
     "metadata":{"creator":"testrest"}},
   "defaultShippingAddress":{"id":"SA1","default":true,
     "shipTo":{"firstName":"Jane","lastName":"Doe","company":"Acme","address1":"1 Main St","address2":"Apt 2","locality":"Foster City","administrativeArea":"CA","postalCode":"94404","country":"US","email":"jane@example.com","phoneNumber":"5555550100"},
     "metadata":{"creator":"testrest"}}}
}`

func TestCustomerDecodesEveryField(t *testing.T) {
	var c Customer
	if err := json.Unmarshal([]byte(customerFixture), &c); err != nil {
		t.Fatal(err)
	}
	want := Customer{
		ID:                         ptr(testCustomerID),
		ObjectInformation:          &ObjectInformation{Title: ptr("Gold"), Comment: ptr("VIP")},
		BuyerInformation:           &BuyerInformation{MerchantCustomerID: ptr("cust-000123"), Email: ptr("jane@example.com")},
		ClientReferenceInformation: &ClientReferenceInformation{Code: ptr("TC50171_3")},
		MerchantDefinedInformation: []MerchantDefinedField{{Name: "data1", Value: "loyalty-gold"}},
		DefaultPaymentInstrument:   &Reference{ID: ptr("PI1")},
		DefaultShippingAddress:     &Reference{ID: ptr("SA1")},
		Metadata:                   &Metadata{Creator: ptr("testrest")},
		Links: &CustomerLinks{
			Self:               &Link{Href: "/tms/v2/customers/" + testCustomerID},
			PaymentInstruments: &Link{Href: "/tms/v2/customers/" + testCustomerID + "/payment-instruments"},
			ShippingAddress:    &Link{Href: "/spec/spelling"},
			ShippingAddresses:  &Link{Href: "/live/spelling"},
		},
		Embedded: &CustomerEmbedded{
			DefaultPaymentInstrument: &PaymentInstrument{
				ID: ptr("PI1"), Object: ptr("paymentInstrument"), Default: ptr(true), State: ptr("ACTIVE"),
				Card:                 &PaymentInstrumentCard{ExpirationMonth: ptr("12"), ExpirationYear: ptr("2031"), Type: ptr("001")},
				InstrumentIdentifier: &Reference{ID: ptr("II1")},
				BillTo: &Address{FirstName: ptr("Jane"), LastName: ptr("Doe"), Address1: ptr("1 Main St"), Locality: ptr("Foster City"),
					AdministrativeArea: ptr("CA"), PostalCode: ptr("94404"), Country: ptr("US"), Email: ptr("jane@example.com"), PhoneNumber: ptr("5555550100")},
				Metadata: &Metadata{Creator: ptr("testrest")},
			},
			DefaultShippingAddress: &ShippingAddress{
				ID: ptr("SA1"), Default: ptr(true),
				ShipTo: &Address{FirstName: ptr("Jane"), LastName: ptr("Doe"), Company: ptr("Acme"), Address1: ptr("1 Main St"), Address2: ptr("Apt 2"),
					Locality: ptr("Foster City"), AdministrativeArea: ptr("CA"), PostalCode: ptr("94404"), Country: ptr("US"),
					Email: ptr("jane@example.com"), PhoneNumber: ptr("5555550100")},
				Metadata: &Metadata{Creator: ptr("testrest")},
			},
		},
	}
	if !reflect.DeepEqual(c, want) {
		gotJSON, _ := json.Marshal(c)
		wantJSON, _ := json.Marshal(want)
		t.Errorf("decoded\n  %s\nwant\n  %s", gotJSON, wantJSON)
	}
}

func TestUnsetAndEmptyStayDistinct(t *testing.T) {
	empty, err := json.Marshal(Customer{ObjectInformation: &ObjectInformation{Title: ptr("")}})
	if err != nil {
		t.Fatal(err)
	}
	unset, err := json.Marshal(Customer{})
	if err != nil {
		t.Fatal(err)
	}
	if string(empty) != `{"objectInformation":{"title":""}}` || string(unset) != `{}` {
		t.Errorf("empty = %s, unset = %s", empty, unset)
	}
}

func TestSuccessWithUndecodableBody(t *testing.T) {
	srv := startServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"id":`))
	})
	c := newTestClient(t, testConfig(srv.URL))
	_, err := c.CreateCustomer(t.Context(), &Customer{}, CallOptions{})
	var tErr *TransportError
	if !errors.As(err, &tErr) || !MayHaveBeenApplied(err) {
		t.Errorf("err = %v, want a TransportError that may have been applied", err)
	}
}
