package bench

import (
	"fmt"
	"strings"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/bench/floorprovider"
)

// ResourceType is the resource the benchmark creates.
const ResourceType = "cybersource_tms_customer"

// GenerateConfig returns the Terraform configuration for n customers. The
// update phase regenerates it with the next generation, which changes exactly
// one attribute (comment) on every customer, so it costs one PATCH each.
//
// count is used rather than for_each because it keeps the configuration the
// same size whatever n is; both expand to n independent resource instances.
// The provider block is empty: credentials and the endpoint come from
// CYBERSOURCE_* variables, so no secret is ever written to the work directory.
func GenerateConfig(n, generation int) string {
	var b strings.Builder
	b.WriteString(`terraform {
  required_providers {
    cybersource = {
      source = "cybersource-tf/cybersource"
    }
  }
}

provider "cybersource" {}

`)
	fmt.Fprintf(&b, `resource %q "bench" {
  count = %d

  merchant_customer_id  = "bench-${count.index}"
  email                 = "bench-${count.index}@example.com"
  client_reference_code = "bench"
  comment               = %q

  merchant_defined_information = {
    data1 = "bench"
  }
}
`, ResourceType, n, generationComment(generation))
	return b.String()
}

// generationComment is the value of the attribute the update phase changes.
func generationComment(generation int) string {
	return fmt.Sprintf("generation %d", generation)
}

// GenerateFloorConfig is GenerateConfig for the floor provider: n
// cybersourcefloor_customer resources whose one attribute, name, changes with
// the generation, so the update phase costs one PATCH each there too.
func GenerateFloorConfig(n, generation int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `terraform {
  required_providers {
    %s = {
      source = %q
    }
  }
}

provider %q {}

`, floorprovider.TypeName, floorSource, floorprovider.TypeName)
	fmt.Fprintf(&b, `resource %q "bench" {
  count = %d

  name = "floor-provider-${count.index} %s"
}
`, floorprovider.ResourceType, n, generationComment(generation))
	return b.String()
}

// floorSource is the floor provider's address without the default registry
// host, as configurations write it.
var floorSource = strings.TrimPrefix(floorprovider.Address, "registry.terraform.io/")
