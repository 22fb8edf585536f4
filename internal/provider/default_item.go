package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// A customer's shipping addresses and payment instruments each have one default
// (tms-subresources.md §6.1, §6.2): the first one becomes the default by itself, `default: true`
// on another moves the default there and clears it on the old one, and CyberSource refuses (409)
// to delete the default while the customer has others. This file holds what the two resources
// share about that.

// defaultAttribute is `default`: optional and computed, because CyberSource decides it for the
// first item and changes it on the others when one of them takes it. Only true can be set:
// CyberSource does not document `default: false` (§6.1), and the first item is the default
// whatever it says, so false could not be kept. Making another item the default is how an item
// stops being one.
func defaultAttribute(noun string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: fmt.Sprintf("Whether this is the customer's default %s. Set it to `true` to make this "+
			"one the default (the previous default then reads `false`); leave it out to let CyberSource decide: the "+
			"customer's first %s becomes the default on its own. It cannot be set to `false`: make another %s "+
			"the default instead. Set `true` on one %s per customer only; two that both say `true` take the default "+
			"from each other on every apply, and the plan warns about it.", noun, noun, noun, noun),
		Optional:      true,
		Computed:      true,
		Validators:    []validator.Bool{onlyTrue{}},
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
	}
}

// onlyTrue refuses `default = false` before anything is sent.
type onlyTrue struct{}

func (onlyTrue) Description(context.Context) string { return "can only be true when set" }
func (v onlyTrue) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (onlyTrue) ValidateBool(_ context.Context, req validator.BoolRequest, resp *validator.BoolResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueBool() {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Default Cannot Be Set to False",
		fmt.Sprintf("%s can be true or left out. A customer always has a default once it has an item, and "+
			"CyberSource does not document un-setting it: to make another item the default, set `default = true` "+
			"on that one (this one then reads false). For a conditional default, write `condition ? true : null`.", req.Path))
}

// warnIfDefaultRetaken runs at plan time for kinds with a default: when the configuration said
// `default = true` at the last apply and still does, but the item lost the default since then,
// the plan takes it back, and the user should see why. When two items of one customer both say
// true, this warning appears on every plan instead of a silent ping-pong. An item whose
// configuration newly claims the default is simply being made the default: no warning.
func (k *tmsKind) warnIfDefaultRetaken(req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, rec privateRecord) {
	if !k.hasDefault || !rec.ClaimsDefault {
		return
	}
	planned, current := rawBool(req.Plan.Raw, "default"), rawBool(req.State.Raw, "default")
	id := rawString(req.State.Raw, "id")
	if !planned.ValueBool() || current.IsNull() || current.ValueBool() {
		return
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("default"), fmt.Sprintf("%s Lost the Default", k.noun),
		fmt.Sprintf("%s %q is no longer its customer's default: another %s became the default after Terraform last "+
			"applied this configuration, outside Terraform or through another resource of the same customer that also "+
			"sets `default = true`. This plan makes %q the default again. If two resources of one customer both set "+
			"`default = true`, they take the default from each other on every apply: set it on one of them only.",
			k.noun, id.ValueString(), k.lowerNoun(), id.ValueString()))
}

// claimsDefault reports whether the configuration says `default = true` (for kinds with a default).
func (k *tmsKind) claimsDefault(config tfsdk.Config) bool {
	if !k.hasDefault {
		return false
	}
	return rawBool(config.Raw, "default").ValueBool()
}

// rememberDefaultClaim records whether the configuration claims the default after an update that
// sent nothing (the item already was the default, say), so that a later loss of the default is
// still told apart from a first claim.
func (k *tmsKind) rememberDefaultClaim(ctx context.Context, from privateStateGetter, to privateStateSetter, config tfsdk.Config) diag.Diagnostics {
	if !k.hasDefault {
		return nil
	}
	rec, diags := loadPrivate(ctx, from, k.privateKey)
	claims := k.claimsDefault(config)
	if diags.HasError() || rec.ClaimsDefault == claims {
		return diags
	}
	rec.ClaimsDefault = claims
	return append(diags, storePrivate(ctx, to, k.privateKey, rec)...)
}

// defaultItemPoll is how often a default item waiting to be deleted checks its siblings, and
// defaultItemWait how long it waits for their number to go down. Siblings destroyed in the same
// run are deleted in parallel and go within a few requests' time; 30 seconds leaves room for a
// large destroy whose -parallelism queues them, and for the case where they are staying it bounds
// how long the user waits for the error.
const (
	defaultItemPoll = time.Second
	defaultItemWait = 30 * time.Second
)

// deleteCustomerItem deletes a customer's address or instrument. When CyberSource refuses because
// the item is its customer's default while others remain (409, §6.2), it waits for the others to
// go, which is what happens when a whole customer's items are destroyed in one run: Terraform
// deletes them in parallel and the default must be the last. Every second it tries the delete
// again and counts the customer's items (one list request). When the count stops going down for
// the provider's default-item wait, the others are staying (the configuration removed only the
// default), and it gives up with an error that says what to do.
func deleteCustomerItem[T any](ctx context.Context, d *providerData, k *tmsKind, customerID, id string, opts client.CallOptions,
	items client.CustomerItems[T]) error {
	_, err := items.Delete(ctx, customerID, id, opts)
	if !isDefaultConflict(err) {
		return err
	}
	count, lastChange := -1, time.Now()
	ticker := time.NewTicker(defaultItemPoll)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return err
		case <-ticker.C:
		}
		// Another item may have become the default meanwhile (the same apply can move the
		// default and remove the old one), or the others may be gone: either way the delete
		// now succeeds.
		if _, err = items.Delete(ctx, customerID, id, opts); !isDefaultConflict(err) {
			return err
		}
		list, listErr := items.List(ctx, customerID, opts)
		if listErr != nil {
			return listErr
		}
		n := len(list.Items)
		switch {
		case n != count:
			count, lastChange = n, time.Now()
		case time.Since(lastChange) >= d.defaultItemWait:
			return &explainedError{
				summary: fmt.Sprintf("Cannot Delete the Default %s", k.noun),
				detail: fmt.Sprintf("%s %q is its customer's default, and CyberSource refuses to delete the default while the "+
					"customer has others (%d more). They were not deleted within %s, so they are staying. Make another %s "+
					"the default first: set `default = true` on it and apply, then remove this one. Or destroy the customer, "+
					"which removes everything it holds.", k.noun, id, n-1, d.defaultItemWait, k.lowerNoun()),
				err: err,
			}
		}
	}
}

// isDefaultConflict recognises CyberSource's refusal to delete a default (409 conflict).
func isDefaultConflict(err error) bool {
	var apiErr *client.APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusConflict
}
