package provider

import (
	"context"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSource              = &customerDataSource{}
	_ datasource.DataSourceWithConfigure = &customerDataSource{}
)

// customerDataSource is data.cybersource_tms_customer: one GET by id.
type customerDataSource struct {
	tmsDataSource
}

// NewCustomerDataSource is the factory registered with the provider.
func NewCustomerDataSource() datasource.DataSource {
	return &customerDataSource{tmsDataSource{kind: customerKind}}
}

func (d *customerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(name string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: customerDescriptions[name], Computed: true}
	}
	// Contact details are not marked sensitive: Terraform's convention keeps Sensitive for secrets,
	// and plans must show which address changes (the provider documentation says how to hide them).
	nestedStrings := func(descriptions map[string]string) map[string]schema.Attribute {
		attributes := make(map[string]schema.Attribute, len(descriptions))
		for name, description := range descriptions {
			attributes[name] = schema.StringAttribute{MarkdownDescription: description, Computed: true}
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
			"merchant_customer_id":          computed("merchant_customer_id"),
			"email":                         computed("email"),
			"client_reference_code":         computed("client_reference_code"),
			"title":                         computed("title"),
			"comment":                       computed("comment"),
			"default_payment_instrument_id": computed("default_payment_instrument_id"),
			"default_shipping_address_id":   computed("default_shipping_address_id"),
			"creator":                       computed("creator"),
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
				}),
			},
		},
	}
}

// Read makes one GET.
func (d *customerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config customerDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	customer := readOne(ctx, &d.tmsDataSource, &resp.Diagnostics, config.ProfileID, config.ID.ValueString(), (*client.Client).GetCustomer)
	if customer == nil {
		return
	}
	state := config
	resp.Diagnostics.Append(state.fromCustomer(customer, config.customerModel)...)
	state.ID = config.ID
	resp.Diagnostics.Append(state.setEmbedded(customer)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
