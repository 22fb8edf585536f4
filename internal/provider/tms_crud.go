package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// Create makes one POST and builds the state from its answer: no follow-up GET (the 201 carries
// the whole object and its ETag, tms-api.md §1, tms-subresources.md §1).
func (r *tmsResource[M, T]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(readModel(ctx, req.Plan.Schema, req.Plan.Raw, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	profile := r.data.effectiveProfile(plan.profileIDValue())
	op, diags := r.data.startOperation(ctx, plan.timeoutsValue(), opCreate, profile)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	defer op.end()

	result, err := r.api.create(op.ctx, r.data, plan, req.Config, op.opts)
	if err != nil {
		r.data.reportCreateError(&resp.Diagnostics, r.kind, plan.creationClue(), err)
		return
	}
	state, diags := r.api.refresh(op.ctx, plan, result.Value)
	resp.Diagnostics.Append(diags...)
	if !r.answerHasID(&resp.Diagnostics, "Create", state, result.Receipt) {
		return
	}
	if r.api.created != nil {
		resp.Diagnostics.Append(r.api.created(plan, result)...)
	}
	// Always recorded, even after a mapping error: the object exists now, and state without it
	// would orphan it (Terraform marks a resource whose create reported an error as tainted).
	raw, diags := writeModel(ctx, resp.State.Schema, &state)
	resp.Diagnostics.Append(diags...)
	if !diags.HasError() {
		resp.State.Raw = raw
	}
	r.kind.setIdentity(ctx, resp.Identity, state.idValues(), state.profileIDValue())
	rec := privateRecord{ETag: result.ETag, ProfileID: &profile, Created: true, ClaimsDefault: r.kind.claimsDefault(req.Config)}
	resp.Diagnostics.Append(storePrivate(ctx, resp.Private, r.kind.privateKey, rec)...)
	r.data.debug(ctx, "Created "+r.kind.lowerNoun(), "id", lastID(state), "correlation_id", result.CorrelationID)
}

// Read makes one GET and refreshes every attribute so that drift shows in the plan. An object
// that is gone (404, or 410 once deleted) is removed from state with a warning, so the next apply
// recreates it.
func (r *tmsResource[M, T]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(readModel(ctx, req.State.Schema, req.State.Raw, &state)...)
	op, rec, profile, ok := r.begin(ctx, req.Private, state, opRead, &resp.Diagnostics)
	if !ok {
		return
	}
	defer op.end()

	result, err := r.api.read(op.ctx, r.data, state, op.opts)
	if client.IsNotFound(err) {
		addGoneWarning(&resp.Diagnostics, r.kind, lastID(state), err)
		resp.State.RemoveResource(ctx)
		// The framework still requires an identity after a read that removes the resource.
		r.kind.setIdentity(ctx, resp.Identity, state.idValues(), state.profileIDValue())
		return
	}
	if err != nil {
		r.data.reportAPIError(&resp.Diagnostics, r.kind, "Read", lastID(state), err)
		return
	}
	refreshed, diags := r.api.refresh(op.ctx, state, result.Value)
	resp.Diagnostics.Append(diags...)
	rec.ProfileID = &profile
	r.save(ctx, savedObject{&resp.Diagnostics, &resp.State, resp.Identity, resp.Private}, "Read", refreshed, result, rec)
}

// Update makes one PATCH carrying only what changed, guarded by if-match with the ETag of the last
// read or write. Nothing to send (only `timeouts` or `profile_id` changed, say) means no request.
func (r *tmsResource[M, T]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	resp.Diagnostics.Append(readModel(ctx, req.Plan.Schema, req.Plan.Raw, &plan)...)
	resp.Diagnostics.Append(readModel(ctx, req.State.Schema, req.State.Raw, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	patch, diags := r.api.patch(ctx, state, plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if patch.IsEmpty() {
		r.data.debug(ctx, r.kind.noun+" unchanged API-side, skipping PATCH", "id", lastID(state))
		raw, diags := writeModel(ctx, resp.State.Schema, &plan)
		resp.Diagnostics.Append(diags...)
		if diags.HasError() {
			return
		}
		resp.State.Raw = raw
		r.kind.setIdentity(ctx, resp.Identity, plan.idValues(), plan.profileIDValue())
		resp.Diagnostics.Append(r.kind.rememberDefaultClaim(ctx, req.Private, resp.Private, req.Config)...)
		return
	}
	op, rec, profile, ok := r.begin(ctx, req.Private, state, opUpdate, &resp.Diagnostics)
	if !ok {
		return
	}
	defer op.end()

	op.opts.IfMatch = rec.ETag
	result, err := r.api.update(op.ctx, r.data, state, patch, op.opts)
	if client.IsPreconditionFailed(err) && !client.MayHaveBeenApplied(err) {
		result, err = r.retryAfterServerMove(op, state, plan, err)
	}
	if err != nil {
		r.data.reportUpdateError(&resp.Diagnostics, r.kind, lastID(state), err)
		return
	}
	updated, diags := r.api.refresh(op.ctx, plan, result.Value)
	resp.Diagnostics.Append(diags...)
	rec.ProfileID, rec.ClaimsDefault = &profile, r.kind.claimsDefault(req.Config)
	r.save(ctx, savedObject{&resp.Diagnostics, &resp.State, resp.Identity, resp.Private}, "Update", updated, result, rec)
}

// Delete makes one DELETE. An object that is already gone (404/410) counts as deleted.
func (r *tmsResource[M, T]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(readModel(ctx, req.State.Schema, req.State.Raw, &state)...)
	op, _, _, ok := r.begin(ctx, req.Private, state, opDelete, &resp.Diagnostics)
	if !ok {
		return
	}
	defer op.end()

	err := r.api.delete(op.ctx, r.data, state, op.opts)
	switch {
	case client.IsNotFound(err):
		r.data.debug(ctx, r.kind.noun+" already gone, treating delete as done", "id", lastID(state))
	case err != nil:
		r.data.reportAPIError(&resp.Diagnostics, r.kind, "Delete", lastID(state), err)
	}
}

// begin reads the private record of an existing object and starts an operation on it, through
// the profile the object was last used with; ok is false when diags holds an error.
func (r *tmsResource[M, T]) begin(ctx context.Context, private privateStateGetter, m M, kind opKind, diags *diag.Diagnostics) (op *operation, rec privateRecord, profile string, ok bool) {
	if diags.HasError() {
		return nil, rec, "", false
	}
	rec, d := loadPrivate(ctx, private, r.kind.privateKey)
	diags.Append(d...)
	if diags.HasError() {
		return nil, rec, "", false
	}
	profile = r.data.existingProfile(rec, m.profileIDValue())
	op, d = r.data.startOperation(ctx, m.timeoutsValue(), kind, profile)
	diags.Append(d...)
	return op, rec, profile, !diags.HasError()
}

// save records a refreshed or updated object: state, identity (once) and the private record. It
// writes nothing after an error, so a failed mapping never replaces good state with a half-filled
// one.
func (r *tmsResource[M, T]) save(ctx context.Context, out savedObject, action string, m M, result *client.Result[T], rec privateRecord) {
	if out.diags.HasError() || !r.answerHasID(out.diags, action, m, result.Receipt) {
		return
	}
	raw, diags := writeModel(ctx, out.state.Schema, &m)
	out.diags.Append(diags...)
	if diags.HasError() {
		return
	}
	out.state.Raw = raw
	r.kind.setIdentity(ctx, out.identity, m.idValues(), m.profileIDValue())
	rec.ETag = result.ETag
	out.diags.Append(storePrivate(ctx, out.private, r.kind.privateKey, rec)...)
}

// retryAfterServerMove handles a 412 on an update. CyberSource gives an object a new ETag when a
// change elsewhere moves one of its fields: an item loses its default flag when a sibling takes
// it, a customer's default ids change with its items (tms-subresources.md §6.7). When that is
// all that changed since Terraform read the object, it is not a conflict with someone else's
// edit: the update is recomputed from a fresh read and sent again with the fresh ETag (one GET
// and one PATCH, in this case only). Anything else stays a 412.
func (r *tmsResource[M, T]) retryAfterServerMove(op *operation, state, plan M, stale error) (*client.Result[T], error) {
	if r.api.serverMoved == nil {
		return nil, stale
	}
	readOpts := op.opts
	readOpts.IfMatch = ""
	fresh, err := r.api.read(op.ctx, r.data, state, readOpts)
	if err != nil {
		return nil, stale
	}
	freshModel, diags := r.api.refresh(op.ctx, state, fresh.Value)
	if diags.HasError() {
		return nil, stale
	}
	elsewhere, diags := r.api.patch(op.ctx, r.api.serverMoved(state), r.api.serverMoved(freshModel))
	if diags.HasError() || !elsewhere.IsEmpty() {
		return nil, stale // someone else changed what Terraform manages
	}
	patch, diags := r.api.patch(op.ctx, freshModel, plan)
	if diags.HasError() {
		return nil, stale
	}
	if patch.IsEmpty() {
		return fresh, nil
	}
	r.data.debug(op.ctx, r.kind.noun+" was only moved by CyberSource since the refresh; updating again with the fresh ETag",
		"id", lastID(state))
	op.opts.IfMatch = fresh.ETag
	return r.api.update(op.ctx, r.data, state, patch, op.opts)
}

// savedObject is where a Read or an Update response keeps what save writes.
type savedObject struct {
	diags    *diag.Diagnostics
	state    *tfsdk.State
	identity *tfsdk.ResourceIdentity
	private  privateStateSetter
}

// answerHasID refuses an answer that does not name the object: it cannot be tracked.
func (r *tmsResource[M, T]) answerHasID(diags *diag.Diagnostics, action string, m M, receipt client.Receipt) bool {
	if lastID(m) != "" {
		return true
	}
	diags.AddError(fmt.Sprintf("Unable to %s %s", action, r.kind.noun),
		fmt.Sprintf("CyberSource answered with status %d but without the %s's id (correlation id %s), so it cannot be "+
			"tracked. Look for it in the Business Center and import it if it exists; if the problem persists, contact "+
			"CyberSource support with the correlation id.", receipt.StatusCode, r.kind.lowerNoun(), receipt.CorrelationID))
	return false
}

// lastID is the object's own id, for messages and logs.
func lastID(m tmsModel) string {
	ids := m.idValues()
	return ids[len(ids)-1].ValueString()
}
