package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// profileName is a profile id for messages; "" is the merchant's default profile.
func profileName(id string) string {
	if id == "" {
		return "the merchant's default profile"
	}
	return "profile " + id
}

// Every resource built on tmsResource is all of these (checked here for the customer).
var (
	_ resource.ResourceWithConfigure   = &customerResource{}
	_ resource.ResourceWithImportState = &customerResource{}
	_ resource.ResourceWithIdentity    = &customerResource{}
	_ resource.ResourceWithModifyPlan  = &customerResource{}
)

// tmsModel is what the shared CRUD skeleton needs from a resource's model. Models implement it
// with value receivers; everything else about them is their own.
type tmsModel interface {
	// timeoutsValue is the `timeouts` attribute.
	timeoutsValue() timeouts.Value
	// profileIDValue is the resource's own `profile_id` attribute (null when it inherits).
	profileIDValue() types.String
	// idValues are the import id parts, in the kind's order; the last one is the "id" attribute.
	idValues() []types.String
	// creationClue tells the user where to look for an object whose create may have succeeded
	// although Terraform did not learn its id.
	creationClue() string
}

// tmsAPI is one token type's side of the CRUD skeleton: the client call of each operation and the
// mapping of an API answer onto the model. Each call makes exactly one request.
type tmsAPI[M tmsModel, T any] struct {
	// create sends the POST. config is the raw configuration, which is where write-only
	// arguments are (they are null in the plan).
	create func(ctx context.Context, d *providerData, plan M, config tfsdk.Config, opts client.CallOptions) (*client.Result[T], error)
	read   func(ctx context.Context, d *providerData, state M, opts client.CallOptions) (*client.Result[T], error)
	// patch builds the merge patch from state to plan; an empty one means no request at all.
	patch  func(ctx context.Context, state, plan M) (client.MergePatch, diag.Diagnostics)
	update func(ctx context.Context, d *providerData, state M, patch client.MergePatch, opts client.CallOptions) (*client.Result[T], error)
	delete func(ctx context.Context, d *providerData, state M, opts client.CallOptions) error
	// refresh maps an answer onto prior (the plan or the state), so that every attribute shows
	// what the API holds and drift appears in the next plan.
	refresh func(ctx context.Context, prior M, value *T) (M, diag.Diagnostics)
	// created, when set, adds diagnostics about a successful create (an adopted token, say).
	created func(plan M, result *client.Result[T]) diag.Diagnostics
	// serverMoved, when set, clears the fields CyberSource changes on its own when other objects
	// change (defaults), so that an update refused with 412 because only those moved can be sent
	// again (tmsResource.retryAfterServerMove).
	serverMoved func(M) M
}

// tmsResource is the shared machinery of every TMS resource: Metadata, Configure, the CRUD
// methods (tms_crud.go), import, identity, and the plan-time profile check. A resource type
// embeds it, sets kind and api, and adds its own Schema.
type tmsResource[M tmsModel, T any] struct {
	kind *tmsKind
	api  tmsAPI[M, T]
	data *providerData
}

func (r *tmsResource[M, T]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + r.kind.typeSuffix
}

func (r *tmsResource[M, T]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configuredData(req.ProviderData, "Resource", &resp.Diagnostics)
}

func (r *tmsResource[M, T]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = r.kind.identitySchema()
}

// ImportState accepts the kind's import id forms (`terraform import` and `import { id = ... }`),
// or an `import { identity = {...} }` block on Terraform 1.12+. The Read that follows fills in
// everything else.
func (r *tmsResource[M, T]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var id importID
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		fromIdentity, diags := r.kind.importIDFromIdentity(ctx, req.Identity)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		id = fromIdentity
	} else {
		var err error
		if id, err = r.kind.parseImportID(req.ID); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Invalid %s Import ID", r.kind.noun),
				fmt.Sprintf("Cannot import cybersource%s: %s.\n\n%s", r.kind.typeSuffix, err, r.kind.importIDForms()))
			return
		}
	}
	for i, part := range r.kind.idParts {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(part.attribute), id.IDs[i])...)
	}
	if id.ProfileID != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("profile_id"), id.ProfileID)...)
	}
}

// ModifyPlan plans a replacement when, and only when, the TMS profile an object is used through
// changes: the resource's profile_id, else the provider's, else the merchant's default. Moving
// profile_id between the resource and the provider block, or importing by plain id into a
// resource that names the provider's profile, keeps the object (an in-place update that sends
// nothing to the API): replacing it would delete a customer with everything it holds.
func (r *tmsResource[M, T]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.data == nil || req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return // not configured yet, a create, or a destroy
	}
	planned, current := rawString(req.Plan.Raw, "profile_id"), rawString(req.State.Raw, "profile_id")
	rec, diags := loadPrivate(ctx, req.Private, r.kind.privateKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	was := r.data.existingProfile(rec, current)
	switch {
	case planned.IsUnknown():
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("profile_id"))
	case r.data.effectiveProfile(planned) == was:
	case !planned.Equal(current):
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("profile_id"))
	default:
		// Only the provider's profile changed. Terraform replaces a resource only for an attribute
		// whose value changes, so the id is planned anew: the object is created in the new profile.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), types.StringUnknown())...)
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("id"))
		resp.Diagnostics.AddWarning(fmt.Sprintf("%s Moves to Another TMS Profile", r.kind.noun),
			fmt.Sprintf("This %s inherits the provider's profile_id, which is now %s; it was created in %s. It is "+
				"replaced by a new one in the new profile. To keep it where it is, set profile_id = %q on the resource.",
				r.kind.lowerNoun(), profileName(r.data.effectiveProfile(planned)), profileName(was), was))
	}
	r.kind.warnIfDefaultRetaken(req, resp, rec)
}
