package provider

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// Diagnostics for failed API calls. Every one names the action and the object in its summary
// ("Unable to Create Customer"), says what happened in true words (rejected, not answered, not
// trusted, not sent), gives the client's error text (status, CyberSource's error type and
// message, the fields at fault, the correlation id, the URL and the attempts made) and says what
// the user can do.

// attributeAtFault returns the single attribute an API error points at, if there is exactly one.
func (k *tmsKind) attributeAtFault(err error) (path.Path, bool) {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		return path.Empty(), false
	}
	if apiErr.StatusCode == http.StatusFailedDependency {
		// 424 "Profile not found" is always the profile-id header (tms-api.md §4).
		return path.Root("profile_id"), true
	}
	var found []path.Path
	for _, d := range apiErr.Details {
		// Indexed fields (merchantDefinedInformation[0].value) point at the attribute as a whole.
		name := d.Name
		if i := strings.IndexByte(name, '['); i > 0 {
			name = name[:i]
		}
		attribute, ok := k.fieldAttributes[name]
		if !ok {
			attribute, ok = commonFieldAttributes[name]
		}
		if ok && !containsPath(found, attribute) {
			found = append(found, attribute)
		}
	}
	if len(found) != 1 {
		return path.Empty(), false
	}
	return found[0], true
}

func containsPath(paths []path.Path, p path.Path) bool {
	for _, q := range paths {
		if q.Equal(p) {
			return true
		}
	}
	return false
}

// explainedError is a failure a token type has already put in words (a delete CyberSource
// refuses while the object is a default, say). It is reported as it stands, with the client's
// error text after it.
type explainedError struct {
	summary, detail string
	err             error
}

func (e *explainedError) Error() string { return e.err.Error() }
func (e *explainedError) Unwrap() error { return e.err }

// reportAPIError reports a failed call as "Unable to <Action> <Noun>", attached to the attribute
// at fault when the API names exactly one.
func (d *providerData) reportAPIError(diags *diag.Diagnostics, k *tmsKind, action, id string, err error) {
	d.noteAuthFailure(err)
	var explained *explainedError
	if errors.As(err, &explained) {
		diags.AddError(explained.summary, joinParagraphs(explained.detail, errorText(explained.err)))
		return
	}
	object := "the " + k.lowerNoun()
	if id != "" {
		object = fmt.Sprintf("%s %q", k.lowerNoun(), id)
	}
	summary := fmt.Sprintf("Unable to %s %s", action, k.noun)
	var what, advice string
	var (
		tErr   *client.TransportError
		apiErr *client.APIError
	)
	switch {
	case errors.As(err, &tErr):
		var title string
		title, what, advice = transportFailureText(tErr, strings.ToLower(action), object)
		summary += ": " + title
	case !errors.As(err, &apiErr):
		// Not an answer and not a failed request: nothing was sent (a check before sending).
		what = fmt.Sprintf("The request to %s %s was not sent.", strings.ToLower(action), object)
	default:
		what = fmt.Sprintf("CyberSource TMS %s the request to %s %s.", answerVerb(err), strings.ToLower(action), object)
		advice = d.apiErrorAdvice(err)
	}
	detail := joinParagraphs(what, errorText(err), advice)
	if attribute, ok := k.attributeAtFault(err); ok {
		diags.AddAttributeError(attribute, summary, detail)
		return
	}
	diags.AddError(summary, detail)
}

// answerVerb says what an error answer means: a refusal (4xx) or a failure on CyberSource's side.
func answerVerb(err error) string {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode >= 500 {
		return "could not process"
	}
	return "rejected"
}

// transportFailureText is the title, the account of what happened and the advice for a request
// that got no usable answer. Each kind of failure gets its own: a certificate problem will not go
// away by retrying, a refused connection usually means a wrong endpoint.
func transportFailureText(err *client.TransportError, action, object string) (title, what, advice string) {
	request := fmt.Sprintf("The request to %s %s", action, object)
	site, hostName := endpointOf(err.URL)
	switch err.Failure() {
	case client.FailureNotSent:
		return "Stopped Before Sending", request + " was not sent: Terraform was asked to stop before it went out, " +
				"so nothing was changed.",
			"Run the command again when you are ready."
	case client.FailureCanceled:
		return "Cancelled", request + " was cancelled before an answer arrived (Terraform was asked to stop).",
			"Run the command again."
	case client.FailureDNS:
		return "Host Not Found", request + " got no answer: the host name " + hostName + " could not be resolved.",
			"Check the host name in the provider's `endpoint` or `environment`, and this machine's DNS and proxy settings."
	case client.FailureTLS:
		what = request + " was not sent: no trusted TLS connection could be made to " + site + "."
		if err.Attempts == 1 {
			what += " It was tried once: a certificate problem is not retried."
		}
		return "TLS Connection Refused", what,
			"Retrying will not help. Check that the endpoint speaks https on that port. If it presents a certificate " +
				"this machine does not trust (a private endpoint, the local simulator, or a proxy that intercepts " +
				"TLS), make the certificate trusted, e.g. with SSL_CERT_FILE=<certificate file>."
	case client.FailureConnect:
		return "Connection Failed", request + " got no answer: no connection could be made to " + site + ".",
			"Check that the provider's `endpoint` or `environment` names a reachable host and port (for the local " +
				"simulator: that it is running), and the firewall and proxy settings (HTTPS_PROXY) of this machine."
	case client.FailureTimeout:
		return "No Answer in Time", request + " got no answer in the time allowed.",
			"Increase the resource's `timeouts` or the provider's `request_timeout`, or retry later."
	case client.FailureConnectionLost:
		return "Connection Lost", request + " was sent, but the connection broke before the answer arrived.",
			"Retry. If it keeps happening, check proxies between this machine and CyberSource."
	case client.FailureUnusableAnswer:
		return "Unreadable Answer", "CyberSource answered the request to " + action + " " + object +
				" with success, but the answer could not be read.",
			"Run `terraform plan` to refresh. If it persists, contact CyberSource support and quote the correlation id."
	default:
		return "Request Failed", request + " got no answer from CyberSource.",
			"Check network access to the configured `environment` or `endpoint` (proxies, DNS, TLS) and retry."
	}
}

// endpointOf is the scheme and host of a request's URL ("https://api.cybersource.com"), and the
// host name alone, for saying where a request could not go; the client's error text that follows
// gives the whole URL. An unparsable or empty URL is returned as it is.
func endpointOf(rawURL string) (site, hostName string) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return rawURL, rawURL
	}
	return u.Scheme + "://" + u.Host, u.Hostname()
}

// apiErrorAdvice says what the user can do about an error answer.
func (d *providerData) apiErrorAdvice(err error) string {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		return ""
	}
	switch {
	case apiErr.StatusCode == http.StatusUnauthorized:
		return d.credentialsAdvice()
	case apiErr.StatusCode == http.StatusForbidden:
		return "The credentials were accepted, but this merchant or TMS profile may not perform the operation. " +
			"Check the profile's permissions in the Business Center, or use another `profile_id`."
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
}

// credentialsAdvice names the settings of the authentication method in use.
func (d *providerData) credentialsAdvice() string {
	var settings string
	switch d.authMethod {
	case client.AuthMethodMetaKey:
		settings = "`merchant_id`, `portfolio_id`, `key_id` (the meta key's id) and `shared_secret`, and that the " +
			"meta key's portfolio includes this merchant"
	case client.AuthMethodJWT:
		settings = "`merchant_id`, the P12 certificate (`p12_file` or `p12_base64`, `p12_password`, `key_alias`) " +
			"and, with a meta key's certificate, `portfolio_id`"
	default:
		settings = "`merchant_id`, `key_id` and `shared_secret`, and that the key belongs to this merchant"
	}
	return "CyberSource did not accept the credentials. Check " + settings + ", and that `environment` or `endpoint` " +
		"points at the environment the key was created in (sandbox keys only work in sandbox)."
}

// reportCreateError reports a failed create. One whose outcome is unknown
// (client.MayHaveBeenApplied) is never retried and never passed over: the API has no idempotency
// key (tms-api.md §6), so the error tells the user how to find and adopt the object.
func (d *providerData) reportCreateError(diags *diag.Diagnostics, k *tmsKind, clue string, err error) {
	if !client.MayHaveBeenApplied(err) {
		d.reportAPIError(diags, k, "Create", "", err)
		return
	}
	advice := clue + ". If it exists, adopt it instead of applying again, with " +
		"`terraform import <resource address> <id>` or an `import` block (" + k.importIDShort() + "); applying " +
		"again without importing creates a second one. If it does not exist, apply again."
	if k.createReturnsExisting {
		advice = clue + "."
	}
	if id := correlationID(err); id != "" {
		advice += fmt.Sprintf(" CyberSource support can trace the request by its correlation id %s.", id)
	}
	diags.AddError(fmt.Sprintf("Unable to Confirm %s Creation", k.noun), joinParagraphs(
		fmt.Sprintf("The request to create the %s failed in a way that does not tell whether CyberSource processed "+
			"it, so the %s MAY HAVE BEEN CREATED. Terraform has not recorded it in state.", k.lowerNoun(), k.lowerNoun()),
		errorText(err), advice))
}

// importIDShort is the import id's form, e.g. "<customer_id>/<shipping_address_id>".
func (k *tmsKind) importIDShort() string {
	names := make([]string, len(k.idParts))
	for i, p := range k.idParts {
		names[i] = "<" + p.identity + ">"
	}
	return strings.Join(names, "/")
}

// reportUpdateError reports a failed PATCH. An ambiguous outcome is checked before the 412: the
// client retries a PATCH carrying if-match after a 502/504 or a lost connection, and when the
// first attempt was in fact applied, the retry's stale ETag earns a 412 for Terraform's own
// change. Reporting that as "changed outside Terraform, nothing was changed" would be false.
func (d *providerData) reportUpdateError(diags *diag.Diagnostics, k *tmsKind, id string, err error) {
	switch {
	case client.MayHaveBeenApplied(err):
		diags.AddError(fmt.Sprintf("Unable to Confirm %s Update", k.noun), joinParagraphs(
			fmt.Sprintf("The request to update %s %q failed in a way that does not tell whether CyberSource "+
				"applied it; the change may or may not be in effect.", k.lowerNoun(), id),
			errorText(err),
			fmt.Sprintf("Run `terraform plan` to refresh the %s and see what, if anything, is still to change, then apply again.", k.lowerNoun())))
	case client.IsPreconditionFailed(err):
		diags.AddError(fmt.Sprintf("%s Changed Outside Terraform", k.noun), joinParagraphs(
			fmt.Sprintf("%s %q was modified by someone or something else after Terraform last read it, so "+
				"CyberSource refused the update (412 Precondition Failed: the if-match ETag no longer matches). "+
				"Nothing was changed by this apply.", k.noun, id),
			errorText(err),
			fmt.Sprintf("Run `terraform plan` (or `terraform apply -refresh-only`) again to refresh the %s and review the "+
				"other change, then apply again if you still want Terraform's values.", k.lowerNoun())))
	default:
		d.reportAPIError(diags, k, "Update", id, err)
	}
}

// addGoneWarning is the warning for an object that no longer exists when it is refreshed.
func addGoneWarning(diags *diag.Diagnostics, k *tmsKind, id string, err error) {
	diags.AddWarning(fmt.Sprintf("%s Not Found", k.noun),
		fmt.Sprintf("%s %q no longer exists in CyberSource (%s). It has been removed from the Terraform state; the "+
			"next apply will create a new one if the configuration still declares it.", k.noun, id, err))
}

// correlationID returns the v-c-correlation-id of a failed call, if the API answered at all.
func correlationID(err error) string {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) {
		return apiErr.CorrelationID
	}
	return ""
}

// errorText is the client's error text, with the correlation id appended when the text lacks it.
// It is not prefixed with "Error:": Terraform already prints one "Error:" per diagnostic, and a
// second one in the detail makes CI logs count every failure twice.
func errorText(err error) string {
	text := err.Error()
	if id := correlationID(err); id != "" && !strings.Contains(text, id) {
		text += "\nCorrelation ID: " + id
	}
	return text
}

func joinParagraphs(paragraphs ...string) string {
	kept := paragraphs[:0:0]
	for _, p := range paragraphs {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}

// configuredData is what a resource's or data source's Configure receives: nil before the provider
// is configured (during validation; the framework calls again later), and otherwise the
// *providerData, or the "please report" diagnostic for anything else.
func configuredData(got any, kind string, diags *diag.Diagnostics) *providerData {
	if got == nil {
		return nil
	}
	data, ok := got.(*providerData)
	if !ok {
		diags.AddError(fmt.Sprintf("Unexpected %s Configure Type", kind),
			fmt.Sprintf("Expected *provider.providerData, got %T. This is a bug in the provider; please report it "+
				"to the provider developers.", got))
	}
	return data
}
