package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// customerFieldAttributes maps the API's field names (as reported in errors[].details[].name,
// tms-api.md §4) to the resource attribute at fault, so a 400 lands on the right line of the
// user's configuration.
var customerFieldAttributes = map[string]string{
	"objectInformation.title":             "title",
	"objectInformation.comment":           "comment",
	"buyerInformation.merchantCustomerID": "merchant_customer_id",
	"buyerInformation.email":              "email",
	"clientReferenceInformation.code":     "client_reference_code",
	"merchantDefinedInformation":          "merchant_defined_information",
	"defaultPaymentInstrument.id":         "default_payment_instrument_id",
	"defaultPaymentInstrument":            "default_payment_instrument_id",
	"defaultShippingAddress.id":           "default_shipping_address_id",
	"defaultShippingAddress":              "default_shipping_address_id",
	"profile-id":                          "profile_id",
}

// attributeAtFault returns the single attribute an API error points at, if there is exactly one.
func attributeAtFault(err error) (path.Path, bool) {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		return path.Empty(), false
	}
	if apiErr.StatusCode == http.StatusFailedDependency {
		// 424 "Profile not found" is always the profile-id header (tms-api.md §4).
		return path.Root("profile_id"), true
	}
	found := map[string]bool{}
	for _, d := range apiErr.Details {
		name := d.Name
		// merchantDefinedInformation[0].value and similar point at the map as a whole.
		if i := strings.IndexAny(name, "[."); i > 0 && strings.HasPrefix(name, "merchantDefinedInformation") {
			name = name[:i]
		}
		if attr, ok := customerFieldAttributes[name]; ok {
			found[attr] = true
		}
	}
	if len(found) != 1 {
		return path.Empty(), false
	}
	for attr := range found {
		return path.Root(attr), true
	}
	return path.Empty(), false
}

// correlationID returns the v-c-correlation-id of a failed call, if the API answered at all.
func correlationID(err error) string {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) {
		return apiErr.CorrelationID
	}
	return ""
}

// apiErrorAdvice says what the user can do about err; the error text itself (status, type,
// message, fields, correlation id) comes from the client.
func apiErrorAdvice(err error) string {
	var apiErr *client.APIError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "The operation did not finish within its timeout. Increase the resource's `timeouts` " +
			"or the provider's `request_timeout`, or retry later."
	case client.IsAuthFailure(err):
		return "Check the provider's credentials: `merchant_id`, `key_id` and `shared_secret` (or the P12 " +
			"settings), that the key belongs to this merchant, and that `environment`/`endpoint` points at " +
			"the environment the key was created in. A 403 can also mean the TMS profile does not allow this operation."
	case errors.As(err, &apiErr):
		switch {
		case apiErr.StatusCode == http.StatusFailedDependency:
			return "CyberSource did not find the TMS profile. Check `profile_id` on the resource or the provider: " +
				"it must be a 36-character profile id configured for this merchant."
		case apiErr.StatusCode == http.StatusBadRequest:
			return "Correct the fields named above and apply again."
		case apiErr.StatusCode == http.StatusConflict:
			return "CyberSource reported a conflict with existing tokens. Refresh (`terraform plan`) to see the current state and apply again."
		case apiErr.StatusCode == http.StatusTooManyRequests || apiErr.StatusCode >= 500:
			return "CyberSource could not process the request right now and the provider's retries were used up. " +
				"Retry later; if it persists, contact CyberSource support and quote the correlation id."
		}
		return "If the cause is not clear from the message, contact CyberSource support and quote the correlation id."
	default:
		return "The request did not get an answer from CyberSource. Check network access to the configured " +
			"`environment`/`endpoint` (proxies, DNS, TLS) and retry."
	}
}

// addCustomerAPIError reports a failed client call as "Unable to <Action> Customer", attached to
// the attribute at fault when the API names exactly one.
func addCustomerAPIError(diags *diag.Diagnostics, action, customerID string, err error) {
	summary := fmt.Sprintf("Unable to %s Customer", action)
	var what string
	if customerID != "" {
		what = fmt.Sprintf("CyberSource TMS rejected the request to %s customer %q.", strings.ToLower(action), customerID)
	} else {
		what = fmt.Sprintf("CyberSource TMS rejected the request to %s the customer.", strings.ToLower(action))
	}
	detail := joinParagraphs(what, errorText(err), apiErrorAdvice(err))
	if attr, ok := attributeAtFault(err); ok {
		diags.AddAttributeError(attr, summary, detail)
		return
	}
	diags.AddError(summary, detail)
}

// addCreateOutcomeUnknown reports a create whose outcome is unknown (client.MayHaveBeenApplied).
// The API has no idempotency key and no search (tms-api.md §6), so the provider must not retry
// and must not pretend nothing happened: it tells the user how to find and adopt the customer.
func addCreateOutcomeUnknown(diags *diag.Diagnostics, merchantCustomerID string, err error) {
	lookFor := "Look for the customer in the Business Center (Token Management > Customers)"
	if merchantCustomerID != "" {
		lookFor = fmt.Sprintf("Look for a customer whose merchant customer id is %q in the Business Center "+
			"(Token Management > Customers)", merchantCustomerID)
	}
	advice := lookFor + ". If it exists, adopt it instead of applying again, with " +
		"`terraform import <resource address> <customer_id>` (or `<profile_id>/<customer_id>`) or an `import` block; " +
		"applying again without importing creates a second customer. If it does not exist, apply again."
	if id := correlationID(err); id != "" {
		advice += fmt.Sprintf(" CyberSource support can trace the request by its correlation id %s.", id)
	}
	diags.AddError("Unable to Confirm Customer Creation", joinParagraphs(
		"The request to create the customer failed in a way that does not tell whether CyberSource processed it, "+
			"so the customer MAY HAVE BEEN CREATED. Terraform has not recorded it in state.",
		errorText(err), advice))
}

// addUpdateError reports a failed PATCH. An ambiguous outcome is checked before the 412: the
// client retries a PATCH carrying if-match after a 502/504 or a lost connection, and when the
// first attempt was in fact applied, the retry's stale ETag earns a 412 for Terraform's own
// change. Reporting that as "changed outside Terraform, nothing was changed" would be false.
func addUpdateError(diags *diag.Diagnostics, customerID string, err error) {
	switch {
	case client.MayHaveBeenApplied(err):
		addUpdateOutcomeUnknown(diags, customerID, err)
	case client.IsPreconditionFailed(err):
		addChangedOutsideTerraform(diags, customerID, err)
	default:
		addCustomerAPIError(diags, "Update", customerID, err)
	}
}

// addUpdateOutcomeUnknown is the update counterpart: a PATCH whose outcome is unknown.
func addUpdateOutcomeUnknown(diags *diag.Diagnostics, customerID string, err error) {
	diags.AddError("Unable to Confirm Customer Update", joinParagraphs(
		fmt.Sprintf("The request to update customer %q failed in a way that does not tell whether CyberSource "+
			"applied it; the change may or may not be in effect.", customerID),
		errorText(err),
		"Run `terraform plan` to refresh the customer and see what, if anything, is still to change, then apply again."))
}

// addChangedOutsideTerraform reports a 412: the if-match ETag was stale (tms-api.md §2, §4).
func addChangedOutsideTerraform(diags *diag.Diagnostics, customerID string, err error) {
	diags.AddError("Customer Changed Outside Terraform", joinParagraphs(
		fmt.Sprintf("Customer %q was modified by someone or something else after Terraform last read it, so "+
			"CyberSource refused the update (412 Precondition Failed: the if-match ETag no longer matches). "+
			"Nothing was changed by this apply.", customerID),
		errorText(err),
		"Run `terraform plan` (or `terraform apply -refresh-only`) again to refresh the customer and review the "+
			"other change, then apply again if you still want Terraform's values."))
}

// errorText is the client's error text, with the correlation id appended when the text lacks it.
func errorText(err error) string {
	text := "Error: " + err.Error()
	if id := correlationID(err); id != "" && !strings.Contains(text, id) {
		text += "\nCorrelation ID: " + id
	}
	return text
}

func joinParagraphs(paragraphs ...string) string {
	return strings.Join(paragraphs, "\n\n")
}

// addUnexpectedProviderDataError is the "please report" diagnostic for a Configure call that
// receives something other than *providerData.
func addUnexpectedProviderDataError(diags *diag.Diagnostics, kind string, got any) {
	diags.AddError(fmt.Sprintf("Unexpected %s Configure Type", kind),
		fmt.Sprintf("Expected *provider.providerData, got %T. This is a bug in the provider; please report it "+
			"to the provider developers.", got))
}
