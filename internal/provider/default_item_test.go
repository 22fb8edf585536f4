package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestWarnIfDefaultRetaken: the plan warns, on `default`, exactly when the configuration claimed
// the default at the last apply (private state) and still does (true in the plan) for an item
// whose state says it lost it (false).
func TestWarnIfDefaultRetaken(t *testing.T) {
	ctx := context.Background()
	var schemaResp resource.SchemaResponse
	(&shippingAddressResource{}).Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	objectType, ok := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("the schema's type is %T", schemaResp.Schema.Type().TerraformType(ctx))
	}
	// withDefault is a shipping address with every attribute null but its id and default.
	withDefault := func(value any) tftypes.Value {
		attributes := map[string]tftypes.Value{}
		for name, typ := range objectType.AttributeTypes {
			attributes[name] = tftypes.NewValue(typ, nil)
		}
		attributes["id"] = tftypes.NewValue(tftypes.String, "F2F4C2D1B966D631E053A2598D0AB155")
		attributes["default"] = tftypes.NewValue(tftypes.Bool, value)
		return tftypes.NewValue(objectType, attributes)
	}
	modifyPlan := func(kind *tmsKind, claimed bool, planned, current any) diag.Diagnostics {
		req := resource.ModifyPlanRequest{
			Plan:  tfsdk.Plan{Schema: schemaResp.Schema, Raw: withDefault(planned)},
			State: tfsdk.State{Schema: schemaResp.Schema, Raw: withDefault(current)},
		}
		var resp resource.ModifyPlanResponse
		kind.warnIfDefaultRetaken(req, &resp, privateRecord{ClaimsDefault: claimed})
		return resp.Diagnostics
	}

	diags := modifyPlan(shippingAddressKind, true, true, false)
	if len(diags) != 1 || diags.WarningsCount() != 1 || diags[0].Summary() != "Shipping Address Lost the Default" {
		t.Fatalf("plan true over state false gave %v, want the warning", diags)
	}
	if detail := diags[0].Detail(); !strings.Contains(detail, `"F2F4C2D1B966D631E053A2598D0AB155"`) || !strings.Contains(detail, "set it on one of them only") {
		t.Errorf("the warning does not name the item and the advice: %s", detail)
	}
	if withPath, ok := diags[0].(diag.DiagnosticWithPath); !ok || withPath.Path().String() != "default" {
		t.Errorf("the warning is not on the attribute default: %v", diags[0])
	}

	for _, c := range []struct {
		name             string
		kind             *tmsKind
		claimed          bool
		planned, current any
	}{
		{"still the default", shippingAddressKind, true, true, true},
		{"no longer claimed", shippingAddressKind, true, nil, false},
		{"newly claimed: simply made the default", shippingAddressKind, false, true, false},
		{"not yet known", shippingAddressKind, true, tftypes.UnknownValue, false},
		{"state without a value", shippingAddressKind, true, true, nil},
		{"kind without a default", customerKind, true, true, false},
	} {
		if diags := modifyPlan(c.kind, c.claimed, c.planned, c.current); len(diags) != 0 {
			t.Errorf("%s: got %v, want nothing", c.name, diags)
		}
	}
}

func TestRememberDefaultClaim(t *testing.T) {
	ctx := context.Background()
	private := fakePrivateState{}
	var resp resource.SchemaResponse
	NewShippingAddressResource().Schema(ctx, resource.SchemaRequest{}, &resp)
	configWith := func(claim *bool) tfsdk.Config {
		objectType, _ := resp.Schema.Type().TerraformType(ctx).(tftypes.Object)
		values := map[string]tftypes.Value{}
		for name, typ := range objectType.AttributeTypes {
			values[name] = tftypes.NewValue(typ, nil)
		}
		if claim != nil {
			values["default"] = tftypes.NewValue(tftypes.Bool, *claim)
		}
		return tfsdk.Config{Schema: resp.Schema, Raw: tftypes.NewValue(objectType, values)}
	}
	claim := true
	if diags := shippingAddressKind.rememberDefaultClaim(ctx, private, private, configWith(&claim)); diags.HasError() {
		t.Fatal(diags)
	}
	if rec, _ := loadPrivate(ctx, private, shippingAddressKind.privateKey); !rec.ClaimsDefault {
		t.Fatal("an update sending nothing forgot that the configuration now claims the default")
	}
	if diags := shippingAddressKind.rememberDefaultClaim(ctx, private, private, configWith(nil)); diags.HasError() {
		t.Fatal(diags)
	}
	if rec, _ := loadPrivate(ctx, private, shippingAddressKind.privateKey); rec.ClaimsDefault {
		t.Fatal("the claim outlived a configuration that dropped it")
	}
}
