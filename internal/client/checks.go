package client

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// The checks here are exported so that the provider validates configuration with exactly the
// rules the client applies: a value the provider accepts at plan time is never refused later.
// Each error completes a sentence that starts with the value's name ("… must use https").

// CheckProfileID applies tms-api.md §2: a profile-id header is exactly 36 characters, and
// profile ids are UUIDs, so only letters, digits and '-' can be right.
func CheckProfileID(id string) error {
	if len(id) != profileIDLength {
		return fmt.Errorf("must be exactly %d characters (got %d)", profileIDLength, len(id))
	}
	for _, r := range id {
		if !isASCIIAlphanumeric(r) && r != '-' {
			return fmt.Errorf("contains %q; only letters, digits and '-' are allowed", r)
		}
	}
	return nil
}

// CheckEndpoint applies the rules for an explicit endpoint: an absolute URL of a host and
// nothing else (no credentials, path, query or fragment, because the client appends the API
// paths such as /tms/v2/customers itself), over https, or over plain http to a loopback address
// only: the simulator runs on 127.0.0.1, and anything else over http would send signed
// requests and personal data in clear text.
func CheckEndpoint(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("is not a valid URL (%v)", errors.Unwrap(err))
	}
	switch {
	case u.Host == "" || u.Hostname() == "":
		return errors.New("must be an absolute URL with a host, such as https://apitest.cybersource.com")
	case u.User != nil:
		return errors.New("must not contain user credentials")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return errors.New("must not contain a query or fragment")
	case strings.Trim(u.Path, "/") != "":
		return fmt.Errorf("must not contain a path (got %q): give only the scheme, host and port, such as "+
			"https://apitest.cybersource.com; the provider adds the API paths (/tms/v2/...) itself", u.Path)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return nil
	case "http":
		if isLoopbackHost(u.Hostname()) {
			return nil
		}
		return errors.New("uses plain http to a host that is not a loopback address; use https (plain http " +
			"is only allowed to localhost, 127.0.0.1 or ::1, e.g. for a local simulator)")
	default:
		return fmt.Errorf("must use the https scheme (got %q)", u.Scheme)
	}
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func isASCIIAlphanumeric(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
}
