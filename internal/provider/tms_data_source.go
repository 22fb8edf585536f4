package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// tmsDataSource is what every TMS data source shares: its type name and the provider's data.
// A data source type embeds it and adds Schema and Read.
type tmsDataSource struct {
	kind *tmsKind
	// typeSuffix overrides kind.typeSuffix for list data sources
	// (cybersource_tms_customer_shipping_addresses reads shipping addresses).
	typeSuffix string
	data       *providerData
}

func (d *tmsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	suffix := d.typeSuffix
	if suffix == "" {
		suffix = d.kind.typeSuffix
	}
	resp.TypeName = req.ProviderTypeName + suffix
}

func (d *tmsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req.ProviderData, "Data Source", &resp.Diagnostics)
}

// startRead prepares a data source's one read: the default read timeout, no write protection.
func (d *tmsDataSource) startRead(ctx context.Context, profileID string) (*operation, diag.Diagnostics) {
	return d.data.startOperation(ctx, timeouts.Value{}, opRead, profileID)
}

// reportReadError reports a failed read. Unlike a resource, a data source treats a missing object
// as an error, on the attribute that named it: a data source that silently returned nothing would
// let a typo flow into other resources.
func (d *tmsDataSource) reportReadError(diags *diag.Diagnostics, what string, at path.Path, id string, err error) {
	if client.IsNotFound(err) {
		d.data.noteAuthFailure(err)
		diags.AddAttributeError(at, fmt.Sprintf("%s Not Found", what),
			fmt.Sprintf("No %s with id %q exists for this merchant and profile (%s). Check the id and, if it lives "+
				"in another TMS profile, set `profile_id`.", strings.ToLower(what), id, err))
		return
	}
	d.data.reportAPIError(diags, d.kind, "Read", id, err)
}

// readOne makes a by-id data source's one GET, through the data source's profile, and returns the
// object; nil after the error has been reported. get is the client's method, e.g.
// (*client.Client).GetCustomer.
func readOne[T any](ctx context.Context, d *tmsDataSource, diags *diag.Diagnostics, profile types.String, id string,
	get func(*client.Client, context.Context, string, client.CallOptions) (*client.Result[T], error)) *T {
	op, startDiags := d.startRead(ctx, d.data.effectiveProfile(profile))
	diags.Append(startDiags...)
	if diags.HasError() {
		return nil
	}
	defer op.end()
	result, err := get(d.data.client, op.ctx, id, op.opts)
	if err != nil {
		d.reportReadError(diags, d.kind.noun, path.Root("id"), id, err)
		return nil
	}
	return result.Value
}
