package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// shippingAddressKind is cybersource_tms_customer_shipping_address (tms-subresources.md §1a, §3).
var shippingAddressKind = &tmsKind{
	typeSuffix: "_tms_customer_shipping_address",
	noun:       "Shipping Address",
	idParts: []idPart{
		customerIDPart,
		{attribute: "id", identity: "shipping_address_id", label: "shipping address id",
			example: "F2F4C2D1B966D631E053A2598D0AB155", maxLength: 32},
	},
	privateKey: "etag",
	fieldAttributes: withFieldAttributes(addressFieldAttributes("shipTo", path.Empty()),
		map[string]path.Path{"default": path.Root("default")}),
	hasDefault: true,
}

// customerIDPart is the customer id in the import ids of a customer's items.
var customerIDPart = idPart{attribute: "customer_id", identity: "customer_id", label: "customer id",
	example: "F2F3ADA770102B51E053A2598D0A9078", maxLength: 32}

// shippingAddressResource is cybersource_tms_customer_shipping_address.
type shippingAddressResource struct {
	tmsResource[shippingAddressResourceModel, client.ShippingAddress]
}

// NewShippingAddressResource is the factory registered with the provider.
func NewShippingAddressResource() resource.Resource {
	return &shippingAddressResource{tmsResource[shippingAddressResourceModel, client.ShippingAddress]{
		kind: shippingAddressKind, api: shippingAddressAPI}}
}

var shippingAddressAPI = tmsAPI[shippingAddressResourceModel, client.ShippingAddress]{
	create: func(ctx context.Context, d *providerData, plan shippingAddressResourceModel, _ tfsdk.Config, opts client.CallOptions) (*client.Result[client.ShippingAddress], error) {
		return d.client.CreateShippingAddress(ctx, plan.CustomerID.ValueString(), plan.toAPI(), opts)
	},
	read: func(ctx context.Context, d *providerData, state shippingAddressResourceModel, opts client.CallOptions) (*client.Result[client.ShippingAddress], error) {
		return d.client.GetShippingAddress(ctx, state.CustomerID.ValueString(), state.ID.ValueString(), opts)
	},
	patch: func(_ context.Context, state, plan shippingAddressResourceModel) (client.MergePatch, diag.Diagnostics) {
		return mergePatchOrDiag(client.NewShippingAddressPatch(state.toAPI(), plan.toAPI()))
	},
	update: func(ctx context.Context, d *providerData, state shippingAddressResourceModel, patch client.MergePatch, opts client.CallOptions) (*client.Result[client.ShippingAddress], error) {
		return d.client.UpdateShippingAddress(ctx, state.CustomerID.ValueString(), state.ID.ValueString(), patch, opts)
	},
	delete: func(ctx context.Context, d *providerData, state shippingAddressResourceModel, opts client.CallOptions) error {
		return deleteCustomerItem(ctx, d, shippingAddressKind, state.CustomerID.ValueString(), state.ID.ValueString(), opts,
			d.client.DeleteShippingAddress, d.client.ListShippingAddresses)
	},
	refresh: func(_ context.Context, prior shippingAddressResourceModel, value *client.ShippingAddress) (shippingAddressResourceModel, diag.Diagnostics) {
		return prior.refreshed(value), nil
	},
}
