package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// paymentInstrumentItem is one customer payment instrument as the API returns it
// (tms-subresources.md §4): the resource's attributes that come from the object, and one element
// of the list data source. There is no card number: a payment instrument never holds one, and the
// masked number comes from the instrument identifier CyberSource embeds (§7).
type paymentInstrumentItem struct {
	ID                     types.String  `tfsdk:"id"`
	Default                types.Bool    `tfsdk:"default"`
	State                  types.String  `tfsdk:"state"`
	InstrumentIdentifierID types.String  `tfsdk:"instrument_identifier_id"`
	CardType               types.String  `tfsdk:"card_type"`
	CardExpirationMonth    types.String  `tfsdk:"card_expiration_month"`
	CardExpirationYear     types.String  `tfsdk:"card_expiration_year"`
	CardNumberMasked       types.String  `tfsdk:"card_number_masked"`
	BillTo                 *addressModel `tfsdk:"bill_to"`
	Creator                types.String  `tfsdk:"creator"`
}

// paymentInstrumentItemFromAPI maps an answer; absent members become null.
func paymentInstrumentItemFromAPI(p *client.PaymentInstrument) paymentInstrumentItem {
	card := p.Card
	if card == nil {
		card = &client.PaymentInstrumentCard{}
	}
	item := paymentInstrumentItem{
		ID:                  stringValue(p.ID),
		Default:             types.BoolPointerValue(p.Default),
		State:               stringValue(p.State),
		CardType:            stringValue(card.Type),
		CardExpirationMonth: stringValue(card.ExpirationMonth),
		CardExpirationYear:  stringValue(card.ExpirationYear),
		Creator:             types.StringNull(),
		CardNumberMasked:    types.StringNull(),
	}
	if p.InstrumentIdentifier != nil {
		item.InstrumentIdentifierID = stringValue(p.InstrumentIdentifier.ID)
	} else {
		item.InstrumentIdentifierID = types.StringNull()
	}
	if p.Embedded != nil && p.Embedded.InstrumentIdentifier != nil && p.Embedded.InstrumentIdentifier.Card != nil {
		item.CardNumberMasked = stringValue(p.Embedded.InstrumentIdentifier.Card.Number)
	}
	if billTo := addressFromAPI(p.BillTo); !billTo.isNull() {
		item.BillTo = &billTo
	}
	if p.Metadata != nil {
		item.Creator = stringValue(p.Metadata.Creator)
	}
	return item
}

// paymentInstrumentResourceModel is cybersource_tms_customer_payment_instrument.
type paymentInstrumentResourceModel struct {
	paymentInstrumentItem
	customerItemRef
}

func (m paymentInstrumentResourceModel) idValues() []types.String {
	return []types.String{m.CustomerID, m.ID}
}
func (m paymentInstrumentResourceModel) creationClue() string {
	return fmt.Sprintf("List the payment instruments of customer %q (data source "+
		"cybersource_tms_customer_payment_instruments, or the Business Center) and look for one using instrument "+
		"identifier %q", m.CustomerID.ValueString(), m.InstrumentIdentifierID.ValueString())
}

// toAPI builds the body of the writable attributes; the card group is absent when none of its
// attributes is set.
func (m paymentInstrumentResourceModel) toAPI() *client.PaymentInstrument {
	out := &client.PaymentInstrument{
		Default:              boolPointer(m.Default),
		InstrumentIdentifier: &client.Reference{ID: stringPointer(m.InstrumentIdentifierID)},
	}
	card := client.PaymentInstrumentCard{Type: stringPointer(m.CardType),
		ExpirationMonth: stringPointer(m.CardExpirationMonth), ExpirationYear: stringPointer(m.CardExpirationYear)}
	if card != (client.PaymentInstrumentCard{}) {
		out.Card = &card
	}
	if m.BillTo != nil {
		out.BillTo = m.BillTo.toAPI()
	}
	return out
}

// refreshed is prior with every attribute the API owns taken from an answer. An answer without
// the embedded token (CyberSource documents it, but a PATCH answer may be trimmed) keeps the
// masked number known for the same token.
func (m paymentInstrumentResourceModel) refreshed(p *client.PaymentInstrument) paymentInstrumentResourceModel {
	out := m
	out.paymentInstrumentItem = paymentInstrumentItemFromAPI(p)
	if out.CardNumberMasked.IsNull() && out.InstrumentIdentifierID.Equal(m.InstrumentIdentifierID) && !m.CardNumberMasked.IsUnknown() {
		out.CardNumberMasked = m.CardNumberMasked
	}
	return out
}

func (m paymentInstrumentResourceModel) withoutDefault() paymentInstrumentResourceModel {
	m.Default = types.BoolNull()
	return m
}
