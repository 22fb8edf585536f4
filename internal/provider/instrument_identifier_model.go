package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// instrumentIdentifierItem is a card token as the API returns it (tms-subresources.md §5): the
// resource's attributes that come from the object, and the data source's.
type instrumentIdentifierItem struct {
	ID               types.String `tfsdk:"id"`
	CardNumberMasked types.String `tfsdk:"card_number_masked"`
	State            types.String `tfsdk:"state"`
	Creator          types.String `tfsdk:"creator"`
}

// instrumentIdentifierItemFromAPI maps an answer. The card number in it is masked by CyberSource
// (first six and last four digits, §7); it is the only form of the number the provider stores.
func instrumentIdentifierItemFromAPI(ii *client.InstrumentIdentifier) instrumentIdentifierItem {
	item := instrumentIdentifierItem{ID: stringValue(ii.ID), State: stringValue(ii.State),
		CardNumberMasked: types.StringNull(), Creator: types.StringNull()}
	if ii.Card != nil {
		item.CardNumberMasked = stringValue(ii.Card.Number)
	}
	if ii.Metadata != nil {
		item.Creator = stringValue(ii.Metadata.Creator)
	}
	return item
}

// instrumentIdentifierResourceModel is cybersource_tms_instrument_identifier. CardNumberWO is
// write-only: Terraform hands it to Create in the configuration and never keeps it; it is null
// in every plan and state.
type instrumentIdentifierResourceModel struct {
	instrumentIdentifierItem
	ProfileID           types.String   `tfsdk:"profile_id"`
	CardNumberWO        types.String   `tfsdk:"card_number_wo"`
	CardNumberWOVersion types.Int64    `tfsdk:"card_number_wo_version"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
}

func (m instrumentIdentifierResourceModel) timeoutsValue() timeouts.Value { return m.Timeouts }
func (m instrumentIdentifierResourceModel) profileIDValue() types.String  { return m.ProfileID }
func (m instrumentIdentifierResourceModel) idValues() []types.String      { return []types.String{m.ID} }
func (m instrumentIdentifierResourceModel) creationClue() string {
	return "Tokenising the same card again returns the existing token, so applying again is safe: it adopts " +
		"the token if it was created"
}

// refreshed is prior with every attribute the API owns taken from an answer.
func (m instrumentIdentifierResourceModel) refreshed(ii *client.InstrumentIdentifier) instrumentIdentifierResourceModel {
	out := m
	out.instrumentIdentifierItem = instrumentIdentifierItemFromAPI(ii)
	out.CardNumberWO = types.StringNull() // never kept, whatever the prior held
	return out
}

// instrumentIdentifierDataSourceModel is data.cybersource_tms_instrument_identifier.
type instrumentIdentifierDataSourceModel struct {
	instrumentIdentifierItem
	ProfileID types.String `tfsdk:"profile_id"`
}
