package client

import (
	"context"
	"encoding/json"
	"net/http"
)

// The generic operations below are the only callers of do. Each API object has a file of its
// own with one-line typed wrappers around them (customers.go, shipping_addresses.go, ...). They
// are package functions because Go methods cannot have type parameters. template is an API path
// with {placeholders} that ids fill in order (apiPath).

// createObject POSTs body and decodes the created (or, for de-duplicated tokens, existing)
// object from the answer.
func createObject[T any](ctx context.Context, c *Client, opts CallOptions, body any, template string, ids ...string) (*Result[T], error) {
	path, err := apiPath(template, ids...)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return decodeResult[T](c.do(ctx, http.MethodPost, path, raw, opts))
}

// getObject GETs one object.
func getObject[T any](ctx context.Context, c *Client, opts CallOptions, template string, ids ...string) (*Result[T], error) {
	path, err := apiPath(template, ids...)
	if err != nil {
		return nil, err
	}
	return decodeResult[T](c.do(ctx, http.MethodGet, path, nil, opts))
}

// patchObject PATCHes a merge patch, with if-match when opts.IfMatch is set (which also makes
// the call safe to retry, tms-api.md §6), and decodes the updated object.
func patchObject[T any](ctx context.Context, c *Client, opts CallOptions, patch MergePatch, template string, ids ...string) (*Result[T], error) {
	path, err := apiPath(template, ids...)
	if err != nil {
		return nil, err
	}
	body, err := patch.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return decodeResult[T](c.do(ctx, http.MethodPatch, path, body, opts))
}

// deleteObject DELETEs one object; the answer (204) has no body.
func deleteObject(ctx context.Context, c *Client, opts CallOptions, template string, ids ...string) (*Receipt, error) {
	path, err := apiPath(template, ids...)
	if err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, http.MethodDelete, path, nil, opts)
	if err != nil {
		return nil, err
	}
	receipt := resp.receipt()
	return &receipt, nil
}
