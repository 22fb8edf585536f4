package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// paymentInstrumentDescriptions are shared by the resource and the list data source.
var paymentInstrumentDescriptions = map[string]string{
	"id":    "The payment instrument token id assigned by CyberSource (up to 32 characters).",
	"state": "`ACTIVE`, or `CLOSED` when the card's account was closed.",
	"instrument_identifier_id": "Id of the card token (instrument identifier) behind the instrument, usually " +
		"`cybersource_tms_instrument_identifier.<name>.id` (`instrumentIdentifier.id`). It can be changed in place.",
	"card_type": "Card type code (`card.type`), e.g. `001` Visa, `002` Mastercard, `003` American Express, `004` " +
		"Discover, `007` JCB.",
	"card_expiration_month": "Two-digit expiration month, `01` to `12` (`card.expirationMonth`).",
	"card_expiration_year":  "Four-digit expiration year, e.g. `2031` (`card.expirationYear`).",
	"card_number_masked": "The card number of the instrument's token as CyberSource returns it, e.g. " +
		"`411111XXXXXX1111` (`_embedded.instrumentIdentifier.card.number`). A payment instrument never holds the " +
		"full number.",
	"bill_to": "Billing address (`billTo`).",
	"creator": "The merchant that created the payment instrument (`metadata.creator`).",
}

// Schema describes cybersource_tms_customer_payment_instrument.
func (r *paymentInstrumentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	d := paymentInstrumentDescriptions
	optionalString := func(name string, validators ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d[name], Optional: true,
			Validators: append([]validator.String{notEmptyString()}, validators...)}
	}
	cardType := optionalString("card_type", stringCheck{
		description: "must be a CyberSource card type code such as 001",
		summary:     "Invalid Card Type",
		check:       checkCardType,
		detail:      quotingDetail(""),
	})
	cardType.Optional, cardType.Required = false, true
	resp.Schema = schema.Schema{
		MarkdownDescription: "A payment instrument of a customer in CyberSource's Token Management Service " +
			"(`/tms/v2/customers/{customerId}/payment-instruments`): a card, by its card token " +
			"(`cybersource_tms_instrument_identifier`), with its expiration date and billing address. A customer's " +
			"first payment instrument becomes its default; see `default` to choose another.\n\n" +
			"Deleting a payment instrument also deletes its card token when no other instrument uses it.",
		Attributes: map[string]schema.Attribute{
			"id":          computedString(d["id"]),
			"customer_id": parentCustomerAttribute("payment instrument"),
			"profile_id":  profileIDAttribute("payment instrument"),
			"default":     defaultAttribute("payment instrument"),
			"instrument_identifier_id": schema.StringAttribute{
				MarkdownDescription: d["instrument_identifier_id"],
				Required:            true,
				Validators:          []validator.String{idPartValue(instrumentIdentifierKind.ownID())},
			},
			"card_type":             cardType,
			"card_expiration_month": optionalString("card_expiration_month", expirationMonthValue()),
			"card_expiration_year":  optionalString("card_expiration_year", expirationYearValue()),
			"bill_to": schema.SingleNestedAttribute{
				MarkdownDescription: d["bill_to"],
				Optional:            true,
				Attributes:          addressAttributes("billTo", billToEmailMaxLength),
			},
			"state": computedString(d["state"]),
			"card_number_masked": schema.StringAttribute{
				MarkdownDescription: d["card_number_masked"],
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stateUnlessChanged(path.Root("instrument_identifier_id"))},
			},
			"creator":  computedString(d["creator"]),
			"timeouts": timeoutsAttribute(ctx, "payment instrument"),
		},
	}
}

var expirationMonthPattern = regexp.MustCompile(`^(0[1-9]|1[0-2])$`)

func expirationMonthValue() validator.String {
	return stringCheck{
		description: "must be a two-digit month, 01 to 12",
		summary:     "Invalid Expiration Month",
		check: func(value string) error {
			if !expirationMonthPattern.MatchString(value) {
				return fmt.Errorf("is not a two-digit month from 01 to 12")
			}
			return nil
		},
		detail: quotingDetail(""),
	}
}

func expirationYearValue() validator.String {
	return stringCheck{
		description: "must be a four-digit year",
		summary:     "Invalid Expiration Year",
		check: func(value string) error {
			year, err := strconv.Atoi(value)
			if err != nil || len(value) != 4 || year < 1900 || year > 2099 {
				return fmt.Errorf("is not a four-digit year such as 2031")
			}
			return nil
		},
		detail: quotingDetail(""),
	}
}

// stateUnlessChanged keeps a computed value from state while the attribute it derives from stays
// the same, and lets it be unknown (known after apply) when that attribute changes: the masked
// card number follows the card token.
func stateUnlessChanged(source path.Path) planmodifier.String {
	return stateUnlessChangedModifier{source: source}
}

type stateUnlessChangedModifier struct{ source path.Path }

func (m stateUnlessChangedModifier) Description(context.Context) string {
	return "keeps the prior value unless " + m.source.String() + " changes"
}

func (m stateUnlessChangedModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (m stateUnlessChangedModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || !req.PlanValue.IsUnknown() || req.ConfigValue.IsUnknown() {
		return
	}
	var planned, current types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, m.source, &planned)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, m.source, &current)...)
	if planned.Equal(current) {
		resp.PlanValue = req.StateValue
	}
}
