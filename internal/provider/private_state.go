package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// privateKeyETag is the private-state key holding the customer's ETag. The ETag is not an
// attribute: it changes on every write, so keeping it in state would show it in plans and make it
// look configurable. Private state travels with the resource from refresh to apply, which is exactly
// the window if-match must cover (tms-api.md §2, §6).
const privateKeyETag = "customer_etag"

// privateStateGetter and privateStateSetter are the parts of the framework's private state
// (req.Private / resp.Private) this file uses; they keep the helpers testable.
type privateStateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

type privateStateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// etagRecord is the JSON stored under privateKeyETag (private state values must be JSON).
type etagRecord struct {
	ETag string `json:"etag"`
}

// storeETag remembers the ETag of the last read or write. An empty ETag clears the key so that a
// stale value is never sent as if-match.
func storeETag(ctx context.Context, private privateStateSetter, etag string) diag.Diagnostics {
	if private == nil {
		return nil
	}
	if etag == "" {
		return private.SetKey(ctx, privateKeyETag, nil)
	}
	raw, err := json.Marshal(etagRecord{ETag: etag})
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to Store Customer ETag",
			fmt.Sprintf("Encoding the ETag for private state failed: %s. This is a bug in the provider; please report it.", err))
		return diags
	}
	return private.SetKey(ctx, privateKeyETag, raw)
}

// loadETag returns the stored ETag, or "" when none is stored (e.g. state written before the
// resource kept ETags). A missing ETag is not an error: the PATCH is then sent without if-match.
func loadETag(ctx context.Context, private privateStateGetter) (string, diag.Diagnostics) {
	if private == nil {
		return "", nil
	}
	raw, diags := private.GetKey(ctx, privateKeyETag)
	if diags.HasError() || len(raw) == 0 {
		return "", diags
	}
	var record etagRecord
	if err := json.Unmarshal(raw, &record); err != nil {
		// Unreadable private state only costs the optimistic-concurrency check; say so and go on.
		diags.AddWarning("Ignoring Unreadable Customer ETag",
			fmt.Sprintf("The ETag kept in private state could not be decoded (%s), so this update is sent "+
				"without an if-match header. The next refresh stores a fresh ETag.", err))
		return "", diags
	}
	return record.ETag, diags
}
