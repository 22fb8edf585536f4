package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Schema pieces every TMS resource has, described in the resource's own words.

// timeoutsAttribute is the `timeouts` block of the four operations.
func timeoutsAttribute(ctx context.Context, noun string) schema.Attribute {
	attribute := timeouts.Attributes(ctx, timeouts.Opts{
		Create: true, Read: true, Update: true, Delete: true,
		CreateDescription: fmt.Sprintf("Time allowed for creating the %s (default `%s`).", noun, defaultCreateTimeout),
		ReadDescription:   fmt.Sprintf("Time allowed for reading the %s (default `%s`).", noun, defaultReadTimeout),
		UpdateDescription: fmt.Sprintf("Time allowed for updating the %s (default `%s`).", noun, defaultUpdateTimeout),
		DeleteDescription: fmt.Sprintf("Time allowed for deleting the %s (default `%s`).", noun, defaultDeleteTimeout),
	})
	if nested, ok := attribute.(schema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = "Operation timeouts, as durations such as `\"30s\"` or `\"10m\"`. Each bounds " +
			"the whole operation, retries included."
		attribute = withOperationTimeoutValidators(nested)
	}
	return attribute
}

// profileIDAttribute is a resource's own profile_id. Replacement is planned by
// tmsResource.ModifyPlan, only when the profile in effect changes, not by a plan modifier here.
func profileIDAttribute(noun string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("TMS profile id (36 characters) used for this %[1]s's requests, "+
			"overriding the provider's `profile_id`. When neither is set, CyberSource uses the merchant's default "+
			"profile. A %[1]s belongs to the profile it was created in: when the profile in effect (this attribute, "+
			"else the provider's, else the merchant's default) changes, the %[1]s is replaced by a new one in the new "+
			"profile, including when only the provider's `profile_id` changes (the plan warns). Moving the same "+
			"profile id between this attribute and the provider block, or importing by plain id into a resource that "+
			"names the provider's profile, changes nothing.", noun),
		Optional:   true,
		Validators: []validator.String{profileIDValue()},
	}
}

// computedString is a server-assigned attribute that never changes once known (ids, creator).
func computedString(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}
