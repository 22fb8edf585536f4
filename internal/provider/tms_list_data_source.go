package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// tmsListDataSource reads every item of one customer's collection (shipping addresses, payment
// instruments): all pages, in CyberSource's order, which puts the default first
// (tms-subresources.md §3.1, §4.1). I is the element's model, T the API object.
type tmsListDataSource[I any, T any] struct {
	tmsDataSource
	listAttribute  string // "shipping_addresses"
	plural         string // "shipping addresses", in descriptions
	itemAttributes map[string]dsschema.Attribute
	// items selects the client's calls, e.g. (*client.Client).ShippingAddresses.
	items func(*client.Client) client.CustomerItems[T]
	item  func(*T) I
	// idAndDefault returns an item's id and whether it is the customer's default.
	idAndDefault func(*T) (string, bool)
}

// listQueryModel is the part of every list data source that is not the list itself.
type listQueryModel struct {
	CustomerID types.String `tfsdk:"customer_id"`
	ProfileID  types.String `tfsdk:"profile_id"`
	DefaultID  types.String `tfsdk:"default_id"`
}

func (d *tmsListDataSource[I, T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dsschema.Schema{
		MarkdownDescription: fmt.Sprintf("Lists every %s of a customer (all pages), the customer's default first.", d.kind.lowerNoun()),
		Attributes: map[string]dsschema.Attribute{
			"customer_id": dsschema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Id of the customer whose %s to list.", d.plural),
				Required:            true,
				Validators:          []validator.String{customerIDValue()},
			},
			"profile_id": dsschema.StringAttribute{
				MarkdownDescription: "TMS profile id (36 characters) to read through, overriding the provider's `profile_id`.",
				Optional:            true,
				Validators:          []validator.String{profileIDValue()},
			},
			"default_id": dsschema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Id of the customer's default %s; null when it has none.", d.kind.lowerNoun()),
				Computed:            true,
			},
			d.listAttribute: dsschema.ListNestedAttribute{
				MarkdownDescription: fmt.Sprintf("The customer's %s, the default first, then in the order CyberSource returns them; "+
					"empty when it has none.", d.plural),
				Computed:     true,
				NestedObject: dsschema.NestedAttributeObject{Attributes: d.itemAttributes},
			},
		},
	}
}

// Read walks the list's pages, usually one request (a page holds 100 items).
func (d *tmsListDataSource[I, T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var query listQueryModel
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("customer_id"), &query.CustomerID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("profile_id"), &query.ProfileID)...)
	if resp.Diagnostics.HasError() {
		return
	}
	op, diags := d.startRead(ctx, d.data.effectiveProfile(query.ProfileID))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	defer op.end()

	customerID := query.CustomerID.ValueString()
	list, err := d.items(d.data.client).List(op.ctx, customerID, op.opts)
	if err != nil {
		d.reportReadError(&resp.Diagnostics, "Customer", path.Root("customer_id"), customerID, err)
		return
	}
	items := make([]I, len(list.Items))
	query.DefaultID = types.StringNull()
	for i := range list.Items {
		items[i] = d.item(&list.Items[i])
		if id, isDefault := d.idAndDefault(&list.Items[i]); isDefault && query.DefaultID.IsNull() {
			query.DefaultID = types.StringValue(id)
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("customer_id"), query.CustomerID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("profile_id"), query.ProfileID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("default_id"), query.DefaultID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(d.listAttribute), items)...)
}
