package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

var (
	_ resource.Resource                = &customerResource{}
	_ resource.ResourceWithConfigure   = &customerResource{}
	_ resource.ResourceWithImportState = &customerResource{}
)

// customerResource is cybersource_tms_customer. Each CRUD method makes exactly one API call
// (tms-api.md §1); Update makes none when nothing changes API-side.
type customerResource struct {
	data *providerData
}

// NewCustomerResource is the factory registered with the provider.
func NewCustomerResource() resource.Resource {
	return &customerResource{}
}

func (r *customerResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tms_customer"
}

func (r *customerResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		// Not configured yet (e.g. during validation); the framework calls again later.
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		addUnexpectedProviderDataError(&resp.Diagnostics, "Resource", req.ProviderData)
		return
	}
	r.data = data
}

// Create makes one POST and builds the state from its answer: no follow-up GET (tms-api.md §1:
// the 201 carries the whole customer and its ETag).
func (r *customerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan customerResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(r.data.operationContext(ctx), timeout)
	defer cancel()

	body, diags := plan.toCustomer(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	result, err := r.data.client.CreateCustomer(ctx, body, client.CallOptions{ProfileID: plan.ProfileID.ValueString()})
	if err != nil {
		if client.MayHaveBeenApplied(err) {
			addCreateOutcomeUnknown(&resp.Diagnostics, plan.MerchantCustomerID.ValueString(), err)
			return
		}
		addCustomerAPIError(&resp.Diagnostics, "Create", "", err)
		return
	}
	if result.Customer == nil || result.Customer.ID == nil || *result.Customer.ID == "" {
		resp.Diagnostics.AddError("Unable to Create Customer",
			fmt.Sprintf("CyberSource answered the create request with status %d but without a customer id "+
				"(correlation id %s), so the customer cannot be tracked. Look for it in the Business Center and "+
				"import it if it exists.", result.StatusCode, result.CorrelationID))
		return
	}

	state := plan
	resp.Diagnostics.Append(state.fromCustomer(result.Customer, plan.customerModel)...)
	tflog.Debug(ctx, "Created customer", map[string]any{"customer_id": state.ID.ValueString(), "correlation_id": result.CorrelationID})
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(setCustomerIdentity(ctx, resp.Identity, state.customerModel)...)
	resp.Diagnostics.Append(storeETag(ctx, resp.Private, result.ETag)...)
}

// Read makes one GET and refreshes every attribute so that drift shows in the plan. A customer
// that is gone (404, or 410 once deleted, tms-api.md §4) is removed from state with a warning,
// so the next apply recreates it.
func (r *customerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state customerResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(r.data.operationContext(ctx), timeout)
	defer cancel()

	id := state.ID.ValueString()
	result, err := r.data.client.GetCustomer(ctx, id, client.CallOptions{ProfileID: state.ProfileID.ValueString()})
	if err != nil {
		if client.IsNotFound(err) {
			resp.Diagnostics.AddWarning("Customer Not Found",
				fmt.Sprintf("Customer %q no longer exists in CyberSource (%s). It has been removed from the Terraform "+
					"state; the next apply will create a new customer if the configuration still declares it.", id, err))
			resp.State.RemoveResource(ctx)
			// The framework still requires an identity after a read that removes the resource.
			resp.Diagnostics.Append(setCustomerIdentity(ctx, resp.Identity, state.customerModel)...)
			return
		}
		addCustomerAPIError(&resp.Diagnostics, "Read", id, err)
		return
	}
	if result.Customer == nil {
		resp.Diagnostics.AddError("Unable to Read Customer",
			fmt.Sprintf("CyberSource answered the request for customer %q without a body (correlation id %s). "+
				"Retry; if it persists, contact CyberSource support with the correlation id.", id, result.CorrelationID))
		return
	}

	resp.Diagnostics.Append(state.fromCustomer(result.Customer, state.customerModel)...)
	if state.ID.ValueString() == "" {
		state.ID = types.StringValue(id)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(setCustomerIdentity(ctx, resp.Identity, state.customerModel)...)
	resp.Diagnostics.Append(storeETag(ctx, resp.Private, result.ETag)...)
}

// Update makes one PATCH carrying only what changed (client.NewCustomerPatch: changed leaves, null
// for removed ones), guarded by if-match with the ETag of the last read or write. Nothing to send
// (e.g. only `timeouts` changed) means no call at all.
func (r *customerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state customerResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(r.data.operationContext(ctx), timeout)
	defer cancel()

	current, diags := state.toCustomer(ctx)
	resp.Diagnostics.Append(diags...)
	desired, diags := plan.toCustomer(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	patch := client.NewCustomerPatch(current, desired)
	if patch.IsEmpty() {
		tflog.Debug(ctx, "Customer unchanged API-side, skipping PATCH", map[string]any{"customer_id": id})
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		resp.Diagnostics.Append(setCustomerIdentity(ctx, resp.Identity, plan.customerModel)...)
		return
	}

	etag, diags := loadETag(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	result, err := r.data.client.UpdateCustomer(ctx, id, patch, client.CallOptions{
		ProfileID: state.ProfileID.ValueString(),
		IfMatch:   etag,
	})
	if err != nil {
		addUpdateError(&resp.Diagnostics, id, err)
		return
	}
	if result.Customer == nil {
		resp.Diagnostics.AddError("Unable to Update Customer",
			fmt.Sprintf("CyberSource accepted the update of customer %q but answered without a body (correlation "+
				"id %s). Run `terraform plan` to refresh the customer.", id, result.CorrelationID))
		return
	}

	newState := plan
	resp.Diagnostics.Append(newState.fromCustomer(result.Customer, plan.customerModel)...)
	newState.ID = state.ID
	resp.Diagnostics.Append(resp.State.Set(ctx, &newState)...)
	resp.Diagnostics.Append(setCustomerIdentity(ctx, resp.Identity, newState.customerModel)...)
	resp.Diagnostics.Append(storeETag(ctx, resp.Private, result.ETag)...)
}

// Delete makes one DELETE. A customer that is already gone (404/410) counts as deleted.
func (r *customerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state customerResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(r.data.operationContext(ctx), timeout)
	defer cancel()

	id := state.ID.ValueString()
	_, err := r.data.client.DeleteCustomer(ctx, id, client.CallOptions{ProfileID: state.ProfileID.ValueString()})
	if err != nil && !client.IsNotFound(err) {
		addCustomerAPIError(&resp.Diagnostics, "Delete", id, err)
		return
	}
	if err != nil {
		tflog.Debug(ctx, "Customer already gone, treating delete as done", map[string]any{"customer_id": id})
	}
}

// ImportState accepts `<customer_id>` or `<profile_id>/<customer_id>` (`terraform import` and
// `import { id = ... }`), or an `import { identity = {...} }` block on Terraform 1.12+. The Read that
// follows fills in everything else.
func (r *customerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var importID customerImportID
	if req.ID == "" && req.Identity != nil && !req.Identity.Raw.IsNull() {
		fromIdentity, diags := importIDFromIdentity(ctx, req.Identity)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		importID = fromIdentity
	} else {
		var err error
		if importID, err = parseImportID(req.ID); err != nil {
			resp.Diagnostics.AddError("Invalid Customer Import ID",
				fmt.Sprintf("Cannot import cybersource_tms_customer: %s.\n\n%s", err, importIDForms))
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), importID.CustomerID)...)
	if importID.ProfileID != "" {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("profile_id"), importID.ProfileID)...)
	}
}
