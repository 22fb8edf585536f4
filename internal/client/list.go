package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// listPageLimit is the largest page the list operations allow (tms-subresources.md §2b), so
// that a customer's whole wallet usually comes back in one request.
const listPageLimit = 100

// maxListPages bounds a walk through pages: 1,000 pages of 100 is far beyond any real wallet,
// and a server that never says "last page" must not keep Terraform busy forever.
const maxListPages = 1000

// List is every item of a collection, gathered from all its pages, in the server's order (the
// customer's default first, tms-subresources.md §3.1).
type List[T any] struct {
	Items []T
	Pages int // requests made
	// CorrelationIDs has one entry per page, in order.
	CorrelationIDs []string
}

// listPage is one page of a list answer (tms-subresources.md §3.1, §4.1). Embedded is decoded by
// key because each collection names its array differently.
type listPage struct {
	Count *int `json:"count"`
	Total *int `json:"total"`
	Links struct {
		Next *Link `json:"next"`
	} `json:"_links"`
	Embedded map[string]json.RawMessage `json:"_embedded"`
}

// listObjects walks the pages of a collection with offset/limit until the server has returned
// everything: it stops on an empty page, when offset+count reaches total, or when there is no
// next link. embeddedKey names the array in _embedded (e.g. "shippingAddresses").
func listObjects[T any](ctx context.Context, c *Client, opts CallOptions, embeddedKey, template string, ids ...string) (*List[T], error) {
	path, err := apiPath(template, ids...)
	if err != nil {
		return nil, err
	}
	list := &List[T]{}
	offset := 0
	for list.Pages < maxListPages {
		query := url.Values{"offset": {strconv.Itoa(offset)}, "limit": {strconv.Itoa(listPageLimit)}}
		resp, err := c.do(ctx, http.MethodGet, withQuery(path, query), nil, opts)
		if err != nil {
			return nil, err
		}
		list.Pages++
		list.CorrelationIDs = append(list.CorrelationIDs, resp.receipt().CorrelationID)

		var page listPage
		if err := json.Unmarshal(resp.body, &page); err != nil {
			return nil, resp.undecodable(err)
		}
		var items []T
		if raw := page.Embedded[embeddedKey]; len(raw) > 0 {
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, resp.undecodable(fmt.Errorf("_embedded.%s: %w", embeddedKey, err))
			}
		}
		list.Items = append(list.Items, items...)

		count := len(items)
		if page.Count != nil {
			count = *page.Count
		}
		offset += count
		switch {
		case count == 0, page.Links.Next == nil:
			return list, nil
		case page.Total != nil && offset >= *page.Total:
			return list, nil
		}
	}
	return nil, &TransportError{
		Method: http.MethodGet, Path: path, URL: c.baseURL.String() + path, Attempts: list.Pages,
		Err: errors.New("the list did not end after " + strconv.Itoa(maxListPages) + " pages"),
	}
}
