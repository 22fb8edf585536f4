package provider

import (
	"errors"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The `timeouts` durations get this package's check instead of the timeouts library's. Terraform
// cannot point a diagnostic at a value inside an object such as `timeouts = { create = "…" }`: it
// shows the whole resource block, so the library's message ("\"5 minutes\" must be a string
// containing …") left the user to guess which timeout was meant. This one names it
// (timeouts.create), and also refuses zero and negative durations, which would make every
// operation time out at once.

// operationTimeoutValue validates one duration of the `timeouts` attribute.
func operationTimeoutValue() validator.String {
	return stringCheck{
		description: `must be a positive duration such as "30s" or "10m"`,
		summary:     "Invalid Operation Timeout",
		check:       checkOperationTimeout,
		detail:      quotingDetail(`; write a duration such as "30s", "10m" or "1h30m" (units: s, m, h)`),
	}
}

func checkOperationTimeout(value string) error {
	d, err := time.ParseDuration(value)
	switch {
	case err != nil:
		return errors.New("is not a duration")
	case d <= 0:
		return errors.New("must be longer than zero")
	}
	return nil
}

// withOperationTimeoutValidators replaces the validators of every duration in the `timeouts`
// attribute with operationTimeoutValue.
func withOperationTimeoutValidators(timeouts schema.SingleNestedAttribute) schema.SingleNestedAttribute {
	attributes := make(map[string]schema.Attribute, len(timeouts.Attributes))
	for name, attribute := range timeouts.Attributes {
		if duration, ok := attribute.(schema.StringAttribute); ok {
			duration.Validators = []validator.String{operationTimeoutValue()}
			attribute = duration
		}
		attributes[name] = attribute
	}
	timeouts.Attributes = attributes
	return timeouts
}
