package provider

import (
	"fmt"
	"strings"
)

// Limits of the two parts of an import id (tms-api.md §1 for the customer id, §2 for the
// profile-id header).
const (
	customerIDMaxLength = 32
	profileIDLength     = 36
)

// importIDForms is shown to the user whenever an import id cannot be parsed, so that the error
// itself says what would have worked.
const importIDForms = "Accepted forms:\n" +
	"  <customer_id>               e.g. F2F3ADA770102B51E053A2598D0A9078\n" +
	"  <profile_id>/<customer_id>  e.g. F75AF380-9D1B-4117-83CD-FF2C0430ECE3/F2F3ADA770102B51E053A2598D0A9078\n" +
	"where customer_id is 1-32 letters or digits and profile_id is the 36-character TMS profile id."

// customerImportID is a parsed import id. ProfileID is empty for the short form, in which case
// the provider's default profile applies.
type customerImportID struct {
	ProfileID  string
	CustomerID string
}

// String renders the id back in the form it was parsed from.
func (id customerImportID) String() string {
	if id.ProfileID == "" {
		return id.CustomerID
	}
	return id.ProfileID + "/" + id.CustomerID
}

// parseImportID accepts `<customer_id>` or `<profile_id>/<customer_id>`. It is strict on purpose:
// a typo caught here is cheaper than a 404 (or, worse, a 424 "Profile not found") during the
// refresh that follows an import.
func parseImportID(raw string) (customerImportID, error) {
	if raw == "" {
		return customerImportID{}, fmt.Errorf("the import id is empty")
	}
	profileID, customerID, hasProfile := strings.Cut(raw, "/")
	if !hasProfile {
		customerID, profileID = raw, ""
	}
	if hasProfile {
		if strings.Contains(customerID, "/") {
			return customerImportID{}, fmt.Errorf("the import id %q has more than one '/'", raw)
		}
		if err := checkProfileID(profileID); err != nil {
			return customerImportID{}, fmt.Errorf("the profile id part of %q %w", raw, err)
		}
	}
	if err := checkCustomerID(customerID); err != nil {
		return customerImportID{}, fmt.Errorf("the customer id part of %q %w", raw, err)
	}
	return customerImportID{ProfileID: profileID, CustomerID: customerID}, nil
}

// checkCustomerID enforces tms-api.md §1: 1-32 characters. Real ids are upper-case hex; letters
// and digits are accepted so that ids from other environments (and the simulator) work too.
func checkCustomerID(id string) error {
	if id == "" {
		return fmt.Errorf("is empty")
	}
	if len(id) > customerIDMaxLength {
		return fmt.Errorf("is %d characters long; it must be at most %d", len(id), customerIDMaxLength)
	}
	for _, r := range id {
		if !isASCIIAlphanumeric(r) {
			return fmt.Errorf("contains %q; only letters and digits are allowed", r)
		}
	}
	return nil
}

// checkProfileID enforces tms-api.md §2: exactly 36 characters. Profile ids are UUIDs, so only
// letters, digits and '-' are accepted.
func checkProfileID(id string) error {
	if len(id) != profileIDLength {
		return fmt.Errorf("is %d characters long; it must be exactly %d", len(id), profileIDLength)
	}
	for _, r := range id {
		if !isASCIIAlphanumeric(r) && r != '-' {
			return fmt.Errorf("contains %q; only letters, digits and '-' are allowed", r)
		}
	}
	return nil
}

func isASCIIAlphanumeric(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
}
