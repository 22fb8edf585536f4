package provider

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	resourceschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// TestModelCodecsMatchSchemas builds every resource model's codec against its schema, so that a
// field without an attribute (or the reverse) fails here rather than in a user's apply.
func TestModelCodecsMatchSchemas(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		resource resource.Resource
		model    reflect.Type
	}{
		{NewCustomerResource(), reflect.TypeFor[customerResourceModel]()},
		{NewShippingAddressResource(), reflect.TypeFor[shippingAddressResourceModel]()},
		{NewInstrumentIdentifierResource(), reflect.TypeFor[instrumentIdentifierResourceModel]()},
		{NewPaymentInstrumentResource(), reflect.TypeFor[paymentInstrumentResourceModel]()},
	} {
		var resp resource.SchemaResponse
		tc.resource.Schema(ctx, resource.SchemaRequest{}, &resp)
		if _, err := newModelCodec(ctx, tc.model, resp.Schema.Type()); err != nil {
			t.Errorf("%s: %v", tc.model, err)
		}
	}
}

// TestModelCodecRoundTrip: a payment instrument (nested bill_to, booleans, timeouts) survives
// encode then decode, null nested object included, exactly as tfsdk's Set and Get would carry it.
func TestModelCodecRoundTrip(t *testing.T) {
	ctx := context.Background()
	var resp resource.SchemaResponse
	NewPaymentInstrumentResource().Schema(ctx, resource.SchemaRequest{}, &resp)
	for _, billTo := range []*addressModel{nil, func() *addressModel { a := addressFromAPI(nil); a.Country = stringValue(ptr("US")); return &a }()} {
		var in paymentInstrumentResourceModel
		in.paymentInstrumentItem = paymentInstrumentItemFromAPI(&clientPaymentInstrumentFixture)
		in.BillTo = billTo
		raw, diags := writeModel(ctx, resp.Schema, &in)
		if diags.HasError() {
			t.Fatal(diags)
		}
		// The framework reads what the codec wrote.
		state := tfsdkState(resp.Schema, raw)
		var viaFramework paymentInstrumentResourceModel
		if diags := state.Get(ctx, &viaFramework); diags.HasError() {
			t.Fatal(diags)
		}
		var viaCodec paymentInstrumentResourceModel
		if diags := readModel(ctx, resp.Schema, raw, &viaCodec); diags.HasError() {
			t.Fatal(diags)
		}
		if !reflect.DeepEqual(viaCodec, viaFramework) {
			t.Errorf("codec read\n%+v\nframework read\n%+v", viaCodec, viaFramework)
		}
		if (viaCodec.BillTo == nil) != (billTo == nil) {
			t.Errorf("bill_to nil-ness changed: %v", viaCodec.BillTo)
		}
	}
	if v := rawString(tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"a": tftypes.String}},
		map[string]tftypes.Value{"a": tftypes.NewValue(tftypes.String, "x")}), "a"); v.ValueString() != "x" {
		t.Errorf("rawString = %s", v)
	}
}

// clientPaymentInstrumentFixture is an API payment instrument with every member the model maps.
var clientPaymentInstrumentFixture = client.PaymentInstrument{
	ID: ptr("PI1"), Default: ptr(true), State: ptr("ACTIVE"),
	Card:                 &client.PaymentInstrumentCard{ExpirationMonth: ptr("12"), ExpirationYear: ptr("2031"), Type: ptr("001")},
	InstrumentIdentifier: &client.Reference{ID: ptr("7010000000016241111")},
	Metadata:             &client.Metadata{Creator: ptr("m")},
	Embedded: &client.PaymentInstrumentEmbedded{InstrumentIdentifier: &client.InstrumentIdentifier{
		Card: &client.InstrumentIdentifierCard{Number: ptr("411111XXXXXX1111")}}},
}

// tfsdkState is a state of schema holding raw.
func tfsdkState(schema resourceschema.Schema, raw tftypes.Value) tfsdk.State {
	return tfsdk.State{Schema: schema, Raw: raw}
}
