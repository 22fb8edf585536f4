package provider

import (
	"context"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// instrumentIdentifierDataSource is data.cybersource_tms_instrument_identifier: one GET by id.
type instrumentIdentifierDataSource struct {
	tmsDataSource
}

// NewInstrumentIdentifierDataSource is the factory registered with the provider.
func NewInstrumentIdentifierDataSource() datasource.DataSource {
	return &instrumentIdentifierDataSource{tmsDataSource{kind: instrumentIdentifierKind}}
}

func (d *instrumentIdentifierDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(name string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: instrumentIdentifierDescriptions[name], Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a card token (instrument identifier) by id. The card number is masked by CyberSource.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: instrumentIdentifierDescriptions["id"] + " The token to read.",
				Required:            true,
				Validators:          []validator.String{idPartValue(instrumentIdentifierKind.ownID())},
			},
			"profile_id": schema.StringAttribute{
				MarkdownDescription: "TMS profile id (36 characters) to read through, overriding the provider's `profile_id`.",
				Optional:            true,
				Validators:          []validator.String{profileIDValue()},
			},
			"card_number_masked": computed("card_number_masked"),
			"state":              computed("state"),
			"creator":            computed("creator"),
		},
	}
}

func (d *instrumentIdentifierDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config instrumentIdentifierDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	token := readOne(ctx, &d.tmsDataSource, &resp.Diagnostics, config.ProfileID, config.ID.ValueString(), (*client.Client).GetInstrumentIdentifier)
	if token == nil {
		return
	}
	state := config
	state.instrumentIdentifierItem = instrumentIdentifierItemFromAPI(token)
	state.ID = config.ID
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
