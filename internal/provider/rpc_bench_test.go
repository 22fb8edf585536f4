package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// BenchmarkCustomerLifecycleRPCs drives one customer through the RPCs Terraform sends for a
// create, a refresh with an empty plan and a destroy, straight into the provider's protocol
// server (no Terraform, no plugin socket), against an in-process simulator. It measures what the
// provider and the framework cost per resource, allocations above all, without the noise of a
// whole `make bench` run; `make bench` remains the measure of record.
func BenchmarkCustomerLifecycleRPCs(b *testing.B) {
	ctx := context.Background()
	sim, err := simulator.Start(simulator.Options{}, false)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = sim.Close() })
	b.Setenv("TF_LOG_PROVIDER_CYBERSOURCE", "OFF")
	b.Setenv("TF_LOG_PROVIDER_CYBERSOURCE_HTTP", "OFF")

	server := providerserver.NewProtocol6(NewWithOptions("bench", Options{Endpoint: sim.URL})())()
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	providerType := schemas.Provider.ValueType()
	configure, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{
		Config: dynamic(b, providerType, objectOf(providerType, map[string]tftypes.Value{
			"merchant_id":   tftypes.NewValue(tftypes.String, simulator.DemoMerchantID),
			"key_id":        tftypes.NewValue(tftypes.String, simulator.DemoKeyID),
			"shared_secret": tftypes.NewValue(tftypes.String, simulator.DemoSharedSecret),
		})),
	})
	if err != nil || len(configure.Diagnostics) > 0 {
		b.Fatalf("configure: %v %v", err, configure.Diagnostics)
	}

	const typeName = "cybersource_tms_customer"
	resourceType := schemas.ResourceSchemas[typeName].ValueType()
	written := map[string]tftypes.Value{
		"merchant_customer_id":  tftypes.NewValue(tftypes.String, "bench-1"),
		"email":                 tftypes.NewValue(tftypes.String, "bench@example.com"),
		"client_reference_code": tftypes.NewValue(tftypes.String, "TC1"),
		"title":                 tftypes.NewValue(tftypes.String, "Bench"),
		"merchant_defined_information": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String},
			map[string]tftypes.Value{"data1": tftypes.NewValue(tftypes.String, "gold")}),
	}
	config := objectOf(resourceType, written)
	proposedCreate := objectOf(resourceType, withUnknown(written, resourceType, "id", "creator",
		"default_payment_instrument_id", "default_shipping_address_id"))
	nullState := tftypes.NewValue(resourceType, nil)

	b.ReportAllocs()
	for b.Loop() {
		plan, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: typeName,
			PriorState: dynamic(b, resourceType, nullState), ProposedNewState: dynamic(b, resourceType, proposedCreate),
			Config: dynamic(b, resourceType, config)})
		requireNoError(b, "plan create", err, plan.Diagnostics)
		created, err := server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: typeName,
			PriorState: dynamic(b, resourceType, nullState), PlannedState: plan.PlannedState,
			Config: dynamic(b, resourceType, config), PlannedPrivate: plan.PlannedPrivate})
		requireNoError(b, "create", err, created.Diagnostics)
		read, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName,
			CurrentState: created.NewState, Private: created.Private})
		requireNoError(b, "read", err, read.Diagnostics)
		replan, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: typeName,
			PriorState: read.NewState, ProposedNewState: read.NewState, Config: dynamic(b, resourceType, config),
			PriorPrivate: read.Private})
		requireNoError(b, "plan refresh", err, replan.Diagnostics)
		deleted, err := server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{TypeName: typeName,
			PriorState: replan.PlannedState, PlannedState: dynamic(b, resourceType, nullState),
			Config: dynamic(b, resourceType, nullState), PlannedPrivate: replan.PlannedPrivate})
		requireNoError(b, "delete", err, deleted.Diagnostics)
	}
}

// requireNoError fails the benchmark on an RPC error or an error diagnostic.
func requireNoError(tb testing.TB, what string, err error, diags []*tfprotov6.Diagnostic) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			tb.Fatalf("%s: %s: %s", what, d.Summary, d.Detail)
		}
	}
}

func dynamic(tb testing.TB, typ tftypes.Type, value tftypes.Value) *tfprotov6.DynamicValue {
	tb.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, value)
	if err != nil {
		tb.Fatal(err)
	}
	return &dv
}

// objectOf is an object of typ with the given attributes and every other one null.
func objectOf(typ tftypes.Type, set map[string]tftypes.Value) tftypes.Value {
	object, _ := typ.(tftypes.Object)
	values := make(map[string]tftypes.Value, len(object.AttributeTypes))
	for name, attrType := range object.AttributeTypes {
		values[name] = tftypes.NewValue(attrType, nil)
		if v, ok := set[name]; ok {
			values[name] = v
		}
	}
	return tftypes.NewValue(typ, values)
}

// withUnknown adds unknown values for the computed attributes of a create's proposed state.
func withUnknown(set map[string]tftypes.Value, typ tftypes.Type, names ...string) map[string]tftypes.Value {
	object, _ := typ.(tftypes.Object)
	out := make(map[string]tftypes.Value, len(set)+len(names))
	for k, v := range set {
		out[k] = v
	}
	for _, name := range names {
		out[name] = tftypes.NewValue(object.AttributeTypes[name], tftypes.UnknownValue)
	}
	return out
}
