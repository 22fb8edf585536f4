package client

import "context"

// Shipping address paths (tms-subresources.md §1a).
const (
	shippingAddressesPath = customerPath + "/shipping-addresses"
	shippingAddressPath   = shippingAddressesPath + "/{shippingAddressId}"
)

// ShippingAddress is a customer's shipping address (tms-subresources.md §3).
type ShippingAddress struct {
	ID       *string   `json:"id,omitempty"`
	Default  *bool     `json:"default,omitempty"`
	ShipTo   *Address  `json:"shipTo,omitempty"`
	Metadata *Metadata `json:"metadata,omitempty"` // read-only
}

// writable is a without its server-owned members (a nil a is empty).
func (a *ShippingAddress) writable() ShippingAddress {
	if a == nil {
		return ShippingAddress{}
	}
	w := *a
	w.ID, w.Metadata = nil, nil
	return w
}

// NewShippingAddressPatch computes the merge patch that turns current into desired. A changed
// shipTo is sent complete (see newMergePatch).
func NewShippingAddressPatch(current, desired *ShippingAddress) (MergePatch, error) {
	return newMergePatch(current.writable(), desired.writable(), "shipTo")
}

// CreateShippingAddress sends POST /tms/v2/customers/{customerId}/shipping-addresses.
func (c *Client) CreateShippingAddress(ctx context.Context, customerID string, in *ShippingAddress, opts CallOptions) (*Result[ShippingAddress], error) {
	return createObject[ShippingAddress](ctx, c, opts, in.writable(), shippingAddressesPath, customerID)
}

// GetShippingAddress sends GET …/shipping-addresses/{shippingAddressId}.
func (c *Client) GetShippingAddress(ctx context.Context, customerID, id string, opts CallOptions) (*Result[ShippingAddress], error) {
	return getObject[ShippingAddress](ctx, c, opts, shippingAddressPath, customerID, id)
}

// UpdateShippingAddress sends PATCH …/shipping-addresses/{shippingAddressId}.
func (c *Client) UpdateShippingAddress(ctx context.Context, customerID, id string, patch MergePatch, opts CallOptions) (*Result[ShippingAddress], error) {
	return patchObject[ShippingAddress](ctx, c, opts, patch, shippingAddressPath, customerID, id)
}

// DeleteShippingAddress sends DELETE …/shipping-addresses/{shippingAddressId}. CyberSource
// refuses (409) to delete the customer's default address while it has others
// (tms-subresources.md §6.2).
func (c *Client) DeleteShippingAddress(ctx context.Context, customerID, id string, opts CallOptions) (*Receipt, error) {
	return deleteObject(ctx, c, opts, shippingAddressPath, customerID, id)
}

// ListShippingAddresses returns every shipping address of a customer, the default first.
func (c *Client) ListShippingAddresses(ctx context.Context, customerID string, opts CallOptions) (*List[ShippingAddress], error) {
	return listObjects[ShippingAddress](ctx, c, opts, "shippingAddresses", shippingAddressesPath, customerID)
}
