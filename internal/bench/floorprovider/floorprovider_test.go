package floorprovider

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// The floor is only a floor while it stays minimal: one resource, one configurable attribute.
func TestSchemaHasOneConfigurableAttribute(t *testing.T) {
	server := providerserver.NewProtocol6(New("test")())()
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.ResourceSchemas) != 1 || len(resp.DataSourceSchemas) != 0 {
		t.Fatalf("want one resource and no data source, got %d and %d", len(resp.ResourceSchemas), len(resp.DataSourceSchemas))
	}
	customer, ok := resp.ResourceSchemas[ResourceType]
	if !ok {
		t.Fatalf("no %s in %v", ResourceType, slices.Sorted(maps.Keys(resp.ResourceSchemas)))
	}
	kinds := map[string]string{}
	for _, attribute := range customer.Block.Attributes {
		switch {
		case attribute.Required:
			kinds[attribute.Name] = "required"
		case attribute.Computed && !attribute.Optional:
			kinds[attribute.Name] = "computed"
		default:
			kinds[attribute.Name] = "other"
		}
	}
	want := map[string]string{"id": "computed", "name": "required"}
	if !maps.Equal(kinds, want) || len(customer.Block.BlockTypes) != 0 {
		t.Errorf("attributes = %v (blocks %d), want %v", kinds, len(customer.Block.BlockTypes), want)
	}
}

// Each CRUD operation is exactly one request, like the provider's: the comparison is per call.
func TestCustomerAPIMakesOneCallPerOperation(t *testing.T) {
	server, err := simulator.Start(simulator.Options{}, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = server.Close() })
	api, err := newCustomerAPI(apiSettings{
		merchantID:   simulator.DemoMerchantID,
		keyID:        simulator.DemoKeyID,
		sharedSecret: simulator.DemoSharedSecret,
		endpoint:     server.URL,
	}, "test")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	calls := func(step string, want map[string]int) {
		t.Helper()
		if got := server.Sim.Stats().ByMethod; !maps.Equal(got, want) {
			t.Errorf("after %s: calls = %v, want %v", step, got, want)
		}
		server.Sim.ResetStats()
	}

	id, err := api.create(ctx, "floor-1")
	if err != nil || id == "" {
		t.Fatalf("create = %q, %v", id, err)
	}
	calls("create", map[string]int{"POST": 1})

	if err := api.rename(ctx, id, "floor-1", "floor-2"); err != nil {
		t.Fatalf("rename: %v", err)
	}
	calls("rename", map[string]int{"PATCH": 1})

	name, found, err := api.read(ctx, id)
	if err != nil || !found || name != "floor-2" {
		t.Fatalf("read = %q, %v, %v; want floor-2, found", name, found, err)
	}
	calls("read", map[string]int{"GET": 1})

	if err := api.remove(ctx, id); err != nil {
		t.Fatalf("remove: %v", err)
	}
	calls("remove", map[string]int{"DELETE": 1})

	if _, found, err := api.read(ctx, id); err != nil || found {
		t.Errorf("read after remove: found=%v err=%v, want not found", found, err)
	}
	if err := api.remove(ctx, id); err != nil {
		t.Errorf("removing a removed customer: %v", err)
	}
}
