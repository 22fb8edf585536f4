package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// A customer's items (shipping addresses, payment instruments) are reached through the same
// paths, verbs and rules under their customer (tms-subresources.md §1a, §1b), so one generic
// mapping to the client's client.CustomerItems serves both resources.

// customerItemRef is what every customer item resource has besides the object's own attributes.
type customerItemRef struct {
	CustomerID types.String   `tfsdk:"customer_id"`
	ProfileID  types.String   `tfsdk:"profile_id"`
	Timeouts   timeouts.Value `tfsdk:"timeouts"`
}

func (r customerItemRef) timeoutsValue() timeouts.Value { return r.Timeouts }
func (r customerItemRef) profileIDValue() types.String  { return r.ProfileID }

// customerItemModel is a customer item resource's model: a tmsModel whose idValues are the
// customer id and the item's id, with its mapping to and from the API object T.
type customerItemModel[M any, T any] interface {
	tmsModel
	toAPI() *T
	refreshed(*T) M
	// withoutDefault is the model with `default` cleared: the flag CyberSource moves between
	// siblings by itself (tmsAPI.serverMoved).
	withoutDefault() M
}

// customerItemAPI is the tmsAPI of a kind of customer item; items selects the client's calls for
// it, e.g. (*client.Client).ShippingAddresses.
func customerItemAPI[M customerItemModel[M, T], T any](kind *tmsKind, items func(*client.Client) client.CustomerItems[T]) tmsAPI[M, T] {
	ids := func(m M) (customerID, id string) {
		v := m.idValues()
		return v[0].ValueString(), v[1].ValueString()
	}
	return tmsAPI[M, T]{
		create: func(ctx context.Context, d *providerData, plan M, _ tfsdk.Config, opts client.CallOptions) (*client.Result[T], error) {
			customerID, _ := ids(plan)
			return items(d.client).Create(ctx, customerID, plan.toAPI(), opts)
		},
		read: func(ctx context.Context, d *providerData, state M, opts client.CallOptions) (*client.Result[T], error) {
			customerID, id := ids(state)
			return items(d.client).Get(ctx, customerID, id, opts)
		},
		patch: func(_ context.Context, state, plan M) (client.MergePatch, diag.Diagnostics) {
			// A patch is computed locally: no client is needed to build it.
			return mergePatchOrDiag(items(nil).NewPatch(state.toAPI(), plan.toAPI()))
		},
		update: func(ctx context.Context, d *providerData, state M, patch client.MergePatch, opts client.CallOptions) (*client.Result[T], error) {
			customerID, id := ids(state)
			return items(d.client).Update(ctx, customerID, id, patch, opts)
		},
		delete: func(ctx context.Context, d *providerData, state M, opts client.CallOptions) error {
			customerID, id := ids(state)
			return deleteCustomerItem(ctx, d, kind, customerID, id, opts, items(d.client))
		},
		refresh: func(_ context.Context, prior M, value *T) (M, diag.Diagnostics) {
			return prior.refreshed(value), nil
		},
		serverMoved: M.withoutDefault,
	}
}
