package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// instrumentIdentifierKind is cybersource_tms_instrument_identifier (tms-subresources.md §1d, §5).
var instrumentIdentifierKind = &tmsKind{
	typeSuffix: "_tms_instrument_identifier",
	noun:       "Instrument Identifier",
	idParts: []idPart{{attribute: "id", identity: "instrument_identifier_id", label: "instrument identifier id",
		example: "7010000000016241111", minLength: 12, maxLength: 32}},
	privateKey: "etag",
	// A rejected card number is reported on the write-only argument; the message never has the
	// number in it (the client's error text carries CyberSource's field name only).
	fieldAttributes:       map[string]path.Path{"card.number": path.Root("card_number_wo")},
	createReturnsExisting: true,
}

// instrumentIdentifierResource is cybersource_tms_instrument_identifier, a card token.
type instrumentIdentifierResource struct {
	tmsResource[instrumentIdentifierResourceModel, client.InstrumentIdentifier]
}

// NewInstrumentIdentifierResource is the factory registered with the provider.
func NewInstrumentIdentifierResource() resource.Resource {
	return &instrumentIdentifierResource{tmsResource[instrumentIdentifierResourceModel, client.InstrumentIdentifier]{
		kind: instrumentIdentifierKind, api: instrumentIdentifierAPI}}
}

var instrumentIdentifierAPI = tmsAPI[instrumentIdentifierResourceModel, client.InstrumentIdentifier]{
	// create reads the card number from the configuration, the only place Terraform has it, and
	// sends it in the one request that needs it.
	create: func(ctx context.Context, d *providerData, _ instrumentIdentifierResourceModel, config tfsdk.Config, opts client.CallOptions) (*client.Result[client.InstrumentIdentifier], error) {
		number := rawString(config.Raw, "card_number_wo")
		if number.IsNull() || number.IsUnknown() {
			return nil, errors.New("card_number_wo has no value; it is required to create the token")
		}
		return d.client.CreateCardInstrumentIdentifier(ctx, number.ValueString(), opts)
	},
	read: func(ctx context.Context, d *providerData, state instrumentIdentifierResourceModel, opts client.CallOptions) (*client.Result[client.InstrumentIdentifier], error) {
		return d.client.GetInstrumentIdentifier(ctx, state.ID.ValueString(), opts)
	},
	// Nothing of a token can be changed: a new card is a new token (card_number_wo_version
	// replaces it), so an update only ever records profile_id or timeouts.
	patch: func(context.Context, instrumentIdentifierResourceModel, instrumentIdentifierResourceModel) (client.MergePatch, diag.Diagnostics) {
		return client.MergePatch{}, nil
	},
	update: func(context.Context, *providerData, instrumentIdentifierResourceModel, client.MergePatch, client.CallOptions) (*client.Result[client.InstrumentIdentifier], error) {
		return nil, errors.New("an instrument identifier has nothing to update")
	},
	delete: func(ctx context.Context, d *providerData, state instrumentIdentifierResourceModel, opts client.CallOptions) error {
		_, err := d.client.DeleteInstrumentIdentifier(ctx, state.ID.ValueString(), opts)
		return explainTokenInUse(state.ID.ValueString(), err)
	},
	refresh: func(_ context.Context, prior instrumentIdentifierResourceModel, value *client.InstrumentIdentifier) (instrumentIdentifierResourceModel, diag.Diagnostics) {
		return prior.refreshed(value), nil
	},
	created: func(_ instrumentIdentifierResourceModel, result *client.Result[client.InstrumentIdentifier]) diag.Diagnostics {
		var diags diag.Diagnostics
		if result.Created() {
			return diags
		}
		id := derefString(result.Value.ID)
		diags.AddWarning("Adopted an Existing Card Token",
			fmt.Sprintf("CyberSource already held this card number for this merchant, and answered with its existing "+
				"token %q instead of a new one (tokens are de-duplicated). "+
				"Terraform now manages that token: destroying this resource deletes a token that may predate this "+
				"configuration and may be used elsewhere, e.g. by another configuration holding the same card.", id))
		return diags
	},
}

// explainTokenInUse puts CyberSource's refusal to delete a token that payment instruments still
// use (409, tms-subresources.md §6.4) in words.
func explainTokenInUse(id string, err error) error {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusConflict {
		return err
	}
	return &explainedError{
		summary: "Card Token Still in Use",
		detail: fmt.Sprintf("CyberSource refuses to delete instrument identifier %q while payment instruments use it. "+
			"Delete or change those payment instruments first. When they are in the same configuration, refer to "+
			"this token as `cybersource_tms_instrument_identifier.<name>.id` in their `instrument_identifier_id`, so "+
			"that Terraform deletes them before the token.", id),
		err: err,
	}
}

// ModifyPlan adds, to the shared checks, the card number a new token needs: it is optional in the
// schema so that imports work without one, and required here, at plan time, for a create.
func (r *instrumentIdentifierResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.tmsResource.ModifyPlan(ctx, req, resp)
	if !req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	if rawString(req.Config.Raw, "card_number_wo").IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("card_number_wo"), "Missing Card Number",
			"Creating a card token needs the card number in `card_number_wo` (write-only: it is sent once and never "+
				"stored). Only a token brought in with `terraform import` can do without it.")
	}
}
