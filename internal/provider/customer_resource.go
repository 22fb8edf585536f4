package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// customerKind is cybersource_tms_customer (tms-api.md §1, §3).
var customerKind = &tmsKind{
	typeSuffix: "_tms_customer",
	noun:       "Customer",
	idParts: []idPart{{
		attribute: "id", identity: "customer_id", label: "customer id",
		example: "F2F3ADA770102B51E053A2598D0A9078", maxLength: 32,
	}},
	privateKey: "customer_etag",
	fieldAttributes: map[string]path.Path{
		"objectInformation.title":             path.Root("title"),
		"objectInformation.comment":           path.Root("comment"),
		"buyerInformation.merchantCustomerID": path.Root("merchant_customer_id"),
		"buyerInformation.email":              path.Root("email"),
		"clientReferenceInformation.code":     path.Root("client_reference_code"),
		"merchantDefinedInformation":          path.Root("merchant_defined_information"),
		"defaultPaymentInstrument.id":         path.Root("default_payment_instrument_id"),
		"defaultPaymentInstrument":            path.Root("default_payment_instrument_id"),
		"defaultShippingAddress.id":           path.Root("default_shipping_address_id"),
		"defaultShippingAddress":              path.Root("default_shipping_address_id"),
	},
}

// customerResource is cybersource_tms_customer. Each CRUD method makes exactly one API call;
// Update makes none when nothing changes API-side.
type customerResource struct {
	tmsResource[customerResourceModel, client.Customer]
}

// NewCustomerResource is the factory registered with the provider.
func NewCustomerResource() resource.Resource {
	return &customerResource{tmsResource[customerResourceModel, client.Customer]{kind: customerKind, api: customerAPI}}
}

// customerAPI maps the CRUD skeleton's operations to the customer calls of the client.
var customerAPI = tmsAPI[customerResourceModel, client.Customer]{
	create: func(ctx context.Context, d *providerData, plan customerResourceModel, _ tfsdk.Config, opts client.CallOptions) (*client.Result[client.Customer], error) {
		return d.client.CreateCustomer(ctx, plan.toCustomer(), opts)
	},
	read: func(ctx context.Context, d *providerData, state customerResourceModel, opts client.CallOptions) (*client.Result[client.Customer], error) {
		return d.client.GetCustomer(ctx, state.ID.ValueString(), opts)
	},
	patch: func(_ context.Context, state, plan customerResourceModel) (client.MergePatch, diag.Diagnostics) {
		return mergePatchOrDiag(client.NewCustomerPatch(state.toCustomer(), plan.toCustomer()))
	},
	update: func(ctx context.Context, d *providerData, state customerResourceModel, patch client.MergePatch, opts client.CallOptions) (*client.Result[client.Customer], error) {
		return d.client.UpdateCustomer(ctx, state.ID.ValueString(), patch, opts)
	},
	delete: func(ctx context.Context, d *providerData, state customerResourceModel, opts client.CallOptions) error {
		_, err := d.client.DeleteCustomer(ctx, state.ID.ValueString(), opts)
		return err
	},
	refresh: func(_ context.Context, prior customerResourceModel, value *client.Customer) (customerResourceModel, diag.Diagnostics) {
		refreshed := prior
		diags := refreshed.fromCustomer(value, prior.customerModel)
		return refreshed, diags
	},
	// A customer's default ids move when its items are created, deleted or take the default.
	serverMoved: func(m customerResourceModel) customerResourceModel {
		m.DefaultPaymentInstrumentID, m.DefaultShippingAddressID = types.StringNull(), types.StringNull()
		return m
	},
}

// mergePatchOrDiag turns a patch-building error, which only a provider bug can cause, into a
// diagnostic.
func mergePatchOrDiag(patch client.MergePatch, err error) (client.MergePatch, diag.Diagnostics) {
	var diags diag.Diagnostics
	if err != nil {
		diags.AddError("Unable to Build the Update",
			fmt.Sprintf("Computing the changes to send failed: %s. This is a bug in the provider; please report it.", err))
	}
	return patch, diags
}
