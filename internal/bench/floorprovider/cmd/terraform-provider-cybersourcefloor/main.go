// Command terraform-provider-cybersourcefloor serves the benchmark's floor provider
// (internal/bench/floorprovider) the way a stock framework provider is served.
package main

import (
	"context"
	"errors"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/bench/floorprovider"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/pluginserver"
)

func main() {
	// The same exit reports as the provider (CPU, memory, allocations; profiles with -profile), so
	// that the benchmark measures both alike; a no-op unless the benchmark asks.
	finishReports := pluginserver.StartProcessReports(os.Getenv)
	err := providerserver.Serve(context.Background(), floorprovider.New("dev"), providerserver.ServeOpts{
		Address: floorprovider.Address,
	})
	if err = errors.Join(err, finishReports()); err != nil {
		log.Fatal(err.Error())
	}
}
