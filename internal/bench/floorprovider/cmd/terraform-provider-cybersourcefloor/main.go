// Command terraform-provider-cybersourcefloor serves the benchmark's floor provider
// (internal/bench/floorprovider) the way a stock framework provider is served.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/bench/floorprovider"
)

func main() {
	err := providerserver.Serve(context.Background(), floorprovider.New("dev"), providerserver.ServeOpts{
		Address: floorprovider.Address,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
