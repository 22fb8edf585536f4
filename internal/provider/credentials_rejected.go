package provider

import (
	"errors"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// noteAuthFailure remembers the first 401 (bad credentials). A 403 is not remembered: it can be
// specific to one profile or operation.
func (d *providerData) noteAuthFailure(err error) {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnauthorized {
		d.credentialsRejected.Store(true)
	}
}

// credentialsRejectedEarlier stops an operation before it sends anything once CyberSource has
// rejected this provider's credentials.
func (d *providerData) credentialsRejectedEarlier() diag.Diagnostics {
	if !d.credentialsRejected.Load() {
		return nil
	}
	var diags diag.Diagnostics
	diags.AddError("Not Sent: CyberSource Credentials Rejected Earlier",
		"CyberSource rejected this provider's credentials earlier in this run, so this request was not sent. "+
			"The first \"Unable to …\" error says what to check; fix the credentials and run again.")
	return diags
}
