package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// Default operation timeouts. They bound a whole operation, retries included: with the provider's
// defaults (60s per attempt, 4 retries, backoff up to 8s) one call can take about five minutes
// before it gives up on its own, so the defaults leave room for that.
const (
	defaultCreateTimeout = 10 * time.Minute
	defaultReadTimeout   = 5 * time.Minute
	defaultUpdateTimeout = 10 * time.Minute
	defaultDeleteTimeout = 10 * time.Minute
)

// opKind is a CRUD operation, for timeouts and for how it treats Terraform stopping.
type opKind int

const (
	opCreate opKind = iota
	opRead
	opUpdate
	opDelete
)

// operation is the context and call options of one CRUD operation.
type operation struct {
	ctx  context.Context
	opts client.CallOptions
	end  context.CancelFunc
}

// startOperation prepares one CRUD operation: logging with secrets masked, the profile to use, and
// a deadline from the resource's `timeouts`.
//
// Writes (create, update, delete) must not be lost when Terraform stops (Ctrl-C): Terraform then
// cancels every RPC's context and waits for the provider to answer, and a request already sent
// may still be carried out by CyberSource. So a write runs on a context detached from the RPC's
// cancellation (still bounded by its timeout and the per-attempt request_timeout), and the RPC's
// cancellation becomes the client's Interrupt: a write not yet sent is not started, one in
// flight finishes, and its result reaches the state. Reads change nothing and simply stop.
func (d *providerData) startOperation(ctx context.Context, configured timeouts.Value, kind opKind, profileID string) (*operation, diag.Diagnostics) {
	if diags := d.credentialsRejectedEarlier(); diags.HasError() {
		return nil, diags
	}
	timeout, diags := operationTimeout(ctx, configured, kind)
	if diags.HasError() {
		return nil, diags
	}
	opCtx := d.operationContext(ctx)
	opts := client.CallOptions{ProfileID: profileID}
	if kind != opRead {
		opts.Interrupt = ctx.Done()
		opCtx = context.WithoutCancel(opCtx)
	}
	opCtx, cancel := context.WithTimeout(opCtx, timeout)
	return &operation{ctx: opCtx, opts: opts, end: cancel}, diags
}

// operationTimeout reads the operation's timeout. The `timeouts` values were checked when the
// configuration was validated (timeouts_validator.go, which Terraform runs again at apply), so
// the library finds a duration it can parse.
func operationTimeout(ctx context.Context, configured timeouts.Value, kind opKind) (time.Duration, diag.Diagnostics) {
	switch kind {
	case opCreate:
		return configured.Create(ctx, defaultCreateTimeout)
	case opRead:
		return configured.Read(ctx, defaultReadTimeout)
	case opUpdate:
		return configured.Update(ctx, defaultUpdateTimeout)
	default:
		return configured.Delete(ctx, defaultDeleteTimeout)
	}
}

// effectiveProfile is the profile a resource or data source is used through: its own
// profile_id, else the provider's, else "" (the merchant's default: no profile-id header).
func (d *providerData) effectiveProfile(own types.String) string {
	if !own.IsNull() && !own.IsUnknown() && own.ValueString() != "" {
		return own.ValueString()
	}
	return d.defaultProfileID
}

// existingProfile is the profile an existing object was last used through, as recorded in
// private state; state from before the record existed falls back to the effective profile.
func (d *providerData) existingProfile(rec privateRecord, own types.String) string {
	if rec.ProfileID != nil {
		return *rec.ProfileID
	}
	return d.effectiveProfile(own)
}
