// Command terraform-provider-cybersource serves the CyberSource provider to Terraform over plugin
// protocol 6.
package main

import (
	"flag"
	"log"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/pluginserver"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/provider"
)

// Documentation is generated from the provider schema, templates/ and examples/, with the tools
// pinned in tools/go.mod (so `go generate` needs nothing installed but Go and Terraform). The
// examples are formatted first because tfplugindocs copies them verbatim into docs/.
//go:generate terraform fmt -recursive ./examples/
//go:generate go tool -modfile=tools/go.mod tfplugindocs generate --provider-name cybersource
//go:generate go tool -modfile=tools/go.mod tfplugindocs validate --provider-name cybersource

// version is set at build time by goreleaser (-ldflags "-X main.version=...").
var version = "dev"

// registryAddress is the provider's source address; Terraform uses it to match this binary with
// the provider named in configurations and in dev_overrides.
const registryAddress = "registry.terraform.io/cybersource-tf/cybersource"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve (prints a TF_REATTACH_PROVIDERS value to use)")
	flag.Parse()

	// pluginserver is providerserver.Serve plus fixes for two per-RPC costs of the plugin SDK
	// (retained RPC contexts, discarded TRACE logs); see its package documentation.
	if err := pluginserver.Serve(registryAddress, provider.New(version), debug); err != nil {
		// The provider proper never prints; this is the plugin process failing to start, and
		// Terraform shows the plugin's stderr to the user.
		log.Fatal(err.Error())
	}
}
