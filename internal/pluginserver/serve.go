package pluginserver

import (
	"errors"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Serve serves the provider under address until Terraform stops it. debug runs it for a
// debugger (it prints a TF_REATTACH_PROVIDERS value), as providerserver.ServeOpts.Debug does.
func Serve(address string, newProvider func() provider.Provider, debug bool) error {
	finishReports := StartProcessReports(os.Getenv)
	applyRuntimeSettings(os.Getenv, goRuntime)
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	} else {
		// Under a debugger the output goes to the developer's terminal, not through Terraform,
		// so only a plugin that Terraform started has its discarded logs switched off.
		quietLogsTerraformDiscards(os.Getenv, os.Setenv)
	}
	err := tf6server.Serve(address, func() tfprotov6.ProviderServer {
		return ReleasingServer(providerserver.NewProtocol6(newProvider())())
	}, opts...)
	return errors.Join(err, finishReports())
}
