package pluginserver

import (
	"context"
	"runtime"
	"testing"
	"weak"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/provider"
)

// rpcPayload stands for what the SDK attaches to an RPC's context (loggers, options, the gRPC
// stream): something large whose lifetime should end with the RPC.
type rpcPayload struct{ _ [64 << 10]byte }

type payloadKey struct{}

func frameworkServer() tfprotov6.ProviderServer {
	return providerserver.NewProtocol6(provider.New("test")())()
}

// callOnce makes one per-resource RPC with a context carrying a fresh payload and returns a weak
// pointer to the payload, so that nothing on the test's stack keeps it alive.
func callOnce(t *testing.T, server tfprotov6.ProviderServer) weak.Pointer[rpcPayload] {
	t.Helper()
	payload := &rpcPayload{}
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), payloadKey{}, payload))
	defer cancel() // the gRPC call ends
	if _, err := server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{
		TypeName: "cybersource_tms_customer",
	}); err != nil {
		t.Fatalf("ValidateResourceConfig: %v", err)
	}
	return weak.Make(payload)
}

func TestReleasingServerReleasesRPCContexts(t *testing.T) {
	server := ReleasingServer(frameworkServer())
	if _, wrapped := server.(*releasingServer); !wrapped {
		t.Fatal("the framework's server was not wrapped: it no longer implements every optional protocol interface")
	}
	payload := callOnce(t, server)
	runtime.GC()
	if payload.Value() != nil {
		t.Error("an RPC's context is still reachable after the RPC returned")
	}
	runtime.KeepAlive(server)
}

// TestFrameworkStillRetainsRPCContexts documents why ReleasingServer exists. When it fails, the
// framework no longer keeps RPC contexts and ReleasingServer can be removed.
func TestFrameworkStillRetainsRPCContexts(t *testing.T) {
	server := frameworkServer()
	payload := callOnce(t, server)
	runtime.GC()
	if payload.Value() == nil {
		t.Error("the framework released the RPC context by itself: ReleasingServer is no longer needed")
	}
	runtime.KeepAlive(server)
}
