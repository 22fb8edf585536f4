package client

import (
	"encoding/json"
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
			p := NewCustomerPatch(tt.current, tt.desired)
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
	p := NewCustomerPatch(nil, desired)
	desired.MerchantDefinedInformation[0].Value = "changed later"
	got, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"merchantDefinedInformation":[{"name":"data1","value":"a"}]}`; string(got) != want {
		t.Errorf("patch = %s, want %s", got, want)
	}
}

func TestZeroCustomerPatch(t *testing.T) {
	var p CustomerPatch
	got, err := p.MarshalJSON()
	if err != nil || string(got) != "{}" || !p.IsEmpty() {
		t.Errorf("zero patch = %s, %v, empty=%v", got, err, p.IsEmpty())
	}
}
