package client

import "context"

// Customer paths (tms-api.md §1).
const (
	customersPath = "/tms/v2/customers"
	customerPath  = customersPath + "/{customerId}"
)

// CreateCustomer sends POST /tms/v2/customers. Read-only fields of in (id, metadata, _links,
// _embedded) are not sent. A nil in creates an empty customer, which the API allows.
func (c *Client) CreateCustomer(ctx context.Context, in *Customer, opts CallOptions) (*Result[Customer], error) {
	return createObject[Customer](ctx, c, opts, in.writable(), customersPath)
}

// GetCustomer sends GET /tms/v2/customers/{id}.
func (c *Client) GetCustomer(ctx context.Context, id string, opts CallOptions) (*Result[Customer], error) {
	return getObject[Customer](ctx, c, opts, customerPath, id)
}

// UpdateCustomer sends PATCH /tms/v2/customers/{id} with a merge patch from NewCustomerPatch.
func (c *Client) UpdateCustomer(ctx context.Context, id string, patch MergePatch, opts CallOptions) (*Result[Customer], error) {
	return patchObject[Customer](ctx, c, opts, patch, customerPath, id)
}

// DeleteCustomer sends DELETE /tms/v2/customers/{id}, which also removes the customer's payment
// instruments and shipping addresses.
func (c *Client) DeleteCustomer(ctx context.Context, id string, opts CallOptions) (*Receipt, error) {
	return deleteObject(ctx, c, opts, customerPath, id)
}
