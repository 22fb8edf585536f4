package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// notSensitive is a plan check: the planned value at attributePath is not marked sensitive.
type notSensitive struct {
	address string
	path    tfjsonpath.Path
}

func (c notSensitive) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.address {
			continue
		}
		marked, err := tfjsonpath.Traverse(rc.Change.AfterSensitive, c.path)
		if err == nil && marked == true {
			resp.Error = fmt.Errorf("%s.%s is marked sensitive", c.address, c.path)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", c.address)
}

// TestAccCustomerResource_personalData: email and the data source's contact details are not
// sensitive, so an output can show them (issue 11, item 4: `output "email"` failed with "Output
// refers to sensitive values"). A user who wants them hidden wraps the value in sensitive(), and
// Terraform then hides that value only: in merchant_defined_information, only that element.
func TestAccCustomerResource_personalData(t *testing.T) {
	e := newAccEnv(t)
	outputs := `
data "cybersource_tms_customer" "read" {
  id = cybersource_tms_customer.test.id
}

output "email" {
  value = cybersource_tms_customer.test.email
}

output "read_email" {
  value = data.cybersource_tms_customer.read.email
}
`
	mdi := `merchant_defined_information = { data1 = "gold", sensitive1 = sensitive("loyalty-token") }`
	e.test(
		resource.TestStep{
			Config: e.config(customerConfig(`email = "jane@example.com"`, mdi) + outputs),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("email", knownvalue.StringExact("jane@example.com")),
				statecheck.ExpectKnownOutputValue("read_email", knownvalue.StringExact("jane@example.com")),
			},
		},
		resource.TestStep{
			// Hidden on request; the output then has to say it is sensitive, as Terraform requires.
			Config: e.config(customerConfig(`email = sensitive("june@example.com")`, mdi) + `
output "email" {
  value     = cybersource_tms_customer.test.email
  sensitive = true
}
`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectSensitiveValue(customerAddress, tfjsonpath.New("email")),
				plancheck.ExpectSensitiveValue(customerAddress, tfjsonpath.New("merchant_defined_information").AtMapKey("sensitive1")),
				notSensitive{customerAddress, tfjsonpath.New("merchant_defined_information").AtMapKey("data1")},
			}},
			ConfigStateChecks: []statecheck.StateCheck{expectString("email", "june@example.com")},
		},
	)
}
