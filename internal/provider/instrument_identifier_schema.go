package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// instrumentIdentifierDescriptions are shared by the resource and the data source.
var instrumentIdentifierDescriptions = map[string]string{
	"id": "The instrument identifier (card token) id assigned by CyberSource, e.g. `7010000000016241111` " +
		"(12 to 32 characters).",
	"card_number_masked": "The card number as CyberSource returns it: the first six and last four digits, the rest " +
		"`X`, e.g. `411111XXXXXX1111` (`card.number`). The full number is never returned, stored or shown.",
	"state":   "`ACTIVE`, or `CLOSED` when the card's account was closed.",
	"creator": "The merchant that created the token (`metadata.creator`).",
}

// Schema describes cybersource_tms_instrument_identifier.
func (r *instrumentIdentifierResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A card token: an instrument identifier of CyberSource's Token Management Service " +
			"(`/tms/v1/instrumentidentifiers`), made from a card number given through the write-only argument " +
			"`card_number_wo` (Terraform 1.11 or later). The number is sent once, when the token is created, and is " +
			"never kept in the plan or the state, nor logged.\n\n" +
			"CyberSource keeps one token per card number: tokenising a card it already holds returns that token, " +
			"which this resource then adopts (with a warning). A customer payment instrument refers to the token by " +
			"its `id`.",
		Attributes: map[string]schema.Attribute{
			"id":         computedString(instrumentIdentifierDescriptions["id"]),
			"profile_id": profileIDAttribute("card token"),
			"card_number_wo": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The card number to tokenise: %d to %d digits, no spaces. Write-only "+
					"(Terraform 1.11+): it is read when the token is created and never stored. Required to create a "+
					"token; an imported token does not need it. Terraform cannot see a change of this value: to "+
					"tokenise another card, change it together with `card_number_wo_version`. Read it from a variable "+
					"or a secret store rather than writing it in the configuration.",
					client.CardNumberMinLength, client.CardNumberMaxLength),
				// Optional rather than required so that an imported token needs no card number in the
				// configuration; creating one without it is refused at plan time (ModifyPlan).
				Optional:   true,
				WriteOnly:  true,
				Sensitive:  true,
				Validators: []validator.String{cardNumberValue()},
			},
			"card_number_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any number; change it to replace the token with one for the current " +
					"`card_number_wo`, since Terraform cannot compare write-only values. Setting it for the first time " +
					"on an imported token only records it (the imported token is kept).",
				Optional:      true,
				PlanModifiers: []planmodifier.Int64{replaceOnNewCardVersion()},
			},
			"card_number_masked": computedString(instrumentIdentifierDescriptions["card_number_masked"]),
			"state":              computedString(instrumentIdentifierDescriptions["state"]),
			"creator":            computedString(instrumentIdentifierDescriptions["creator"]),
			"timeouts":           timeoutsAttribute(ctx, "card token"),
		},
	}
}

// replaceOnNewCardVersion replaces the token when card_number_wo_version changes, except when an
// imported token gets its first version: replacing would delete a token this configuration did
// not create, for a card number it never saw change.
func replaceOnNewCardVersion() planmodifier.Int64 {
	return int64planmodifier.RequiresReplaceIf(
		func(ctx context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
			if !req.StateValue.IsNull() {
				resp.RequiresReplace = true
				return
			}
			rec, diags := loadPrivate(ctx, req.Private, instrumentIdentifierKind.privateKey)
			resp.Diagnostics.Append(diags...)
			resp.RequiresReplace = rec.Created
		},
		"Replaces the token when the version changes, except on its first setting after an import.",
		"Replaces the token when the version changes, except on its first setting after an import.",
	)
}

// cardNumberValue checks a card number at plan time with the client's rule. Its diagnostic never
// repeats the value: it is card data.
func cardNumberValue() validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be a card number of %d to %d digits", client.CardNumberMinLength, client.CardNumberMaxLength),
		summary:     "Invalid Card Number",
		check:       client.CheckCardNumber,
		detail: func(attribute path.Path, _ string, err error) string {
			return fmt.Sprintf("The value of %s %s. (The value is not repeated here: it is card data.)", attribute, err)
		},
	}
}
