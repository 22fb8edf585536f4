package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identity (Terraform 1.12+) is what names one object: the parts of its import id and
// the profile it is reached through. The profile is null when the provider's (or the merchant's
// default) profile is used, exactly like the profile_id attribute when the object was first
// recorded. An identity must never change for the life of an object (the framework refuses a
// changed one), so it is written once and then kept (setIdentity), even when profile_id later
// moves between the resource and the provider block.

// identitySchema is the kind's identity: one attribute per import id part, plus profile_id.
func (k *tmsKind) identitySchema() identityschema.Schema {
	attributes := map[string]identityschema.Attribute{
		"profile_id": identityschema.StringAttribute{
			Description:       fmt.Sprintf("The TMS profile id the %s is managed through; omit it for the provider's profile.", k.lowerNoun()),
			OptionalForImport: true,
		},
	}
	for _, p := range k.idParts {
		attributes[p.identity] = identityschema.StringAttribute{
			Description:       fmt.Sprintf("The %s.", p.label),
			RequiredForImport: true,
		}
	}
	return identityschema.Schema{Attributes: attributes}
}

// identityValue is the identity of an object whose id parts and profile_id are given.
func (k *tmsKind) identityValue(ids []types.String, profileID types.String) (types.Object, diag.Diagnostics) {
	types_ := map[string]attr.Type{"profile_id": types.StringType}
	values := map[string]attr.Value{"profile_id": profileID}
	for i, p := range k.idParts {
		types_[p.identity] = types.StringType
		values[p.identity] = ids[i]
	}
	return types.ObjectValue(types_, values)
}

// setIdentity records the identity once: it is left alone when it is already set, because an
// identity may not change. identity is nil when the framework has none to offer (Terraform
// before 1.12), which is then not an error.
func (k *tmsKind) setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, ids []types.String, profileID types.String) diag.Diagnostics {
	if identity == nil || !identity.Raw.IsFullyNull() {
		return nil
	}
	value, diags := k.identityValue(ids, profileID)
	if diags.HasError() {
		return diags
	}
	return identity.Set(ctx, value)
}

// importIDFromIdentity reads an `import { identity = {...} }` block into the same form as a parsed
// import id, validated by the same rules.
func (k *tmsKind) importIDFromIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity) (importID, diag.Diagnostics) {
	var diags diag.Diagnostics
	parts := make([]string, 0, len(k.idParts)+1)
	var profile types.String
	diags.Append(identity.GetAttribute(ctx, path.Root("profile_id"), &profile)...)
	if p := profile.ValueString(); p != "" {
		parts = append(parts, p)
	}
	for _, p := range k.idParts {
		var value types.String
		diags.Append(identity.GetAttribute(ctx, path.Root(p.identity), &value)...)
		parts = append(parts, value.ValueString())
	}
	if diags.HasError() {
		return importID{}, diags
	}
	id, err := k.parseImportID(strings.Join(parts, "/"))
	if err != nil {
		diags.AddError(fmt.Sprintf("Invalid %s Import Identity", k.noun),
			fmt.Sprintf("Cannot import cybersource%s from identity: %s.\n\n%s", k.typeSuffix, err, k.importIDForms()))
	}
	return id, diags
}
