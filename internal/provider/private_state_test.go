package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// fakePrivateState stands in for the framework's private state in unit tests.
type fakePrivateState map[string][]byte

func (f fakePrivateState) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	return f[key], nil
}

func (f fakePrivateState) SetKey(_ context.Context, key string, value []byte) diag.Diagnostics {
	if len(value) == 0 {
		delete(f, key)
		return nil
	}
	f[key] = value
	return nil
}

func TestETagPrivateState(t *testing.T) {
	ctx := context.Background()
	private := fakePrivateState{}

	if etag, diags := loadETag(ctx, private); etag != "" || diags.HasError() {
		t.Fatalf("empty private state gave %q, %v", etag, diags)
	}
	if diags := storeETag(ctx, private, `"abc"123`); diags.HasError() {
		t.Fatal(diags)
	}
	if etag, _ := loadETag(ctx, private); etag != `"abc"123` {
		t.Fatalf("round trip gave %q", etag)
	}
	if diags := storeETag(ctx, private, ""); diags.HasError() {
		t.Fatal(diags)
	}
	if etag, _ := loadETag(ctx, private); etag != "" {
		t.Fatalf("an empty ETag must clear the stored one, got %q", etag)
	}

	private[privateKeyETag] = []byte(`"not an object"`)
	etag, diags := loadETag(ctx, private)
	if etag != "" || diags.HasError() || diags.WarningsCount() != 1 {
		t.Fatalf("unreadable private state gave %q, %v; want no ETag and one warning", etag, diags)
	}
}
