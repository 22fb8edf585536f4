package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithIdentity = &customerResource{}

// customerIdentityModel is the resource identity (Terraform 1.12+): what names one customer. The
// profile is part of it because a customer is reached through its profile; it is null when the
// provider's (or the merchant's default) profile is used, exactly like the profile_id attribute.
// Both parts are stable for the customer's lifetime: profile_id forces replacement.
type customerIdentityModel struct {
	CustomerID types.String `tfsdk:"customer_id"`
	ProfileID  types.String `tfsdk:"profile_id"`
}

func (r *customerResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"customer_id": identityschema.StringAttribute{
				Description:       "The customer token id.",
				RequiredForImport: true,
			},
			"profile_id": identityschema.StringAttribute{
				Description:       "The TMS profile id the customer is managed through; omit it for the provider's profile.",
				OptionalForImport: true,
			},
		},
	}
}

// setCustomerIdentity records the identity of the customer in m. identity is nil when the
// framework has none to offer, which is then not an error.
func setCustomerIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, m customerModel) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, customerIdentityModel{CustomerID: m.ID, ProfileID: m.ProfileID})
}

// importIDFromIdentity reads an `import { identity = {...} }` block into the same form as a parsed
// import id, validated by the same rules.
func importIDFromIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity) (customerImportID, diag.Diagnostics) {
	var model customerIdentityModel
	diags := identity.Get(ctx, &model)
	if diags.HasError() {
		return customerImportID{}, diags
	}
	raw := model.CustomerID.ValueString()
	if profile := model.ProfileID.ValueString(); profile != "" {
		raw = profile + "/" + raw
	}
	id, err := parseImportID(raw)
	if err != nil {
		diags.AddError("Invalid Customer Import Identity",
			fmt.Sprintf("Cannot import cybersource_tms_customer from identity: %s. customer_id must be 1-32 letters or "+
				"digits and profile_id, when set, the 36-character TMS profile id.", err))
	}
	return id, diags
}
