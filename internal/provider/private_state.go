package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// privateRecord is what a resource keeps in Terraform's private state, which travels with the
// resource from refresh to apply without being shown or configurable:
//
//   - ETag: the entity tag of the last read or write, sent as if-match on the next PATCH, which is
//     exactly the window optimistic concurrency must cover (tms-api.md §2, §6);
//   - ProfileID: the TMS profile the object was created or last read through ("" for the
//     merchant's default). Requests on an existing object go to that profile, and replacement is
//     planned only when the profile in effect changes (see tmsResource.ModifyPlan). nil in state
//     written before the provider recorded it.
//   - Created: this resource created the object (rather than importing it), which decides how a
//     card token's card_number_wo_version behaves (instrument_identifier_schema.go).
//   - ClaimsDefault: the configuration last applied said `default = true`, so an item that has
//     lost the default since then lost it to someone else (default_item.go).
type privateRecord struct {
	ETag          string  `json:"etag,omitempty"`
	ProfileID     *string `json:"profile_id,omitempty"`
	Created       bool    `json:"created,omitempty"`
	ClaimsDefault bool    `json:"claims_default,omitempty"`
}

// privateStateGetter and privateStateSetter are the parts of the framework's private state
// (req.Private / resp.Private) used here; they keep the helpers testable.
type privateStateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

type privateStateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// storePrivate saves rec under key. A record without an ETag still carries the profile; an empty
// ETag is never stored, so a stale one is never sent as if-match.
func storePrivate(ctx context.Context, private privateStateSetter, key string, rec privateRecord) diag.Diagnostics {
	if private == nil {
		return nil
	}
	raw, err := json.Marshal(rec)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to Store Private State",
			fmt.Sprintf("Encoding the ETag and profile for private state failed: %s. This is a bug in the provider; please report it.", err))
		return diags
	}
	return private.SetKey(ctx, key, raw)
}

// loadPrivate returns the stored record, or an empty one when none is stored (state written by an
// older provider, or just imported). An unreadable record costs only the optimistic-concurrency
// check, so it is a warning, not an error.
func loadPrivate(ctx context.Context, private privateStateGetter, key string) (privateRecord, diag.Diagnostics) {
	var rec privateRecord
	if private == nil {
		return rec, nil
	}
	raw, diags := private.GetKey(ctx, key)
	if diags.HasError() || len(raw) == 0 {
		return rec, diags
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		diags.AddWarning("Ignoring Unreadable Private State",
			fmt.Sprintf("The ETag kept in private state could not be decoded (%s), so this update is sent "+
				"without an if-match header. The next refresh stores a fresh ETag.", err))
		return privateRecord{}, diags
	}
	return rec, diags
}
