package provider

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// NewShippingAddressesDataSource is data.cybersource_tms_customer_shipping_addresses.
func NewShippingAddressesDataSource() datasource.DataSource {
	attributes := map[string]dsschema.Attribute{
		"id":      dsschema.StringAttribute{MarkdownDescription: "Shipping address token id.", Computed: true},
		"default": dsschema.BoolAttribute{MarkdownDescription: "Whether it is the customer's default shipping address.", Computed: true},
		"creator": dsschema.StringAttribute{MarkdownDescription: "The merchant that created it (`metadata.creator`).", Computed: true},
	}
	maps.Copy(attributes, addressDataSourceAttributes("shipTo"))
	return &tmsListDataSource[shippingAddressItem, client.ShippingAddress]{
		tmsDataSource:  tmsDataSource{kind: shippingAddressKind, typeSuffix: "_tms_customer_shipping_addresses"},
		listAttribute:  "shipping_addresses",
		plural:         "shipping addresses",
		itemAttributes: attributes,
		items:          (*client.Client).ShippingAddresses,
		item:           shippingAddressItemFromAPI,
		idAndDefault: func(a *client.ShippingAddress) (string, bool) {
			return derefString(a.ID), a.Default != nil && *a.Default
		},
	}
}

// derefString is the value of an optional API string, "" when absent.
func derefString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
