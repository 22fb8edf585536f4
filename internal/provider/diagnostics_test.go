package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

func TestAttributeAtFault(t *testing.T) {
	details := func(names ...string) *client.APIError {
		e := &client.APIError{StatusCode: 400, Status: "400 Bad Request", Type: "invalidFields"}
		for _, n := range names {
			e.Details = append(e.Details, client.ErrorDetail{Name: n, Location: "body"})
		}
		return e
	}
	tests := []struct {
		name string
		err  error
		want string // "" = no single attribute
	}{
		{"one field", details("buyerInformation.email"), "email"},
		{"merchant defined entry", details("merchantDefinedInformation[0].value"), "merchant_defined_information"},
		{"same attribute twice", details("merchantDefinedInformation[0].name", "merchantDefinedInformation[1].value"), "merchant_defined_information"},
		{"default instrument", details("defaultPaymentInstrument.id"), "default_payment_instrument_id"},
		{"two attributes", details("objectInformation.title", "buyerInformation.email"), ""},
		{"unknown field", details("somethingElse"), ""},
		{"profile not found", &client.APIError{StatusCode: 424}, "profile_id"},
		{"wrapped", fmt.Errorf("wrapped: %w", details("objectInformation.comment")), "comment"},
		{"transport error", &client.TransportError{Method: "GET", Err: errors.New("reset")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := attributeAtFault(tt.err)
			if tt.want == "" {
				if ok {
					t.Fatalf("attributeAtFault = %s, want none", got)
				}
				return
			}
			if !ok || !got.Equal(path.Root(tt.want)) {
				t.Fatalf("attributeAtFault = %s (%t), want %s", got, ok, tt.want)
			}
		})
	}
}

func TestCustomerErrorDiagnostics(t *testing.T) {
	apiErr := &client.APIError{StatusCode: 502, Status: "502 Bad Gateway", CorrelationID: "corr-42",
		Method: "POST", Path: "/tms/v2/customers", MayHaveBeenApplied: true}

	t.Run("create outcome unknown says how to reconcile", func(t *testing.T) {
		var diags diag.Diagnostics
		addCreateOutcomeUnknown(&diags, "cust-000123", apiErr)
		d := diags.Errors()[0]
		for _, want := range []string{"MAY HAVE BEEN CREATED", "cust-000123", "corr-42", "terraform import", "Business Center", "502"} {
			if !strings.Contains(d.Detail(), want) {
				t.Errorf("detail lacks %q:\n%s", want, d.Detail())
			}
		}
		if d.Summary() != "Unable to Confirm Customer Creation" {
			t.Errorf("summary = %q", d.Summary())
		}
	})
	t.Run("412 says what to do", func(t *testing.T) {
		var diags diag.Diagnostics
		addChangedOutsideTerraform(&diags, "ABC", &client.APIError{StatusCode: 412, Status: "412 Precondition Failed", CorrelationID: "c-1"})
		d := diags.Errors()[0]
		if d.Summary() != "Customer Changed Outside Terraform" || !strings.Contains(d.Detail(), "terraform plan") || !strings.Contains(d.Detail(), "c-1") {
			t.Errorf("diagnostic = %q / %q", d.Summary(), d.Detail())
		}
	})
	t.Run("a 412 after an ambiguous PATCH attempt is not blamed on another writer", func(t *testing.T) {
		for _, tt := range []struct {
			err         error
			wantSummary string
		}{
			{&client.APIError{StatusCode: 412, Status: "412 Precondition Failed"}, "Customer Changed Outside Terraform"},
			{&client.APIError{StatusCode: 412, Status: "412 Precondition Failed", MayHaveBeenApplied: true}, "Unable to Confirm Customer Update"},
			{&client.APIError{StatusCode: 502, Status: "502 Bad Gateway", MayHaveBeenApplied: true}, "Unable to Confirm Customer Update"},
			{&client.APIError{StatusCode: 400, Status: "400 Bad Request"}, "Unable to Update Customer"},
		} {
			var diags diag.Diagnostics
			addUpdateError(&diags, "ABC", tt.err)
			if got := diags.Errors()[0].Summary(); got != tt.wantSummary {
				t.Errorf("%v: summary %q, want %q", tt.err, got, tt.wantSummary)
			}
		}
	})
	t.Run("API errors name the action and attach to the attribute", func(t *testing.T) {
		var diags diag.Diagnostics
		addCustomerAPIError(&diags, "Update", "ABC", &client.APIError{StatusCode: 400, Status: "400 Bad Request",
			Type: "invalidFields", Details: []client.ErrorDetail{{Name: "objectInformation.title", Location: "body"}}})
		d := diags.Errors()[0]
		withPath, ok := d.(diag.DiagnosticWithPath)
		if d.Summary() != "Unable to Update Customer" || !ok || !withPath.Path().Equal(path.Root("title")) {
			t.Errorf("diagnostic = %q at %v", d.Summary(), d)
		}
		if !strings.Contains(d.Detail(), "Correct the fields") {
			t.Errorf("detail lacks advice: %s", d.Detail())
		}
	})
	t.Run("advice follows the kind of failure", func(t *testing.T) {
		for err, want := range map[error]string{
			&client.APIError{StatusCode: 401}:                             "credentials",
			&client.APIError{StatusCode: 424}:                             "profile",
			&client.APIError{StatusCode: 503}:                             "Retry later",
			&client.TransportError{Err: errors.New("dial")}:               "network",
			&client.TransportError{Err: context.DeadlineExceeded}:         "timeouts",
			&client.APIError{StatusCode: 409, Type: "conflict"}:           "conflict",
			&client.APIError{StatusCode: 418, Status: "418 I'm a teapot"}: "correlation id",
		} {
			if got := apiErrorAdvice(err); !strings.Contains(got, want) {
				t.Errorf("advice for %v = %q, want it to mention %q", err, got, want)
			}
		}
	})
}
