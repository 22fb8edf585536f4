package client

import (
	"fmt"
	"net/url"
	"strings"
)

// apiPath fills the {placeholders} of an API path template, in order, with ids, escaping each id
// as exactly one path segment. An empty id is refused before anything is sent: it would turn an
// item request into a request on the collection (GET /tms/v2/customers/ lists nothing and
// DELETE on a collection means nothing), and the error names the placeholder at fault.
//
//	apiPath("/tms/v2/customers/{customerId}/shipping-addresses/{shippingAddressId}", cid, sid)
func apiPath(template string, ids ...string) (string, error) {
	var b strings.Builder
	rest := template
	for i := 0; ; i++ {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			if i != len(ids) {
				return "", fmt.Errorf("client: %d ids for the %d placeholders of %s", len(ids), i, template)
			}
			b.WriteString(rest)
			return b.String(), nil
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 || i >= len(ids) {
			return "", fmt.Errorf("client: path template %s does not match %d ids", template, len(ids))
		}
		name := rest[open+1 : open+end]
		if ids[i] == "" {
			return "", fmt.Errorf("client: %s must not be empty", name)
		}
		b.WriteString(rest[:open])
		b.WriteString(escapePathSegment(ids[i]))
		rest = rest[open+end+1:]
	}
}

// escapePathSegment escapes id as one path segment. url.PathEscape leaves "." alone, and a
// segment of "." or ".." would be collapsed by servers and proxies into another resource, so
// those dots are escaped too.
func escapePathSegment(id string) string {
	escaped := url.PathEscape(id)
	if escaped == "." || escaped == ".." {
		return strings.ReplaceAll(escaped, ".", "%2E")
	}
	return escaped
}

// withQuery appends an encoded query string to an escaped path.
func withQuery(path string, query url.Values) string {
	if len(query) == 0 {
		return path
	}
	return path + "?" + query.Encode()
}
