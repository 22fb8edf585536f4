package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Schema describes cybersource_tms_customer_shipping_address: the address as flat attributes
// (shipTo), its customer, its profile and the default flag.
func (r *shippingAddressResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attributes := map[string]schema.Attribute{
		"id":          computedString("The shipping address token id assigned by CyberSource (up to 32 characters)."),
		"customer_id": parentCustomerAttribute("shipping address"),
		"profile_id":  profileIDAttribute("shipping address"),
		"default":     defaultAttribute("shipping address"),
		"creator":     computedString("The merchant that created the shipping address (`metadata.creator`)."),
		"timeouts":    timeoutsAttribute(ctx, "shipping address"),
	}
	maps.Copy(attributes, addressAttributes("shipTo", shipToEmailMaxLength))
	resp.Schema = schema.Schema{
		MarkdownDescription: "A shipping address of a customer in CyberSource's Token Management Service " +
			"(`/tms/v2/customers/{customerId}/shipping-addresses`). A customer's first shipping address becomes its " +
			"default; see `default` to choose another. Deleting the customer deletes its shipping addresses.\n\n" +
			"Attributes left out of the configuration are absent on the address: a value added outside Terraform " +
			"shows as a change to remove in the next plan.",
		Attributes: attributes,
	}
}

// parentCustomerAttribute is customer_id on a customer's item: required, and a new customer means
// a new item (an item cannot move between customers).
func parentCustomerAttribute(noun string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Id of the customer the " + noun + " belongs to, usually " +
			"`cybersource_tms_customer.<name>.id`. Changing it replaces the " + noun + ".",
		Required:      true,
		Validators:    []validator.String{customerIDValue()},
		PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}
