package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

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

var shippingAddressAPI = customerItemAPI[shippingAddressResourceModel](shippingAddressKind, (*client.Client).ShippingAddresses)
