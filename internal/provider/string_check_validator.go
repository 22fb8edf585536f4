package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// stringCheck turns one of this package's check functions (checkEndpoint, checkProfileID, ...) into
// a validator.String. terraform-plugin-framework-validators covers lengths and enumerations; the
// rules here are the provider's own parsers, and Configure runs the same functions on values that
// come from the environment, so one adapter keeps plan-time and configure-time checks identical.
type stringCheck struct {
	description string                   // what a valid value is, for docs and language servers
	summary     string                   // the diagnostic's Title Case summary
	check       func(value string) error // nil when the value is valid
	// detail writes the diagnostic's detail. It receives the value so that it can quote it, and
	// must not when the value is a secret.
	detail func(attribute path.Path, value string, err error) string
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(context.Context) string { return v.description }

func (v stringCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString skips null and unknown values: a null attribute is simply not set, and an unknown
// one is checked again once it is known (at apply time, or in Configure).
func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueString()
	if err := v.check(value); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, v.detail(req.Path, value, err))
	}
}

// quotingDetail is the detail for non-secret values: "The value "x" of <attribute> <reason>.<advice>".
func quotingDetail(advice string) func(path.Path, string, error) string {
	return func(attribute path.Path, value string, err error) string {
		return fmt.Sprintf("The value %q of %s %s%s.", value, attribute, err, advice)
	}
}
