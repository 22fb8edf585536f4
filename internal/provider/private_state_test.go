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

func TestPrivateRecord(t *testing.T) {
	ctx := context.Background()
	private := fakePrivateState{}
	const key = "customer_etag"

	if rec, diags := loadPrivate(ctx, private, key); rec.ETag != "" || rec.ProfileID != nil || diags.HasError() {
		t.Fatalf("empty private state gave %+v, %v", rec, diags)
	}
	profile := ""
	if diags := storePrivate(ctx, private, key, privateRecord{ETag: `"abc"123`, ProfileID: &profile}); diags.HasError() {
		t.Fatal(diags)
	}
	rec, _ := loadPrivate(ctx, private, key)
	if rec.ETag != `"abc"123` || rec.ProfileID == nil || *rec.ProfileID != "" {
		t.Fatalf("round trip gave %+v; the merchant's default profile (\"\") must survive as recorded", rec)
	}
	if diags := storePrivate(ctx, private, key, privateRecord{}); diags.HasError() {
		t.Fatal(diags)
	}
	if rec, _ := loadPrivate(ctx, private, key); rec.ETag != "" {
		t.Fatalf("a record without an ETag must not keep the old one, got %q", rec.ETag)
	}

	// Records written before the profile was kept still load.
	private[key] = []byte(`{"etag":"E1"}`)
	if rec, _ := loadPrivate(ctx, private, key); rec.ETag != "E1" || rec.ProfileID != nil {
		t.Fatalf("old record gave %+v", rec)
	}

	private[key] = []byte(`"not an object"`)
	rec, diags := loadPrivate(ctx, private, key)
	if rec.ETag != "" || diags.HasError() || diags.WarningsCount() != 1 {
		t.Fatalf("unreadable private state gave %+v, %v; want no ETag and one warning", rec, diags)
	}
}
