package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// What Ctrl-C does to operations in flight, through the protocol server as Terraform drives it:
// on an interrupt Terraform sends StopProvider, which cancels the context of every RPC in
// progress, and waits for their answers. A write already sent must finish and be reported as
// done (issue 11: cancelled writes were reported as failed although CyberSource carried them
// out); a write not yet sent must not start.

// protoHarness is the provider's protocol 6 server, configured against a simulator.
type protoHarness struct {
	t        *testing.T
	srv      tfprotov6.ProviderServer
	sim      *simulator.Simulator
	resource tftypes.Object // cybersource_tms_customer's state type
}

func newProtoHarness(t *testing.T) *protoHarness {
	t.Helper()
	e := newAccEnv(t)
	sim := e.sim("holds requests on the simulator while Terraform stops the provider")
	srv, schemas := configuredServer(t, Options{Endpoint: e.server.URL}, map[string]tftypes.Value{
		"merchant_id":   tftypes.NewValue(tftypes.String, simulator.DemoMerchantID),
		"key_id":        tftypes.NewValue(tftypes.String, simulator.DemoKeyID),
		"shared_secret": tftypes.NewValue(tftypes.String, simulator.DemoSharedSecret),
	})
	resourceType, ok := schemas.ResourceSchemas["cybersource_tms_customer"].ValueType().(tftypes.Object)
	if !ok {
		t.Fatal("cybersource_tms_customer has no object type")
	}
	return &protoHarness{t: t, srv: srv, sim: sim, resource: resourceType}
}

// configuredServer is the provider's protocol 6 server, configured with the given provider block
// attributes (the others null), and its schemas.
func configuredServer(t *testing.T, opts Options, providerAttributes map[string]tftypes.Value) (tfprotov6.ProviderServer, *tfprotov6.GetProviderSchemaResponse) {
	t.Helper()
	srv, schemas := protocolServer(t, opts)
	if diags := configureProvider(t, srv, schemas, providerAttributes); len(diags) != 0 {
		t.Fatalf("ConfigureProvider: %s", diagnosticsText(diags))
	}
	return srv, schemas
}

// protocolServer is the provider's protocol 6 server, not configured yet, and its schemas.
func protocolServer(t *testing.T, opts Options) (tfprotov6.ProviderServer, *tfprotov6.GetProviderSchemaResponse) {
	t.Helper()
	srv, err := providerserver.NewProtocol6WithError(NewWithOptions("test", opts)())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := srv.GetProviderSchema(t.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) != 0 {
		t.Fatalf("GetProviderSchema: %v %v", err, schemas.Diagnostics)
	}
	return srv, schemas
}

// configureProvider configures srv with the given provider block attributes (the others null)
// and returns the diagnostics.
func configureProvider(t *testing.T, srv tfprotov6.ProviderServer, schemas *tfprotov6.GetProviderSchemaResponse, providerAttributes map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	t.Helper()
	configured, err := srv.ConfigureProvider(t.Context(), &tfprotov6.ConfigureProviderRequest{
		Config: objectValue(t, schemas.Provider.ValueType(), providerAttributes),
	})
	if err != nil {
		t.Fatal(err)
	}
	return configured.Diagnostics
}

// objectValue is an object of typ with the given attributes and every other one null.
func objectValue(t *testing.T, typ tftypes.Type, set map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	var value tftypes.Value
	if set == nil {
		value = tftypes.NewValue(typ, nil)
	} else {
		object, ok := typ.(tftypes.Object)
		if !ok {
			t.Fatalf("%s is not an object type", typ)
		}
		values := map[string]tftypes.Value{}
		for name, attributeType := range object.AttributeTypes {
			values[name] = tftypes.NewValue(attributeType, nil)
		}
		for name, v := range set {
			values[name] = v
		}
		value = tftypes.NewValue(typ, values)
	}
	dv, err := tfprotov6.NewDynamicValue(typ, value)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// customer is the resource's state (or plan, or configuration) with the given id and title.
func (h *protoHarness) customer(id, title string) *tfprotov6.DynamicValue {
	set := map[string]tftypes.Value{"title": tftypes.NewValue(tftypes.String, title)}
	if id != "" {
		set["id"] = tftypes.NewValue(tftypes.String, id)
	}
	return objectValue(h.t, h.resource, set)
}

func (h *protoHarness) noCustomer() *tfprotov6.DynamicValue { return objectValue(h.t, h.resource, nil) }

// seed stores a customer on the simulator and returns its id.
func (h *protoHarness) seed(title string) string {
	h.t.Helper()
	id, err := h.sim.SeedCustomer(simulator.DemoMerchantID, []byte(`{"objectInformation":{"title":"`+title+`"}}`))
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

// applyStoppedInFlight sends req and, once the simulator holds the request of the given method,
// stops the provider (as Terraform does on Ctrl-C) before letting the simulator answer.
func (h *protoHarness) applyStoppedInFlight(method string, req *tfprotov6.ApplyResourceChangeRequest) *tfprotov6.ApplyResourceChangeResponse {
	h.t.Helper()
	arrived, release := make(chan struct{}), make(chan struct{})
	h.sim.SetBeforeHook(func(m, _, _ string) {
		if m == method {
			close(arrived)
			<-release
		}
	})
	defer h.sim.SetBeforeHook(nil)
	type answer struct {
		resp *tfprotov6.ApplyResourceChangeResponse
		err  error
	}
	answers := make(chan answer, 1)
	go func() {
		resp, err := h.srv.ApplyResourceChange(context.Background(), req)
		answers <- answer{resp, err}
	}()
	select {
	case <-arrived:
	case <-time.After(time.Minute):
		h.t.Fatalf("the %s never reached the simulator", method)
	}
	if _, err := h.srv.StopProvider(context.Background(), &tfprotov6.StopProviderRequest{}); err != nil {
		h.t.Fatal(err)
	}
	// A write bound to the RPC's context would fail at once; give it the chance to.
	time.Sleep(50 * time.Millisecond)
	close(release)
	a := <-answers
	if a.err != nil {
		h.t.Fatal(a.err)
	}
	return a.resp
}

// storedTitle is the simulator's title of the customer, and whether the customer exists.
func (h *protoHarness) storedTitle(id string) (string, bool) {
	h.t.Helper()
	for _, raw := range h.sim.Customers(simulator.DemoMerchantID) {
		var body map[string]any
		if err := json.Unmarshal(raw, &body); err != nil {
			h.t.Fatal(err)
		}
		if body["id"] == id {
			title, _ := storedField(body, "objectInformation.title")
			return fmt.Sprint(title), true
		}
	}
	return "", false
}

func diagnosticsText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary + ": " + d.Detail + "\n")
	}
	return b.String()
}

// TestStopProvider_writesInFlightComplete: an update and a delete held on the simulator while the
// provider is stopped both finish, and are reported as done.
func TestStopProvider_writesInFlightComplete(t *testing.T) {
	tests := []struct {
		name, method string
		// planned is the planned state for the customer id, and the configuration without the id.
		planned func(h *protoHarness, id string) (*tfprotov6.DynamicValue, *tfprotov6.DynamicValue)
		// check inspects the new state and the simulator.
		check func(t *testing.T, h *protoHarness, id string, state tftypes.Value)
	}{
		{
			name: "update", method: http.MethodPatch,
			planned: func(h *protoHarness, id string) (*tfprotov6.DynamicValue, *tfprotov6.DynamicValue) {
				return h.customer(id, "After"), h.customer("", "After")
			},
			check: func(t *testing.T, h *protoHarness, id string, state tftypes.Value) {
				var attributes map[string]tftypes.Value
				var title string
				if err := state.As(&attributes); err != nil || attributes["title"].As(&title) != nil || title != "After" {
					t.Errorf("new state %s, want title After", state)
				}
				if stored, _ := h.storedTitle(id); stored != "After" {
					t.Errorf("the simulator holds title %q, want After", stored)
				}
			},
		},
		{
			name: "delete", method: http.MethodDelete,
			planned: func(h *protoHarness, _ string) (*tfprotov6.DynamicValue, *tfprotov6.DynamicValue) {
				return h.noCustomer(), h.noCustomer()
			},
			check: func(t *testing.T, h *protoHarness, id string, state tftypes.Value) {
				if !state.IsNull() {
					t.Errorf("new state %s, want null: the customer is deleted", state)
				}
				if _, exists := h.storedTitle(id); exists {
					t.Error("the customer still exists on the simulator")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newProtoHarness(t)
			id := h.seed("Before")
			planned, config := tt.planned(h, id)
			resp := h.applyStoppedInFlight(tt.method, &tfprotov6.ApplyResourceChangeRequest{
				TypeName:     "cybersource_tms_customer",
				PriorState:   h.customer(id, "Before"),
				PlannedState: planned,
				Config:       config,
			})
			if len(resp.Diagnostics) != 0 {
				t.Fatalf("the %s in flight was reported as failed:\n%s", tt.name, diagnosticsText(resp.Diagnostics))
			}
			state, err := resp.NewState.Unmarshal(h.resource)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, h, id, state)
		})
	}
}

// TestStopProvider_writeNotSentIsNotStarted: an RPC whose context is already cancelled when the
// write would go out sends nothing and says so.
func TestStopProvider_writeNotSentIsNotStarted(t *testing.T) {
	h := newProtoHarness(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	resp, err := h.srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     "cybersource_tms_customer",
		PriorState:   h.noCustomer(),
		PlannedState: h.customer("", "Never sent"),
		Config:       h.customer("", "Never sent"),
	})
	if err != nil {
		t.Fatal(err)
	}
	text := diagnosticsText(resp.Diagnostics)
	if len(resp.Diagnostics) != 1 || !strings.Contains(text, "Unable to Create Customer: Stopped Before Sending") ||
		!strings.Contains(text, "nothing was changed") {
		t.Errorf("diagnostics:\n%s\nwant one \"Stopped Before Sending\" saying nothing was changed", text)
	}
	if stats := h.sim.Stats(); len(stats.ByMethod) != 0 {
		t.Errorf("requests reached the simulator: %v", stats.ByMethod)
	}
}
