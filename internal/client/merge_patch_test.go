package client

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestNewCustomerPatch(t *testing.T) {
	full := func() *Customer {
		return &Customer{
			ID:                         ptr(testCustomerID),
			ObjectInformation:          &ObjectInformation{Title: ptr("Gold"), Comment: ptr("VIP")},
			BuyerInformation:           &BuyerInformation{MerchantCustomerID: ptr("cust-1"), Email: ptr("jane@example.com")},
			ClientReferenceInformation: &ClientReferenceInformation{Code: ptr("TC1")},
			MerchantDefinedInformation: []MerchantDefinedField{{Name: "data1", Value: "a"}, {Name: "data2", Value: "b"}},
			DefaultPaymentInstrument:   &Reference{ID: ptr("PI1")},
			DefaultShippingAddress:     &Reference{ID: ptr("SA1")},
			Metadata:                   &Metadata{Creator: ptr("testrest")},
			Links:                      &CustomerLinks{Self: &Link{Href: "/tms/v2/customers/x"}},
		}
	}
	modify := func(mut func(*Customer)) *Customer {
		c := full()
		mut(c)
		return c
	}

	tests := []struct {
		name      string
		current   *Customer
		desired   *Customer
		want      string
		wantEmpty bool
	}{
		{name: "no change", current: full(), desired: full(), want: `{}`, wantEmpty: true},
		{name: "read-only fields never patched", current: full(),
			desired: modify(func(c *Customer) {
				c.ID, c.Metadata, c.Links = ptr("other"), &Metadata{Creator: ptr("me")}, nil
				c.Embedded = &CustomerEmbedded{DefaultShippingAddress: &ShippingAddress{ID: ptr("z")}}
			}),
			want: `{}`, wantEmpty: true},
		{name: "changed leaf only", current: full(),
			desired: modify(func(c *Customer) { c.BuyerInformation.Email = ptr("new@example.com") }),
			want:    `{"buyerInformation":{"email":"new@example.com"}}`},
		{name: "removed leaf is null", current: full(),
			desired: modify(func(c *Customer) { c.ObjectInformation.Comment = nil }),
			want:    `{"objectInformation":{"comment":null}}`},
		{name: "removed group is null", current: full(),
			desired: modify(func(c *Customer) { c.ClientReferenceInformation = nil; c.ObjectInformation = &ObjectInformation{} }),
			want:    `{"objectInformation":null,"clientReferenceInformation":null}`},
		{name: "empty string is a value, not a removal", current: full(),
			desired: modify(func(c *Customer) { c.ObjectInformation.Title = ptr("") }),
			want:    `{"objectInformation":{"title":""}}`},
		{name: "new group", current: &Customer{},
			desired: &Customer{ObjectInformation: &ObjectInformation{Title: ptr("T")}},
			want:    `{"objectInformation":{"title":"T"}}`},
		{name: "one list entry changed sends the whole list", current: full(),
			desired: modify(func(c *Customer) { c.MerchantDefinedInformation[1].Value = "c" }),
			want:    `{"merchantDefinedInformation":[{"name":"data1","value":"a"},{"name":"data2","value":"c"}]}`},
		{name: "list reordered sends the whole list", current: full(),
			desired: modify(func(c *Customer) {
				m := c.MerchantDefinedInformation
				m[0], m[1] = m[1], m[0]
			}),
			want: `{"merchantDefinedInformation":[{"name":"data2","value":"b"},{"name":"data1","value":"a"}]}`},
		{name: "list emptied is null", current: full(),
			desired: modify(func(c *Customer) { c.MerchantDefinedInformation = []MerchantDefinedField{} }),
			want:    `{"merchantDefinedInformation":null}`},
		{name: "nil and empty list are the same", current: &Customer{MerchantDefinedInformation: []MerchantDefinedField{}},
			desired: &Customer{}, want: `{}`, wantEmpty: true},
		{name: "default references", current: full(),
			desired: modify(func(c *Customer) {
				c.DefaultPaymentInstrument = &Reference{ID: ptr("PI2")}
				c.DefaultShippingAddress = nil
			}),
			want: `{"defaultPaymentInstrument":{"id":"PI2"},"defaultShippingAddress":null}`},
		{name: "nil current sends everything writable", current: nil, desired: full(),
			want: `{"objectInformation":{"title":"Gold","comment":"VIP"},"buyerInformation":{"merchantCustomerID":"cust-1","email":"jane@example.com"},"clientReferenceInformation":{"code":"TC1"},"merchantDefinedInformation":[{"name":"data1","value":"a"},{"name":"data2","value":"b"}],"defaultPaymentInstrument":{"id":"PI1"},"defaultShippingAddress":{"id":"SA1"}}`},
		{name: "nil desired removes everything", current: full(), desired: nil,
			want: `{"objectInformation":null,"buyerInformation":null,"clientReferenceInformation":null,"merchantDefinedInformation":null,"defaultPaymentInstrument":null,"defaultShippingAddress":null}`},
		{name: "quotes are escaped", current: &Customer{},
			desired: &Customer{ObjectInformation: &ObjectInformation{Comment: ptr(`say "hi" <b>`)}},
			want:    `{"objectInformation":{"comment":"say \"hi\" \u003cb\u003e"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := NewCustomerPatch(tt.current, tt.desired)
			if err != nil {
				t.Fatalf("NewCustomerPatch: %v", err)
			}
			got, err := json.Marshal(p)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("patch =\n  %s\nwant\n  %s", got, tt.want)
			}
			if p.IsEmpty() != tt.wantEmpty {
				t.Errorf("IsEmpty() = %v, want %v", p.IsEmpty(), tt.wantEmpty)
			}
			if !json.Valid(got) {
				t.Errorf("patch is not valid JSON: %s", got)
			}
		})
	}
}

func TestCustomerPatchDoesNotAliasDesired(t *testing.T) {
	desired := &Customer{MerchantDefinedInformation: []MerchantDefinedField{{Name: "data1", Value: "a"}}}
	p, err := NewCustomerPatch(nil, desired)
	if err != nil {
		t.Fatal(err)
	}
	desired.MerchantDefinedInformation[0].Value = "changed later"
	got, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"merchantDefinedInformation":[{"name":"data1","value":"a"}]}`; string(got) != want {
		t.Errorf("patch = %s, want %s", got, want)
	}
}

func TestZeroMergePatch(t *testing.T) {
	var p MergePatch
	got, err := p.MarshalJSON()
	if err != nil || string(got) != "{}" || !p.IsEmpty() {
		t.Errorf("zero patch = %s, %v, empty=%v", got, err, p.IsEmpty())
	}
}

// TestWholeGroupPatches covers the sub-resources' groups that are sent complete on any change
// (tms-subresources.md §6.5), with null for members that went away, and left out when unchanged.
func TestWholeGroupPatches(t *testing.T) {
	address := func(mut func(*Address)) *ShippingAddress {
		a := &ShippingAddress{ID: ptr("SA1"), Default: ptr(true), Metadata: &Metadata{Creator: ptr("m")},
			ShipTo: &Address{FirstName: ptr("Jane"), LastName: ptr("Doe"), Country: ptr("US")}}
		if mut != nil {
			mut(a.ShipTo)
		}
		return a
	}
	tests := []struct {
		name             string
		current, desired *ShippingAddress
		want             string
	}{
		{name: "unchanged", current: address(nil), desired: address(nil), want: `{}`},
		{name: "one member changed sends the group complete", current: address(nil),
			desired: address(func(a *Address) { a.LastName = ptr("Roe") }),
			want:    `{"shipTo":{"firstName":"Jane","lastName":"Roe","country":"US"}}`},
		{name: "removed member is null inside the complete group", current: address(nil),
			desired: address(func(a *Address) { a.LastName = nil; a.Locality = ptr("Austin") }),
			want:    `{"shipTo":{"firstName":"Jane","lastName":null,"locality":"Austin","country":"US"}}`},
		{name: "default alone", current: address(nil),
			desired: func() *ShippingAddress { a := address(nil); a.Default = ptr(false); return a }(),
			want:    `{"default":false}`},
		{name: "group removed is null", current: address(nil),
			desired: &ShippingAddress{Default: ptr(true)}, want: `{"shipTo":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := (&Client{}).ShippingAddresses().NewPatch(tt.current, tt.desired)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := p.MarshalJSON()
			if string(got) != tt.want {
				t.Errorf("patch = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestPaymentInstrumentPatchKeepsEmbeddedOut checks that read-only members of a payment
// instrument, the masked card number among them, never reach a PATCH body.
func TestPaymentInstrumentPatchKeepsEmbeddedOut(t *testing.T) {
	current := &PaymentInstrument{ID: ptr("PI1"), State: ptr("ACTIVE"),
		InstrumentIdentifier: &Reference{ID: ptr("7010000000016241111")},
		Card:                 &PaymentInstrumentCard{ExpirationMonth: ptr("12"), ExpirationYear: ptr("2031"), Type: ptr("001")},
		Embedded: &PaymentInstrumentEmbedded{InstrumentIdentifier: &InstrumentIdentifier{
			Card: &InstrumentIdentifierCard{Number: ptr("411111XXXXXX1111")}}}}
	desired := *current
	desired.Embedded, desired.State = nil, nil
	desired.Card = &PaymentInstrumentCard{ExpirationMonth: ptr("01"), ExpirationYear: ptr("2031"), Type: ptr("001")}
	p, err := (&Client{}).PaymentInstruments().NewPatch(current, &desired)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.MarshalJSON()
	if want := `{"card":{"expirationMonth":"01","expirationYear":"2031","type":"001"}}`; string(got) != want {
		t.Errorf("patch = %s, want %s", got, want)
	}
}

func TestUnionKeysKeepsFieldOrder(t *testing.T) {
	members := func(keys ...string) []member {
		out := make([]member, len(keys))
		for i, k := range keys {
			out[i] = member{key: k}
		}
		return out
	}
	tests := []struct {
		current, desired []member
		want             string
	}{
		{members("a", "b", "c"), members("a", "b", "c"), "a b c"},
		{members("a", "c"), members("b", "d"), "a c b d"},
		{members("b", "d"), members("a", "b", "c", "d", "e"), "a b c d e"},
		{members("a", "b", "e"), members("c", "e"), "a b c e"},
		{nil, members("x", "y"), "x y"},
		{members("x", "y"), nil, "x y"},
	}
	for _, tt := range tests {
		if got := strings.Join(unionKeys(tt.current, tt.desired), " "); got != tt.want {
			t.Errorf("unionKeys(%v, %v) = %q, want %q", tt.current, tt.desired, got, tt.want)
		}
	}
}
