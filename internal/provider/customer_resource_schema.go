package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// customerDescriptions are the attribute descriptions shared by the resource and the data source,
// so the registry docs say the same thing in both places.
var customerDescriptions = map[string]string{
	"id": "The customer token id assigned by CyberSource (up to 32 characters, e.g. " +
		"`F2F3ADA770102B51E053A2598D0A9078`).",
	"profile_id": "TMS profile id (36 characters) used for this customer's requests, overriding the provider's " +
		"`profile_id`. When neither is set, CyberSource uses the merchant's default profile.",
	"merchant_customer_id": fmt.Sprintf("Your own identifier for the customer (`buyerInformation.merchantCustomerID`), "+
		"at most %d characters.", merchantCustomerIDMaxLength),
	"email": fmt.Sprintf("The customer's email address (`buyerInformation.email`), at most %d characters. "+
		"Shown in plans like any contact detail, so that reviewers see which address changes; wrap the value "+
		"in `sensitive()` to hide it (see the provider documentation on personal data).", emailMaxLength),
	"client_reference_code": fmt.Sprintf("Merchant reference code (`clientReferenceInformation.code`), at most %d "+
		"characters.", clientReferenceCodeMaxLength),
	"title": fmt.Sprintf("Title of the customer (`objectInformation.title`), at most %d characters.", titleMaxLength),
	"comment": fmt.Sprintf("Free-text comment (`objectInformation.comment`), at most %d characters.",
		commentMaxLength),
	"merchant_defined_information": fmt.Sprintf("Merchant-defined fields as a map of name to value, e.g. "+
		"`{ data1 = \"gold\" }` (`merchantDefinedInformation`). Names are %s; values are at most %d characters. "+
		"CyberSource asks that these values carry no personal data.",
		markdownList(merchantDefinedInformationNames), merchantDefinedValueMaxLen),
	"default_payment_instrument_id": "Id of the customer's default payment instrument " +
		"(`defaultPaymentInstrument.id`).",
	"default_shipping_address_id": "Id of the customer's default shipping address (`defaultShippingAddress.id`).",
	"creator":                     "The merchant that created the customer (`metadata.creator`).",
}

// Schema describes cybersource_tms_customer. Attributes are flat: each maps to one field of
// tms-api.md §3 (see customer_model.go for the mapping).
func (r *customerResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A customer in CyberSource's Token Management Service (TMS v2 `/tms/v2/customers`). " +
			"A customer groups payment instruments and shipping addresses under one token. Deleting the resource " +
			"deletes the customer together with all its payment instruments and shipping addresses.\n\n" +
			"Updates send only what changed and carry the ETag of the last read, so a change made elsewhere between " +
			"`plan` and `apply` is reported instead of overwritten.",
		Attributes: map[string]schema.Attribute{
			"id":                    computedString(customerDescriptions["id"]),
			"profile_id":            profileIDAttribute("customer"),
			"merchant_customer_id":  writableString("merchant_customer_id", merchantCustomerIDMaxLength),
			"email":                 writableString("email", emailMaxLength),
			"client_reference_code": writableString("client_reference_code", clientReferenceCodeMaxLength),
			"title":                 writableString("title", titleMaxLength),
			"comment":               writableString("comment", commentMaxLength),
			"merchant_defined_information": schema.MapAttribute{
				MarkdownDescription: customerDescriptions["merchant_defined_information"],
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          merchantDefinedInformationValidators(),
			},
			"default_payment_instrument_id": serverDefaultedReference("default_payment_instrument_id"),
			"default_shipping_address_id":   serverDefaultedReference("default_shipping_address_id"),
			"creator":                       computedString(customerDescriptions["creator"]),
			"timeouts":                      timeoutsAttribute(ctx, "customer"),
		},
	}
}

// writableString is an optional customer field with the §3 length limit. It is not Computed: when
// the configuration omits it, the customer must not have it, so drift shows and is corrected.
func writableString(name string, maxLength int) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: customerDescriptions[name],
		Optional:            true,
		Validators:          customerStringValidators(maxLength),
	}
}

// serverDefaultedReference is an Optional+Computed reference the server may set on its own.
// UseStateForUnknown keeps the last known value when the configuration omits it, so removing it
// from the configuration means "keep the server's choice", never a perpetual diff.
func serverDefaultedReference(name string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: customerDescriptions[name] + " Set it to choose an existing one of this customer; " +
			"leave it out to keep whatever CyberSource has (no diff when the server changes it).",
		Optional:      true,
		Computed:      true,
		Validators:    []validator.String{notEmptyString()},
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}
