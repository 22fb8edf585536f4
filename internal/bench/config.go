package bench

import (
	"fmt"
	"strings"
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
