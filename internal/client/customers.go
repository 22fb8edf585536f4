package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// customersPath is the TMS v2 customers collection (tms-api.md §1).
const customersPath = "/tms/v2/customers"

// errEmptyCustomerID stops a call that would otherwise hit the collection
// URL (GET/PATCH/DELETE /tms/v2/customers) with a meaningless request.
var errEmptyCustomerID = errors.New("client: customer id must not be empty")

// CreateCustomer sends POST /tms/v2/customers. Read-only fields of in (id,
// metadata, _links, _embedded) are not sent. A nil in creates an empty
// customer, which the API allows.
func (c *Client) CreateCustomer(ctx context.Context, in *Customer, opts CallOptions) (*Result, error) {
	var writable Customer
	if in != nil {
		writable = *in
	}
	writable.ID, writable.Metadata, writable.Links, writable.Embedded = nil, nil, nil, nil
	body, err := json.Marshal(&writable)
	if err != nil {
		return nil, err
	}
	return c.do(ctx, http.MethodPost, customersPath, body, opts)
}

// GetCustomer sends GET /tms/v2/customers/{id}.
func (c *Client) GetCustomer(ctx context.Context, id string, opts CallOptions) (*Result, error) {
	path, err := customerPath(id)
	if err != nil {
		return nil, err
	}
	return c.do(ctx, http.MethodGet, path, nil, opts)
}

// UpdateCustomer sends PATCH /tms/v2/customers/{id} with a JSON Merge Patch
// body, and if-match when opts.IfMatch is set (which also makes the call
// safe to retry, tms-api.md §6).
func (c *Client) UpdateCustomer(ctx context.Context, id string, patch CustomerPatch, opts CallOptions) (*Result, error) {
	path, err := customerPath(id)
	if err != nil {
		return nil, err
	}
	body, err := patch.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return c.do(ctx, http.MethodPatch, path, body, opts)
}

// DeleteCustomer sends DELETE /tms/v2/customers/{id}, which also removes the
// customer's payment instruments and shipping addresses.
func (c *Client) DeleteCustomer(ctx context.Context, id string, opts CallOptions) (*Result, error) {
	path, err := customerPath(id)
	if err != nil {
		return nil, err
	}
	return c.do(ctx, http.MethodDelete, path, nil, opts)
}

func customerPath(id string) (string, error) {
	if id == "" {
		return "", errEmptyCustomerID
	}
	return customersPath + "/" + escapePathSegment(id), nil
}

// escapePathSegment escapes id as one path segment. url.PathEscape leaves
// "." alone, and a segment of "." or ".." would be collapsed by servers and
// proxies into another resource, so those dots are escaped too.
func escapePathSegment(id string) string {
	escaped := url.PathEscape(id)
	if escaped == "." || escaped == ".." {
		return strings.ReplaceAll(escaped, ".", "%2E")
	}
	return escaped
}
