package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// validateProviderConfig runs ValidateConfig on a provider block given as attribute values
// (unset attributes are null).
func validateProviderConfig(t *testing.T, values map[string]tftypes.Value) diag.Diagnostics {
	t.Helper()
	ctx := context.Background()
	p := &cybersourceProvider{}
	var schemaResp provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &schemaResp)
	objectType, ok := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("provider schema type is %T, want an object", schemaResp.Schema.Type().TerraformType(ctx))
	}
	raw := map[string]tftypes.Value{}
	for name, attrType := range objectType.AttributeTypes {
		raw[name] = tftypes.NewValue(attrType, nil)
	}
	for name, v := range values {
		if _, ok := raw[name]; !ok {
			t.Fatalf("no provider attribute %s", name)
		}
		raw[name] = v
	}
	var resp provider.ValidateConfigResponse
	p.ValidateConfig(ctx, provider.ValidateConfigRequest{Config: tfsdk.Config{
		Schema: schemaResp.Schema,
		Raw:    tftypes.NewValue(objectType, raw),
	}}, &resp)
	return resp.Diagnostics
}

// TestValidateConfigWarnsAboutUnusedSettings: a setting of the other authentication method is
// reported as ignored, on its attribute, and never when it is in use.
func TestValidateConfigWarnsAboutUnusedSettings(t *testing.T) {
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	tests := []struct {
		name   string
		values map[string]tftypes.Value
		want   []string // attributes with a warning
	}{
		{"key_id with a P12", map[string]tftypes.Value{"key_id": str("k"), "p12_file": str("a.p12")}, []string{"key_id"}},
		{"key_id with a shared secret", map[string]tftypes.Value{"key_id": str("k"), "shared_secret": str("c2VjcmV0")}, nil},
		{"p12_password and key_alias with a shared secret", map[string]tftypes.Value{
			"key_id": str("k"), "shared_secret": str("c2VjcmV0"), "p12_password": str("pw"), "key_alias": str("alias"),
		}, []string{"key_alias", "p12_password"}},
		{"p12_password with a P12", map[string]tftypes.Value{"p12_base64": str("AAAA"), "p12_password": str("pw")}, nil},
		{"p12_password with a P12 not known yet", map[string]tftypes.Value{
			"shared_secret": str("c2VjcmV0"), "p12_file": unknown, "p12_password": str("pw"),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := validateProviderConfig(t, tt.values)
			got := map[string]bool{}
			for _, d := range diags.Warnings() {
				withPath, ok := d.(diag.DiagnosticWithPath)
				if !ok {
					t.Errorf("warning %q has no attribute path", d.Summary())
					continue
				}
				got[withPath.Path().String()] = true
			}
			if len(got) != len(tt.want) {
				t.Errorf("warnings on %v, want on %v", got, tt.want)
			}
			for _, attribute := range tt.want {
				if !got[path.Root(attribute).String()] {
					t.Errorf("no warning on %s (warnings: %v)", attribute, diags.Warnings())
				}
			}
		})
	}
}
