package client

// ShippingAddress is a customer's shipping address (tms-subresources.md §3).
type ShippingAddress struct {
	ID       *string   `json:"id,omitempty"`
	Default  *bool     `json:"default,omitempty"`
	ShipTo   *Address  `json:"shipTo,omitempty"`
	Metadata *Metadata `json:"metadata,omitempty"` // read-only
}

// shippingAddresses is /tms/v2/customers/{customerId}/shipping-addresses (tms-subresources.md §1a).
var shippingAddresses = &customerItemSpec[ShippingAddress]{
	collection:  customerPath + "/shipping-addresses",
	item:        customerPath + "/shipping-addresses/{shippingAddressId}",
	embeddedKey: "shippingAddresses",
	writable: func(a *ShippingAddress) ShippingAddress {
		if a == nil {
			return ShippingAddress{}
		}
		w := *a
		w.ID, w.Metadata = nil, nil
		return w
	},
	wholeGroups: []string{"shipTo"},
}

// ShippingAddresses are the calls on customers' shipping addresses.
func (c *Client) ShippingAddresses() CustomerItems[ShippingAddress] {
	return CustomerItems[ShippingAddress]{client: c, spec: shippingAddresses}
}
