package provider

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

func ptr[T any](v T) *T { return &v }

func mdiMap(t *testing.T, values map[string]string) types.Map {
	t.Helper()
	elements := map[string]attr.Value{}
	for k, v := range values {
		elements[k] = types.StringValue(v)
	}
	m, diags := types.MapValue(types.StringType, elements)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return m
}

// nullModel is a customer with every attribute null.
func nullModel() customerModel {
	return customerModel{
		ID: types.StringNull(), ProfileID: types.StringNull(), MerchantCustomerID: types.StringNull(),
		Email: types.StringNull(), ClientReferenceCode: types.StringNull(), Title: types.StringNull(),
		Comment: types.StringNull(), MerchantDefinedInformation: types.MapNull(types.StringType),
		DefaultPaymentInstrumentID: types.StringNull(), DefaultShippingAddressID: types.StringNull(),
		Creator: types.StringNull(),
	}
}

func fullModel(t *testing.T) customerModel {
	m := nullModel()
	m.ID = types.StringValue("F2F3ADA770102B51E053A2598D0A9078")
	m.MerchantCustomerID = types.StringValue("cust-000123")
	m.Email = types.StringValue("jane@example.com")
	m.ClientReferenceCode = types.StringValue("TC50171_3")
	m.Title = types.StringValue("Gold")
	m.Comment = types.StringValue("note")
	m.MerchantDefinedInformation = mdiMap(t, map[string]string{"sensitive1": "s", "data1": "gold"})
	m.DefaultPaymentInstrumentID = types.StringValue("PI1")
	m.DefaultShippingAddressID = types.StringValue("SA1")
	m.Creator = types.StringValue("tfdemo_merchant")
	return m
}

// equalModels compares every attribute with the framework's value equality (null != empty).
func equalModels(a, b customerModel) bool {
	return a.ID.Equal(b.ID) && a.ProfileID.Equal(b.ProfileID) && a.MerchantCustomerID.Equal(b.MerchantCustomerID) &&
		a.Email.Equal(b.Email) && a.ClientReferenceCode.Equal(b.ClientReferenceCode) && a.Title.Equal(b.Title) &&
		a.Comment.Equal(b.Comment) && a.MerchantDefinedInformation.Equal(b.MerchantDefinedInformation) &&
		a.DefaultPaymentInstrumentID.Equal(b.DefaultPaymentInstrumentID) &&
		a.DefaultShippingAddressID.Equal(b.DefaultShippingAddressID) && a.Creator.Equal(b.Creator)
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestToCustomer(t *testing.T) {
	t.Run("all null gives an empty body", func(t *testing.T) {
		c := nullModel().toCustomer()
		if got := marshal(t, c); got != `{}` {
			t.Fatalf("body = %s, want {}", got)
		}
	})
	t.Run("unknown values are left out", func(t *testing.T) {
		m := nullModel()
		m.DefaultPaymentInstrumentID = types.StringUnknown()
		m.MerchantDefinedInformation = types.MapUnknown(types.StringType)
		c := m.toCustomer()
		if got := marshal(t, c); got != `{}` {
			t.Fatalf("body = %s, want {}", got)
		}
	})
	t.Run("every attribute maps to its API field; read-only ones are not sent", func(t *testing.T) {
		c := fullModel(t).toCustomer()
		want := `{"objectInformation":{"title":"Gold","comment":"note"},` +
			`"buyerInformation":{"merchantCustomerID":"cust-000123","email":"jane@example.com"},` +
			`"clientReferenceInformation":{"code":"TC50171_3"},` +
			`"merchantDefinedInformation":[{"name":"data1","value":"gold"},{"name":"sensitive1","value":"s"}],` +
			`"defaultPaymentInstrument":{"id":"PI1"},"defaultShippingAddress":{"id":"SA1"}}`
		if got := marshal(t, c); got != want {
			t.Fatalf("body =\n%s\nwant\n%s", got, want)
		}
	})
	t.Run("a group is present when only one of its fields is", func(t *testing.T) {
		m := nullModel()
		m.Comment = types.StringValue("only comment")
		c := m.toCustomer()
		if got := marshal(t, c); got != `{"objectInformation":{"comment":"only comment"}}` {
			t.Fatalf("body = %s", got)
		}
	})
}

func TestFromCustomer(t *testing.T) {
	t.Run("round trip", func(t *testing.T) {
		want := fullModel(t)
		c := want.toCustomer()
		c.ID = ptr(want.ID.ValueString())
		c.Metadata = &client.Metadata{Creator: ptr("tfdemo_merchant")}
		got := nullModel()
		if diags := got.fromCustomer(c, nullModel()); diags.HasError() {
			t.Fatal(diags)
		}
		if !equalModels(got, want) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, want)
		}
	})
	t.Run("absent and empty API values become null; id and profile are kept", func(t *testing.T) {
		got := fullModel(t)
		got.ProfileID = types.StringValue("F75AF380-9D1B-4117-83CD-FF2C0430ECE3")
		c := &client.Customer{ObjectInformation: &client.ObjectInformation{Title: ptr("")}}
		if diags := got.fromCustomer(c, got); diags.HasError() {
			t.Fatal(diags)
		}
		want := nullModel()
		want.ID = types.StringValue("F2F3ADA770102B51E053A2598D0A9078")
		want.ProfileID = types.StringValue("F75AF380-9D1B-4117-83CD-FF2C0430ECE3")
		if !equalModels(got, want) {
			t.Fatalf("got %+v\nwant %+v", got, want)
		}
	})
	t.Run("no merchant-defined information keeps the prior's shape", func(t *testing.T) {
		empty := types.MapValueMust(types.StringType, map[string]attr.Value{})
		for name, tc := range map[string]struct {
			prior  types.Map
			isNull bool
		}{
			"prior null":      {types.MapNull(types.StringType), true},
			"prior unknown":   {types.MapUnknown(types.StringType), true},
			"prior empty":     {empty, false},
			"prior non-empty": {mdiMap(t, map[string]string{"data1": "x"}), true},
		} {
			got, diags := merchantDefinedInformationValue(nil, tc.prior)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if got.IsNull() != tc.isNull || (!got.IsNull() && len(got.Elements()) != 0) {
				t.Errorf("%s: got %s", name, got)
			}
		}
	})
}

// TestCustomerPatchFromModels checks the update path end to end on the mapping side: state and
// plan become customers, and client.NewCustomerPatch gets exactly the differences.
func TestCustomerPatchFromModels(t *testing.T) {
	patchBody := func(t *testing.T, state, plan customerModel) (string, bool) {
		t.Helper()
		p, err := client.NewCustomerPatch(state.toCustomer(), plan.toCustomer())
		if err != nil {
			t.Fatal(err)
		}
		return marshal(t, p), p.IsEmpty()
	}
	state := fullModel(t)

	t.Run("no change, including read-only attributes and unknown computed ones, is an empty patch", func(t *testing.T) {
		plan := fullModel(t)
		plan.Creator = types.StringUnknown()
		if body, empty := patchBody(t, state, plan); !empty {
			t.Fatalf("patch = %s, want empty", body)
		}
	})
	t.Run("removing one field of a group sends null for it", func(t *testing.T) {
		plan := fullModel(t)
		plan.Email = types.StringNull()
		if body, _ := patchBody(t, state, plan); body != `{"buyerInformation":{"email":null}}` {
			t.Fatalf("patch = %s", body)
		}
	})
	t.Run("removing a whole group sends null for the group", func(t *testing.T) {
		plan := fullModel(t)
		plan.Title, plan.Comment = types.StringNull(), types.StringNull()
		if body, _ := patchBody(t, state, plan); body != `{"objectInformation":null}` {
			t.Fatalf("patch = %s", body)
		}
	})
	t.Run("changing one merchant-defined value sends the whole list", func(t *testing.T) {
		plan := fullModel(t)
		plan.MerchantDefinedInformation = mdiMap(t, map[string]string{"sensitive1": "s", "data1": "silver"})
		want := `{"merchantDefinedInformation":[{"name":"data1","value":"silver"},{"name":"sensitive1","value":"s"}]}`
		if body, _ := patchBody(t, state, plan); body != want {
			t.Fatalf("patch = %s, want %s", body, want)
		}
	})
	t.Run("an empty map removes the list", func(t *testing.T) {
		plan := fullModel(t)
		plan.MerchantDefinedInformation = types.MapValueMust(types.StringType, map[string]attr.Value{})
		if body, _ := patchBody(t, state, plan); body != `{"merchantDefinedInformation":null}` {
			t.Fatalf("patch = %s", body)
		}
	})
	t.Run("choosing another default payment instrument", func(t *testing.T) {
		plan := fullModel(t)
		plan.DefaultPaymentInstrumentID = types.StringValue("PI2")
		if body, _ := patchBody(t, state, plan); body != `{"defaultPaymentInstrument":{"id":"PI2"}}` {
			t.Fatalf("patch = %s", body)
		}
	})
}

func TestEmbeddedValues(t *testing.T) {
	t.Run("absent embedded objects are null", func(t *testing.T) {
		var m customerDataSourceModel
		if diags := m.setEmbedded(&client.Customer{}); diags.HasError() {
			t.Fatal(diags)
		}
		if !m.DefaultPaymentInstrument.IsNull() || !m.DefaultShippingAddress.IsNull() {
			t.Fatalf("got %s / %s, want null objects", m.DefaultPaymentInstrument, m.DefaultShippingAddress)
		}
	})
	t.Run("present embedded objects are mapped", func(t *testing.T) {
		c := &client.Customer{Embedded: &client.CustomerEmbedded{
			DefaultPaymentInstrument: &client.PaymentInstrument{
				ID: ptr("PI1"), Object: ptr("paymentInstrument"), State: ptr("ACTIVE"),
				Card:                 &client.PaymentInstrumentCard{ExpirationMonth: ptr("12"), ExpirationYear: ptr("2031"), Type: ptr("001")},
				InstrumentIdentifier: &client.Reference{ID: ptr("II1")},
			},
			DefaultShippingAddress: &client.ShippingAddress{ID: ptr("SA1")},
		}}
		var m customerDataSourceModel
		if diags := m.setEmbedded(c); diags.HasError() {
			t.Fatal(diags)
		}
		pi := m.DefaultPaymentInstrument.Attributes()
		for key, want := range map[string]string{
			"id": "PI1", "type": "paymentInstrument", "state": "ACTIVE", "card_type": "001",
			"expiration_month": "12", "expiration_year": "2031", "instrument_identifier_id": "II1",
		} {
			if got, ok := pi[key].(types.String); !ok || got.ValueString() != want {
				t.Errorf("default_payment_instrument.%s = %q, want %q", key, got, want)
			}
		}
		sa := m.DefaultShippingAddress.Attributes()
		if id, ok := sa["id"].(types.String); !ok || id.ValueString() != "SA1" || !sa["first_name"].IsNull() {
			t.Errorf("default_shipping_address = %s; want id SA1 and null shipTo fields", m.DefaultShippingAddress)
		}
	})
}

// mdiWithNull is merchant_defined_information as `{ data1 = "gold", data2 = null }` arrives from
// a configuration such as `data2 = var.flag ? "x" : null` (issue 11, item 3).
func mdiWithNull() types.Map {
	return types.MapValueMust(types.StringType, map[string]attr.Value{
		"data1": types.StringValue("gold"),
		"data2": types.StringNull(),
	})
}

func TestMerchantDefinedFieldsLeaveOutNullElements(t *testing.T) {
	values := types.MapValueMust(types.StringType, map[string]attr.Value{
		"data1":      types.StringValue("gold"),
		"data2":      types.StringNull(),
		"data3":      types.StringUnknown(),
		"sensitive1": types.StringValue("s"),
	})
	want := `[{"name":"data1","value":"gold"},{"name":"sensitive1","value":"s"}]`
	if got := marshal(t, merchantDefinedFields(values)); got != want {
		t.Errorf("fields = %s, want %s", got, want)
	}
	onlyNull := types.MapValueMust(types.StringType, map[string]attr.Value{"data2": types.StringNull()})
	if fields := merchantDefinedFields(onlyNull); fields != nil {
		t.Errorf("fields of a map of nulls = %v, want none (no merchantDefinedInformation sent)", fields)
	}
}

func TestMerchantDefinedInformationValueKeepsPriorNulls(t *testing.T) {
	gold := []client.MerchantDefinedField{{Name: "data1", Value: "gold"}}
	tests := []struct {
		name   string
		fields []client.MerchantDefinedField
		prior  types.Map
		want   types.Map
	}{
		{"the API's entries plus the prior's null", gold, mdiWithNull(), mdiWithNull()},
		{
			"only a null: the map, not a null map",
			nil,
			types.MapValueMust(types.StringType, map[string]attr.Value{"data2": types.StringNull()}),
			types.MapValueMust(types.StringType, map[string]attr.Value{"data2": types.StringNull()}),
		},
		{
			"a value set elsewhere wins over the prior's null (drift shows)",
			append(gold, client.MerchantDefinedField{Name: "data2", Value: "set elsewhere"}),
			mdiWithNull(),
			mdiMap(t, map[string]string{"data1": "gold", "data2": "set elsewhere"}),
		},
		{"no prior nulls, nothing added", gold, mdiMap(t, map[string]string{"data1": "old"}), mdiMap(t, map[string]string{"data1": "gold"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := merchantDefinedInformationValue(tt.fields, tt.prior)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if !got.Equal(tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCustomerPatchWithNullMerchantDefinedElement(t *testing.T) {
	state := nullModel()
	state.MerchantDefinedInformation = mdiMap(t, map[string]string{"data1": "gold", "data2": "opted-in"})
	plan := nullModel()
	plan.MerchantDefinedInformation = mdiWithNull()
	p, err := client.NewCustomerPatch(state.toCustomer(), plan.toCustomer())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := marshal(t, p), `{"merchantDefinedInformation":[{"name":"data1","value":"gold"}]}`; got != want {
		t.Errorf("patch = %s, want %s", got, want)
	}
	// The state after that update keeps the null, so the next plan shows no change.
	refreshed := nullModel()
	if diags := refreshed.fromCustomer(plan.toCustomer(), plan); diags.HasError() {
		t.Fatal(diags)
	}
	if !refreshed.MerchantDefinedInformation.Equal(plan.MerchantDefinedInformation) {
		t.Errorf("state %s differs from the plan %s", refreshed.MerchantDefinedInformation, plan.MerchantDefinedInformation)
	}
}
