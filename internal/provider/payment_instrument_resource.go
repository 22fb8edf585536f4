package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// paymentInstrumentKind is cybersource_tms_customer_payment_instrument (tms-subresources.md §1b, §4).
var paymentInstrumentKind = &tmsKind{
	typeSuffix: "_tms_customer_payment_instrument",
	noun:       "Payment Instrument",
	idParts: []idPart{
		customerIDPart,
		{attribute: "id", identity: "payment_instrument_id", label: "payment instrument id",
			example: "F45FD8DE542A9E9CE053A2598D0AFDFA", maxLength: 32},
	},
	privateKey: "etag",
	fieldAttributes: withFieldAttributes(addressFieldAttributes("billTo", path.Root("bill_to")), map[string]path.Path{
		"default":                 path.Root("default"),
		"card.type":               path.Root("card_type"),
		"card.expirationMonth":    path.Root("card_expiration_month"),
		"card.expirationYear":     path.Root("card_expiration_year"),
		"instrumentIdentifier.id": path.Root("instrument_identifier_id"),
		"instrumentIdentifier":    path.Root("instrument_identifier_id"),
	}),
	hasDefault: true,
}

// paymentInstrumentResource is cybersource_tms_customer_payment_instrument.
type paymentInstrumentResource struct {
	tmsResource[paymentInstrumentResourceModel, client.PaymentInstrument]
}

// NewPaymentInstrumentResource is the factory registered with the provider.
func NewPaymentInstrumentResource() resource.Resource {
	return &paymentInstrumentResource{tmsResource[paymentInstrumentResourceModel, client.PaymentInstrument]{
		kind: paymentInstrumentKind, api: paymentInstrumentAPI}}
}

// paymentInstrumentAPI: deleting an instrument may also delete its card token, when no other
// instrument uses it (tms-subresources.md §6.3); the token resource then finds it gone, which
// counts as deleted.
var paymentInstrumentAPI = customerItemAPI[paymentInstrumentResourceModel](paymentInstrumentKind, (*client.Client).PaymentInstruments)
