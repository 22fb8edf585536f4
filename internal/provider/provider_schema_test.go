package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestProviderSchemas asks the protocol server for every schema, which runs the framework's own
// schema validation, and checks that the provider, each resource and data source and every
// attribute (nested ones included) carries a description: they become the registry docs.
func TestProviderSchemas(t *testing.T) {
	ctx := context.Background()
	server := providerserver.NewProtocol6(New("test")())()

	resp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Errorf("schema diagnostic: %s: %s", d.Summary, d.Detail)
	}
	schemas := map[string]*tfprotov6.Schema{"provider": resp.Provider}
	for name, s := range resp.ResourceSchemas {
		schemas["resource "+name] = s
	}
	for name, s := range resp.DataSourceSchemas {
		schemas["data source "+name] = s
	}
	if resp.ResourceSchemas["cybersource_tms_customer"] == nil || resp.DataSourceSchemas["cybersource_tms_customer"] == nil {
		t.Fatalf("cybersource_tms_customer missing: resources %v, data sources %v", resp.ResourceSchemas, resp.DataSourceSchemas)
	}
	for name, s := range schemas {
		if s.Block.Description == "" {
			t.Errorf("%s has no description", name)
		}
		checkAttributeDescriptions(t, name, s.Block.Attributes)
	}

	// Terraform's convention: secrets are sensitive; contact details are not, so that plans stay
	// reviewable, outputs work and generated configuration keeps them.
	wantSensitive := map[string][]string{
		"provider": {"shared_secret", "p12_base64", "p12_password"},
	}
	wantVisible := map[string][]string{
		"resource cybersource_tms_customer":    {"email"},
		"data source cybersource_tms_customer": {"email", "default_shipping_address.first_name", "default_shipping_address.email", "default_shipping_address.phone_number"},
	}
	for owner, names := range wantSensitive {
		got := sensitiveAttributes("", schemas[owner].Block.Attributes)
		for _, name := range names {
			if !got[name] {
				t.Errorf("%s: attribute %s is not sensitive", owner, name)
			}
		}
	}
	for owner, names := range wantVisible {
		got := sensitiveAttributes("", schemas[owner].Block.Attributes)
		for _, name := range names {
			if got[name] {
				t.Errorf("%s: contact detail %s is marked sensitive", owner, name)
			}
		}
	}

	identities, err := server.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range identities.Diagnostics {
		t.Errorf("identity schema diagnostic: %s: %s", d.Summary, d.Detail)
	}
	if identities.IdentitySchemas["cybersource_tms_customer"] == nil {
		t.Error("cybersource_tms_customer has no identity schema")
	}
}

// sensitiveAttributes returns the dotted names of the sensitive attributes, nested ones included.
func sensitiveAttributes(prefix string, attributes []*tfprotov6.SchemaAttribute) map[string]bool {
	found := map[string]bool{}
	for _, a := range attributes {
		if a.Sensitive {
			found[prefix+a.Name] = true
		}
		if a.NestedType != nil {
			for name := range sensitiveAttributes(prefix+a.Name+".", a.NestedType.Attributes) {
				found[name] = true
			}
		}
	}
	return found
}

func checkAttributeDescriptions(t *testing.T, owner string, attributes []*tfprotov6.SchemaAttribute) {
	t.Helper()
	for _, a := range attributes {
		if a.Description == "" {
			t.Errorf("%s: attribute %s has no description", owner, a.Name)
		}
		if a.NestedType != nil {
			checkAttributeDescriptions(t, owner+"."+a.Name, a.NestedType.Attributes)
		}
	}
}

// TestImportStateFromIdentity imports through an identity object, as an `import { identity = ... }`
// block does on Terraform 1.12+ (the acceptance test for it skips on older Terraform).
func TestImportStateFromIdentity(t *testing.T) {
	ctx := context.Background()
	r, ok := NewCustomerResource().(*customerResource)
	if !ok {
		t.Fatal("NewCustomerResource is not a *customerResource")
	}
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	var identityResp resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &identityResp)
	identityType := identityResp.IdentitySchema.Type().TerraformType(ctx)

	importWith := func(customerID, profileID tftypes.Value) (resource.ImportStateResponse, customerResourceModel) {
		req := resource.ImportStateRequest{Identity: &tfsdk.ResourceIdentity{
			Schema: identityResp.IdentitySchema,
			Raw:    tftypes.NewValue(identityType, map[string]tftypes.Value{"customer_id": customerID, "profile_id": profileID}),
		}}
		resp := resource.ImportStateResponse{State: tfsdk.State{
			Schema: schemaResp.Schema,
			Raw:    tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil),
		}}
		r.ImportState(ctx, req, &resp)
		var state customerResourceModel
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.Append(resp.State.Get(ctx, &state)...)
		}
		return resp, state
	}

	const profile = "F75AF380-9D1B-4117-83CD-FF2C0430ECE3"
	resp, state := importWith(tftypes.NewValue(tftypes.String, "ABC123"), tftypes.NewValue(tftypes.String, profile))
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if state.ID.ValueString() != "ABC123" || state.ProfileID.ValueString() != profile {
		t.Fatalf("imported id %s, profile %s", state.ID, state.ProfileID)
	}

	resp, state = importWith(tftypes.NewValue(tftypes.String, "ABC123"), tftypes.NewValue(tftypes.String, nil))
	if resp.Diagnostics.HasError() || !state.ProfileID.IsNull() {
		t.Fatalf("without profile: %v, profile %s", resp.Diagnostics, state.ProfileID)
	}

	resp, _ = importWith(tftypes.NewValue(tftypes.String, "not valid!"), tftypes.NewValue(tftypes.String, nil))
	if !resp.Diagnostics.HasError() || resp.Diagnostics.Errors()[0].Summary() != "Invalid Customer Import Identity" {
		t.Fatalf("invalid identity gave %v", resp.Diagnostics)
	}
}
