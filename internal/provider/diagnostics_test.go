package provider

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
			got, ok := customerKind.attributeAtFault(tt.err)
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
	d := &providerData{authMethod: client.AuthMethodHTTPSignature}
	apiErr := &client.APIError{StatusCode: 502, Status: "502 Bad Gateway", CorrelationID: "corr-42",
		Method: "POST", Path: "/tms/v2/customers", MayHaveBeenApplied: true}

	t.Run("create outcome unknown says how to reconcile", func(t *testing.T) {
		var diags diag.Diagnostics
		m := customerResourceModel{}
		m.MerchantCustomerID = types.StringValue("cust-000123")
		d.reportCreateError(&diags, customerKind, m.creationClue(), apiErr)
		got := diags.Errors()[0]
		for _, want := range []string{"MAY HAVE BEEN CREATED", "cust-000123", "corr-42", "terraform import", "Business Center", "502"} {
			if !strings.Contains(got.Detail(), want) {
				t.Errorf("detail lacks %q:\n%s", want, got.Detail())
			}
		}
		if got.Summary() != "Unable to Confirm Customer Creation" {
			t.Errorf("summary = %q", got.Summary())
		}
	})
	t.Run("412 says what to do", func(t *testing.T) {
		var diags diag.Diagnostics
		d.reportUpdateError(&diags, customerKind, "ABC", &client.APIError{StatusCode: 412, Status: "412 Precondition Failed", CorrelationID: "c-1"})
		got := diags.Errors()[0]
		if got.Summary() != "Customer Changed Outside Terraform" || !strings.Contains(got.Detail(), "terraform plan") || !strings.Contains(got.Detail(), "c-1") {
			t.Errorf("diagnostic = %q / %q", got.Summary(), got.Detail())
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
			d.reportUpdateError(&diags, customerKind, "ABC", tt.err)
			if got := diags.Errors()[0].Summary(); got != tt.wantSummary {
				t.Errorf("%v: summary %q, want %q", tt.err, got, tt.wantSummary)
			}
		}
	})
	t.Run("API errors name the action and attach to the attribute", func(t *testing.T) {
		var diags diag.Diagnostics
		d.reportAPIError(&diags, customerKind, "Update", "ABC", &client.APIError{StatusCode: 400, Status: "400 Bad Request",
			Type: "invalidFields", Details: []client.ErrorDetail{{Name: "objectInformation.title", Location: "body"}}})
		got := diags.Errors()[0]
		withPath, ok := got.(diag.DiagnosticWithPath)
		if got.Summary() != "Unable to Update Customer" || !ok || !withPath.Path().Equal(path.Root("title")) {
			t.Errorf("diagnostic = %q at %v", got.Summary(), got)
		}
		if !strings.Contains(got.Detail(), "Correct the fields") {
			t.Errorf("detail lacks advice: %s", got.Detail())
		}
		// Terraform prints "Error:" once per diagnostic; a second one in the detail doubles the
		// count of failures in CI logs.
		if strings.Contains(got.Detail(), "Error:") {
			t.Errorf("detail repeats \"Error:\": %s", got.Detail())
		}
	})
	t.Run("advice follows the kind of failure", func(t *testing.T) {
		for err, want := range map[error]string{
			&client.APIError{StatusCode: 401}:                             "credentials",
			&client.APIError{StatusCode: 403}:                             "may not perform",
			&client.APIError{StatusCode: 424}:                             "profile",
			&client.APIError{StatusCode: 503}:                             "Retry later",
			&client.TransportError{Err: errors.New("dial")}:               "network",
			&client.TransportError{Err: context.DeadlineExceeded}:         "timeouts",
			&client.APIError{StatusCode: 409, Type: "conflict"}:           "conflict",
			&client.APIError{StatusCode: 418, Status: "418 I'm a teapot"}: "correlation id",
		} {
			var diags diag.Diagnostics
			(&providerData{}).reportAPIError(&diags, customerKind, "Read", "ABC", err)
			if got := diags.Errors()[0].Detail(); !strings.Contains(got, want) {
				t.Errorf("advice for %v = %q, want it to mention %q", err, got, want)
			}
		}
	})
	t.Run("credentials advice names the settings of the method in use", func(t *testing.T) {
		for method, want := range map[string]string{
			client.AuthMethodHTTPSignature: "`key_id` and `shared_secret`",
			client.AuthMethodMetaKey:       "`portfolio_id`",
			client.AuthMethodJWT:           "`p12_file`",
		} {
			advice := (&providerData{authMethod: method}).apiErrorAdvice(&client.APIError{StatusCode: 401})
			if !strings.Contains(advice, want) {
				t.Errorf("%s advice %q lacks %q", method, advice, want)
			}
		}
	})
}

// TestTransportFailureDiagnostics: a request that got no answer is never described as rejected,
// and each kind of failure has its own summary and advice.
func TestTransportFailureDiagnostics(t *testing.T) {
	d := &providerData{}
	tests := []struct {
		err         error
		wantSummary string
		wantDetail  []string
		notDetail   []string
	}{
		{&client.TransportError{Method: "POST", URL: "http://127.0.0.1:1/tms/v2/customers", Attempts: 5,
			Err: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}},
			"Unable to Create Customer: Connection Failed",
			[]string{"no connection could be made to http://127.0.0.1:1", "5 attempts were made", "that it is running"},
			[]string{"rejected"}},
		{&client.TransportError{Method: "GET", URL: "https://api.example.invalid/tms/v2/customers/X",
			Err: &net.DNSError{Err: "no such host", Name: "api.example.invalid", IsNotFound: true}},
			"Unable to Create Customer: Host Not Found", []string{"could not be resolved", "host name"}, []string{"rejected"}},
		{&client.TransportError{Method: "GET", URL: "https://127.0.0.1:8443/tms/v2/customers/X",
			Err: x509.UnknownAuthorityError{}},
			"Unable to Create Customer: TLS Connection Refused", []string{"Retrying will not help", "SSL_CERT_FILE"},
			[]string{"and retry"}},
		{&client.TransportError{Method: "POST", Err: context.Canceled},
			"Unable to Create Customer: Cancelled", []string{"asked to stop"}, nil},
		{&client.TransportError{Method: "POST", Err: client.ErrInterrupted},
			"Unable to Create Customer: Stopped Before Sending", []string{"was not sent", "nothing was changed"}, nil},
	}
	for _, tt := range tests {
		var diags diag.Diagnostics
		d.reportAPIError(&diags, customerKind, "Create", "", tt.err)
		got := diags.Errors()[0]
		if got.Summary() != tt.wantSummary {
			t.Errorf("%v: summary %q, want %q", tt.err, got.Summary(), tt.wantSummary)
		}
		for _, want := range tt.wantDetail {
			if !strings.Contains(got.Detail(), want) {
				t.Errorf("%v: detail lacks %q:\n%s", tt.err, want, got.Detail())
			}
		}
		for _, unwanted := range tt.notDetail {
			if strings.Contains(got.Detail(), unwanted) {
				t.Errorf("%v: detail says %q:\n%s", tt.err, unwanted, got.Detail())
			}
		}
	}
}

// TestCredentialsRejectedOnce: after a 401, operations fail at once with a short error instead of
// sending requests that cannot succeed and repeating the same long error per resource.
func TestCredentialsRejectedOnce(t *testing.T) {
	d := &providerData{}
	if diags := d.credentialsRejectedEarlier(); diags.HasError() {
		t.Fatal("rejected before any 401")
	}
	var diags diag.Diagnostics
	d.reportAPIError(&diags, customerKind, "Read", "X", &client.APIError{StatusCode: 403})
	if d.credentialsRejectedEarlier().HasError() {
		t.Fatal("a 403 must not stop later operations")
	}
	d.reportAPIError(&diags, customerKind, "Read", "X", &client.APIError{StatusCode: 401, Status: "401 Unauthorized"})
	later := d.credentialsRejectedEarlier()
	if !later.HasError() || !strings.Contains(later.Errors()[0].Summary(), "Rejected Earlier") {
		t.Fatalf("after a 401: %v", later)
	}
	if _, err := d.startOperation(t.Context(), timeouts.Value{}, opRead, ""); !err.HasError() {
		t.Error("startOperation went ahead after a 401")
	}
}
