package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// ValidateConfig runs the cross-attribute checks that can be decided from the configuration alone
// (`terraform validate`). Checks that need the environment fallbacks run again in Configure.
func (p *cybersourceProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	known := func(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }

	// Two authentication methods in the configuration can never be fixed by the environment.
	// (Unknown values are skipped: they may turn out null.)
	if known(m.P12File) && known(m.P12Base64) {
		resp.Diagnostics.AddAttributeError(path.Root("p12_base64"), "Conflicting CyberSource P12 Settings",
			"Both `p12_file` and `p12_base64` are set. Set exactly one: the path to the P12 file or its base64 content.")
	}
	if known(m.SharedSecret) && (known(m.P12File) || known(m.P12Base64)) {
		attr := "p12_file"
		if !known(m.P12File) {
			attr = "p12_base64"
		}
		resp.Diagnostics.AddAttributeError(path.Root(attr), "Conflicting CyberSource Authentication Methods",
			fmt.Sprintf("HTTP Signature authentication is configured through `shared_secret`, and JWT "+
				"authentication through `%s`. Configure exactly one authentication method.", attr))
	}
	if known(m.KeyID) && !known(m.SharedSecret) && !m.SharedSecret.IsUnknown() && (known(m.P12File) || known(m.P12Base64)) {
		resp.Diagnostics.AddAttributeWarning(path.Root("key_id"), "CyberSource Key ID Ignored",
			"`key_id` belongs to HTTP Signature authentication, but this configuration authenticates with a P12 "+
				"certificate (JWT), which identifies the key by the certificate's serial number. Remove `key_id`.")
	}
	// The converse: JWT-only settings next to an HTTP Signature secret are silently unused.
	if known(m.SharedSecret) && !known(m.P12File) && !m.P12File.IsUnknown() && !known(m.P12Base64) && !m.P12Base64.IsUnknown() {
		for _, setting := range []struct {
			attribute, label string
			value            types.String
		}{
			{"p12_password", "P12 Password", m.P12Password},
			{"key_alias", "Key Alias", m.KeyAlias},
		} {
			if known(setting.value) {
				resp.Diagnostics.AddAttributeWarning(path.Root(setting.attribute), "CyberSource "+setting.label+" Ignored",
					fmt.Sprintf("`%s` belongs to JWT (P12 certificate) authentication, but this configuration "+
						"authenticates with HTTP Signature (`shared_secret`), which does not use it. Remove `%s`.",
						setting.attribute, setting.attribute))
			}
		}
	}
}

// base64Value validates that a string is standard base64 (shared_secret, p12_base64). The detail
// never echoes the value: it is a secret.
func base64Value() validator.String {
	return stringCheck{
		description: "must be valid standard base64",
		summary:     "Invalid Base64 Value",
		check:       checkBase64,
		detail: func(attribute path.Path, _ string, err error) string {
			return fmt.Sprintf("The value of %s %s. Paste the value exactly as CyberSource's Business Center shows it "+
				"(for a P12 file: the output of `base64 -w0 file.p12`, or use `p12_file` instead).", attribute, err)
		},
	}
}

// endpointURL validates the endpoint attribute.
func endpointURL() validator.String {
	return stringCheck{
		description: "must be an absolute https URL, or http to a loopback address",
		summary:     "Invalid CyberSource Endpoint",
		check:       client.CheckEndpoint,
		detail:      quotingDetail(""),
	}
}

// requestTimeoutValue validates request_timeout with the same parser Configure uses.
func requestTimeoutValue() validator.String {
	return stringCheck{
		description: "must be a duration between 1s and 1h, such as \"60s\" or \"2m\"",
		summary:     "Invalid CyberSource Request Timeout",
		check: func(value string) error {
			_, err := parseRequestTimeout(value)
			return err
		},
		detail: func(_ path.Path, _ string, err error) string { return err.Error() },
	}
}

// profileIDValue validates a 36-character TMS profile id (provider and resource profile_id).
func profileIDValue() validator.String {
	return stringCheck{
		description: "must be a 36-character TMS profile id",
		summary:     "Invalid TMS Profile ID",
		check:       client.CheckProfileID,
		detail:      quotingDetail("; a TMS profile id looks like F75AF380-9D1B-4117-83CD-FF2C0430ECE3"),
	}
}
