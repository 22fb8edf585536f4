package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

var (
	_ datasource.DataSource              = &customerDataSource{}
	_ datasource.DataSourceWithConfigure = &customerDataSource{}
)

// customerDataSource is data.cybersource_tms_customer: one GET by id.
type customerDataSource struct {
	data *providerData
}

// NewCustomerDataSource is the factory registered with the provider.
func NewCustomerDataSource() datasource.DataSource {
	return &customerDataSource{}
}

func (d *customerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tms_customer"
}

func (d *customerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computedString := func(name string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: customerDescriptions[name], Computed: true}
	}
	sensitive := func(attribute schema.StringAttribute) schema.StringAttribute {
		attribute.Sensitive = true
		return attribute
	}
	// personalData lists the nested fields that are personal data: they are marked sensitive so
	// plans and CI output do not show them.
	nestedStrings := func(descriptions map[string]string, personalData ...string) map[string]schema.Attribute {
		attributes := make(map[string]schema.Attribute, len(descriptions))
		for name, description := range descriptions {
			attributes[name] = schema.StringAttribute{
				MarkdownDescription: description,
				Computed:            true,
				Sensitive:           slices.Contains(personalData, name),
			}
		}
		return attributes
	}

	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a customer of CyberSource's Token Management Service by id, together with its " +
			"default payment instrument (masked: never a card number) and default shipping address.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: customerDescriptions["id"] + " The customer to read.",
				Required:            true,
				Validators:          []validator.String{customerIDValue()},
			},
			"profile_id": schema.StringAttribute{
				MarkdownDescription: customerDescriptions["profile_id"],
				Optional:            true,
				Validators:          []validator.String{profileIDValue()},
			},
			"merchant_customer_id":          computedString("merchant_customer_id"),
			"email":                         sensitive(computedString("email")),
			"client_reference_code":         computedString("client_reference_code"),
			"title":                         computedString("title"),
			"comment":                       computedString("comment"),
			"default_payment_instrument_id": computedString("default_payment_instrument_id"),
			"default_shipping_address_id":   computedString("default_shipping_address_id"),
			"creator":                       computedString("creator"),
			"merchant_defined_information": schema.MapAttribute{
				MarkdownDescription: customerDescriptions["merchant_defined_information"],
				ElementType:         types.StringType,
				Computed:            true,
			},
			"default_payment_instrument": schema.SingleNestedAttribute{
				MarkdownDescription: "The default payment instrument as embedded in the customer " +
					"(`_embedded.defaultPaymentInstrument`); null when the customer has none. Card data is masked " +
					"by CyberSource and no card number is exposed.",
				Computed: true,
				Attributes: nestedStrings(map[string]string{
					"id":                       "Payment instrument token id.",
					"state":                    "State of the payment instrument: `ACTIVE` or `CLOSED`.",
					"type":                     "Object type reported by CyberSource (`object`, e.g. `paymentInstrument`).",
					"card_type":                "Card type code (`card.type`, e.g. `001` for Visa).",
					"expiration_month":         "Card expiration month (`card.expirationMonth`, two digits).",
					"expiration_year":          "Card expiration year (`card.expirationYear`, four digits).",
					"instrument_identifier_id": "Id of the instrument identifier token behind the card (`instrumentIdentifier.id`).",
				}),
			},
			"default_shipping_address": schema.SingleNestedAttribute{
				MarkdownDescription: "The default shipping address as embedded in the customer " +
					"(`_embedded.defaultShippingAddress`); null when the customer has none.",
				Computed: true,
				Attributes: nestedStrings(map[string]string{
					"id":                  "Shipping address token id.",
					"first_name":          "First name (`shipTo.firstName`).",
					"last_name":           "Last name (`shipTo.lastName`).",
					"company":             "Company (`shipTo.company`).",
					"address1":            "First address line (`shipTo.address1`).",
					"address2":            "Second address line (`shipTo.address2`).",
					"locality":            "City (`shipTo.locality`).",
					"administrative_area": "State or province (`shipTo.administrativeArea`).",
					"postal_code":         "Postal code (`shipTo.postalCode`).",
					"country":             "Two-letter country code (`shipTo.country`).",
					"email":               "Email address (`shipTo.email`).",
					"phone_number":        "Phone number (`shipTo.phoneNumber`).",
				}, "first_name", "last_name", "address1", "address2", "email", "phone_number"),
			},
		},
	}
}

func (d *customerDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		addUnexpectedProviderDataError(&resp.Diagnostics, "Data Source", req.ProviderData)
		return
	}
	d.data = data
}

// Read makes one GET. Unlike the resource, a missing customer is an error: a data source that
// silently returned nothing would let a typo flow into other resources.
func (d *customerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config customerDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx = d.data.operationContext(ctx)

	id := config.ID.ValueString()
	result, err := d.data.client.GetCustomer(ctx, id, client.CallOptions{ProfileID: config.ProfileID.ValueString()})
	if err != nil {
		if client.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Customer Not Found",
				fmt.Sprintf("No customer with id %q exists for this merchant and profile (%s). Check the id and, if the "+
					"customer lives in another TMS profile, set `profile_id`.", id, err))
			return
		}
		addCustomerAPIError(&resp.Diagnostics, "Read", id, err)
		return
	}
	if result.Customer == nil {
		resp.Diagnostics.AddError("Unable to Read Customer",
			fmt.Sprintf("CyberSource answered the request for customer %q without a body (correlation id %s).",
				id, result.CorrelationID))
		return
	}

	state := config
	resp.Diagnostics.Append(state.fromCustomer(result.Customer, config.customerModel)...)
	state.ID = config.ID
	resp.Diagnostics.Append(state.setEmbedded(result.Customer)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
