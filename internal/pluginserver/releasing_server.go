package pluginserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// terraform-plugin-framework v1.19.0 (the latest release) derives each RPC's context with
// context.WithCancel and appends the cancel function to a slice on its server, so that
// StopProvider can cancel every operation in flight. Nothing removes an entry when its RPC ends;
// only StopProvider empties the slice, and Terraform sends it on interrupt, not in a normal run.
// Each kept cancel function pins its context and, through it, the whole chain of contexts the
// SDK built for the RPC: the request's loggers and their options, the gRPC stream. Heap profiles
// of the provider under `terraform apply` attributed the growing heap to exactly those (tflog
// LoggerOpts copies, hclog loggers, gRPC stream state), in every process for every RPC.
//
// releasingServer hands the framework a releasableContext per RPC and releases it when the RPC
// returns, so what the framework keeps is a few words per RPC instead of the RPC's contexts.
// Only the per-resource RPCs are wrapped: they are the ones whose number grows with the
// configuration. Streaming RPCs (list resources, actions, state bytes) keep using their context
// after returning and are passed through untouched, as is StopProvider, whose cancellation
// reaches operations in flight either way.

// fullProviderServer is everything the framework's protocol 6 server implements; tf6server
// discovers the optional parts (list resources, actions, state stores) by type assertion, so
// the wrapper must keep them all.
type fullProviderServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

// ReleasingServer wraps the framework's server so that per-resource RPC contexts are released
// when the RPC returns. A server that does not implement every optional protocol interface is
// returned unchanged, because wrapping it would hide capabilities from tf6server.
func ReleasingServer(downstream tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	full, ok := downstream.(fullProviderServer)
	if !ok {
		return downstream
	}
	return &releasingServer{fullProviderServer: full}
}

type releasingServer struct {
	fullProviderServer
}

// withReleasedContext runs one unary RPC on a releasable context and releases it on return.
func withReleasedContext[Req, Resp any](ctx context.Context, req Req, rpc func(context.Context, Req) (Resp, error)) (Resp, error) {
	rctx := newReleasableContext(ctx)
	defer rctx.release()
	return rpc(rctx, req)
}

func (s *releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.ValidateResourceConfig)
}

func (s *releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.UpgradeResourceState)
}

func (s *releasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.UpgradeResourceIdentity)
}

func (s *releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.ReadResource)
}

func (s *releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.PlanResourceChange)
}

func (s *releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.ApplyResourceChange)
}

func (s *releasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.ImportResourceState)
}

func (s *releasingServer) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.MoveResourceState)
}

func (s *releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.ValidateDataResourceConfig)
}

func (s *releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return withReleasedContext(ctx, req, s.fullProviderServer.ReadDataSource)
}
