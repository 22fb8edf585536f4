package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
)

// The tests below run the client's sub-resource calls against the project's simulator, which
// implements the API's rules on its own (tms-subresources.md §11): they check that the client and
// an independent reading of the API agree.

const testCardNumber = "4111111111111111"

// newCustomerOnSimulator returns a client for the simulator and a fresh customer's id.
func newCustomerOnSimulator(t *testing.T) (*Client, *simulatorServer, string) {
	t.Helper()
	sim := startSimulator(t)
	c := newTestClient(t, testConfig(sim.URL))
	created, err := c.CreateCustomer(t.Context(), &Customer{}, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c, sim, *created.Value.ID
}

func TestShippingAddressLifecycle(t *testing.T) {
	c, sim, customerID := newCustomerOnSimulator(t)
	ctx := t.Context()

	first, err := c.ShippingAddresses().Create(ctx, customerID, &ShippingAddress{
		ShipTo: &Address{FirstName: ptr("Jane"), LastName: ptr("Doe"), Country: ptr("US")}}, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !first.Created() || first.ETag == "" || !*first.Value.Default || *first.Value.ShipTo.FirstName != "Jane" {
		t.Fatalf("first address = %+v (default %v); the first becomes the default", first, first.Value.Default)
	}
	firstID := *first.Value.ID
	second, err := c.ShippingAddresses().Create(ctx, customerID, &ShippingAddress{Default: ptr(true),
		ShipTo: &Address{FirstName: ptr("John"), Country: ptr("CA")}}, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	secondID := *second.Value.ID

	list, err := c.ShippingAddresses().List(ctx, customerID, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Items) != 2 || *list.Items[0].ID != secondID || !*list.Items[0].Default || *list.Items[1].Default {
		t.Fatalf("list = %s; want the new default first", mustJSON(t, list.Items))
	}

	// A changed shipTo is sent whole, so the result is right whether the server merges or replaces.
	got, err := c.ShippingAddresses().Get(ctx, customerID, firstID, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	desired := *got.Value
	desired.ShipTo = &Address{FirstName: ptr("Jane"), LastName: ptr("Roe"), Country: ptr("US")}
	patch, err := c.ShippingAddresses().NewPatch(got.Value, &desired)
	if err != nil {
		t.Fatal(err)
	}
	updated, err := c.ShippingAddresses().Update(ctx, customerID, firstID, patch, CallOptions{IfMatch: got.ETag})
	if err != nil {
		t.Fatal(err)
	}
	if *updated.Value.ShipTo.LastName != "Roe" || updated.ETag == got.ETag {
		t.Errorf("update = %s, etag %q", mustJSON(t, updated.Value), updated.ETag)
	}
	sent := sim.requests.all()
	if body := string(sent[len(sent)-1].Body); body != `{"shipTo":{"firstName":"Jane","lastName":"Roe","country":"US"}}` {
		t.Errorf("PATCH body = %s", body)
	}

	// The default cannot go while another address remains (tms-subresources.md §6.2).
	_, err = c.ShippingAddresses().Delete(ctx, customerID, secondID, CallOptions{})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusConflict {
		t.Fatalf("deleting the default: err = %v, want a 409", err)
	}
	if _, err := c.ShippingAddresses().Delete(ctx, customerID, firstID, CallOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ShippingAddresses().Delete(ctx, customerID, secondID, CallOptions{}); err != nil {
		t.Fatalf("deleting the last address: %v", err)
	}
	if _, err := c.ShippingAddresses().Get(ctx, customerID, secondID, CallOptions{}); !IsNotFound(err) {
		t.Errorf("GET after delete: %v, want 410", err)
	}
}

func TestCardTokenAndPaymentInstrumentLifecycle(t *testing.T) {
	c, sim, customerID := newCustomerOnSimulator(t)
	ctx := t.Context()

	token, err := c.CreateCardInstrumentIdentifier(ctx, testCardNumber, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !token.Created() || *token.Value.Card.Number != "411111XXXXXX1111" {
		t.Fatalf("token = %s (status %d)", mustJSON(t, token.Value), token.StatusCode)
	}
	tokenID := *token.Value.ID
	again, err := c.CreateCardInstrumentIdentifier(ctx, testCardNumber, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Created() || *again.Value.ID != tokenID {
		t.Fatalf("same card again: status %d id %v; want 200 and the same token (tms-subresources.md §6.6)", again.StatusCode, again.Value.ID)
	}

	instrument, err := c.PaymentInstruments().Create(ctx, customerID, &PaymentInstrument{
		Card:                 &PaymentInstrumentCard{ExpirationMonth: ptr("12"), ExpirationYear: ptr("2031"), Type: ptr("001")},
		InstrumentIdentifier: &Reference{ID: ptr(tokenID)},
	}, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	embedded := instrument.Value.Embedded
	if embedded == nil || *embedded.InstrumentIdentifier.Card.Number != "411111XXXXXX1111" || !*instrument.Value.Default {
		t.Fatalf("instrument = %s", mustJSON(t, instrument.Value))
	}

	// A token in use cannot be deleted (§6.4); deleting its only instrument deletes it (§6.3).
	_, err = c.DeleteInstrumentIdentifier(ctx, tokenID, CallOptions{})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusConflict {
		t.Fatalf("deleting a token in use: %v, want a 409", err)
	}
	if _, err := c.PaymentInstruments().Delete(ctx, customerID, *instrument.Value.ID, CallOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetInstrumentIdentifier(ctx, tokenID, CallOptions{}); !IsNotFound(err) {
		t.Errorf("token after its instrument was deleted: %v, want gone", err)
	}

	// The card number went out once per POST and was masked in every logged copy of a body.
	for _, rr := range sim.requests.all() {
		if rr.Method != http.MethodPost && strings.Contains(string(rr.Body), testCardNumber) {
			t.Errorf("%s %s carried the card number", rr.Method, rr.Target)
		}
	}
}

// TestListWithQueryAgainstSimulator signs list requests, which carry a query string, with both
// authentication modes; the simulator answers 401 unless the signature covers the query
// (tms-api.md §5a request-target, §5b request-resource-path).
func TestListWithQueryAgainstSimulator(t *testing.T) {
	key, cert := testkeys.Generate(t, testMerchantID, "1234567890ABCDEF")
	sim := startSimulator(t, simulator.JWTCertificate{MerchantID: testMerchantID, Certificate: cert})
	customerID, err := sim.Sim.SeedCustomer(testMerchantID, []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	const n = 105 // two pages of at most 100
	for i := range n {
		if _, err := sim.Sim.Seed(simulator.KindShippingAddress, testMerchantID, customerID,
			fmt.Appendf(nil, `{"shipTo":{"firstName":"N%d"}}`, i)); err != nil {
			t.Fatal(err)
		}
	}
	jwtConfig := testConfig(sim.URL)
	jwtConfig.KeyID, jwtConfig.SharedSecret = "", ""
	jwtConfig.P12Data, jwtConfig.P12Password = testkeys.P12(t, key, cert, "pw"), "pw"

	for name, cfg := range map[string]Config{"HTTP Signature": testConfig(sim.URL), "JWT": jwtConfig} {
		t.Run(name, func(t *testing.T) {
			list, err := newTestClient(t, cfg).ShippingAddresses().List(t.Context(), customerID, CallOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(list.Items) != n || list.Pages != 2 || !*list.Items[0].Default {
				t.Errorf("got %d items in %d pages (first default: %v), want %d in 2, the default first",
					len(list.Items), list.Pages, list.Items[0].Default, n)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
