package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
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

// setIdentity records the identity once: it is left alone when it is already set, because an
// identity may not change. identity is nil when the framework has none to offer, which is then
// not an error. The value is built directly as a Terraform object: it is set on nearly every
// operation under Terraform before 1.12, which keeps no identity, and the framework's reflection
// would cost more than the rest of the identity's handling.
func (k *tmsKind) setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, ids []types.String, profileID types.String) {
	if identity == nil || !identity.Raw.IsFullyNull() {
		return
	}
	k.identityOnce.Do(func() {
		k.identityType, _ = identity.Schema.Type().TerraformType(ctx).(tftypes.Object)
	})
	values := make(map[string]tftypes.Value, len(k.idParts)+1)
	values["profile_id"] = stringTerraformValue(profileID)
	for i, p := range k.idParts {
		values[p.identity] = stringTerraformValue(ids[i])
	}
	identity.Raw = tftypes.NewValue(k.identityType, values)
}

// stringTerraformValue is v as a Terraform value; unknown values (never in an identity) are null.
func stringTerraformValue(v types.String) tftypes.Value {
	if v.IsNull() || v.IsUnknown() {
		return tftypes.NewValue(tftypes.String, nil)
	}
	return tftypes.NewValue(tftypes.String, v.ValueString())
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
