package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// NewPaymentInstrumentsDataSource is data.cybersource_tms_customer_payment_instruments.
func NewPaymentInstrumentsDataSource() datasource.DataSource {
	d := paymentInstrumentDescriptions
	computed := func(name string) dsschema.StringAttribute {
		return dsschema.StringAttribute{MarkdownDescription: d[name], Computed: true}
	}
	attributes := map[string]dsschema.Attribute{
		"id":                       computed("id"),
		"default":                  dsschema.BoolAttribute{MarkdownDescription: "Whether it is the customer's default payment instrument.", Computed: true},
		"state":                    computed("state"),
		"instrument_identifier_id": computed("instrument_identifier_id"),
		"card_type":                computed("card_type"),
		"card_expiration_month":    computed("card_expiration_month"),
		"card_expiration_year":     computed("card_expiration_year"),
		"card_number_masked":       computed("card_number_masked"),
		"bill_to": dsschema.SingleNestedAttribute{
			MarkdownDescription: d["bill_to"] + " Null when the instrument has none.",
			Computed:            true,
			Attributes:          addressDataSourceAttributes("billTo"),
		},
		"creator": computed("creator"),
	}
	return &tmsListDataSource[paymentInstrumentItem, client.PaymentInstrument]{
		tmsDataSource:  tmsDataSource{kind: paymentInstrumentKind, typeSuffix: "_tms_customer_payment_instruments"},
		listAttribute:  "payment_instruments",
		plural:         "payment instruments",
		itemAttributes: attributes,
		items:          (*client.Client).PaymentInstruments,
		item:           paymentInstrumentItemFromAPI,
		idAndDefault: func(p *client.PaymentInstrument) (string, bool) {
			return derefString(p.ID), p.Default != nil && *p.Default
		},
	}
}
