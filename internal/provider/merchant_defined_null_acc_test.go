package provider

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// storedMerchantDefinedNames checks the names of the stored customer's merchantDefinedInformation
// list, in order.
func storedMerchantDefinedNames(want ...string) func(map[string]any) error {
	return func(body map[string]any) error {
		entries, _ := body["merchantDefinedInformation"].([]any)
		var names []string
		for _, entry := range entries {
			if field, ok := entry.(map[string]any); ok {
				names = append(names, fmt.Sprint(field["name"]))
			}
		}
		if !slices.Equal(names, want) {
			return fmt.Errorf("stored merchantDefinedInformation names %v, want %v", names, want)
		}
		return nil
	}
}

// TestAccCustomerResource_nullMerchantDefinedElement: a null element of merchant_defined_information
// means "not set" (issue 11, item 3: `data2 = var.flag ? "x" : null` crashed the apply). It is not
// sent, it stays null in the state, and the next plan is empty, on create and on update.
func TestAccCustomerResource_nullMerchantDefinedElement(t *testing.T) {
	e := newAccEnv(t)
	config := func(flag bool) string {
		return e.config(fmt.Sprintf("variable \"flag\" {\n  default = %t\n}\n", flag) + customerConfig(
			`merchant_defined_information = { data1 = "gold", data2 = var.flag ? "opted-in" : null }`))
	}
	withNull := statecheck.ExpectKnownValue(customerAddress, tfjsonpath.New("merchant_defined_information"),
		knownvalue.MapExact(map[string]knownvalue.Check{"data1": knownvalue.StringExact("gold"), "data2": knownvalue.Null()}))
	emptyReplan := resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	e.test(
		resource.TestStep{
			// Create with the element null.
			PreConfig:         e.resetStats,
			Config:            config(false),
			ConfigPlanChecks:  emptyReplan,
			ConfigStateChecks: []statecheck.StateCheck{withNull},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(map[string]int{"POST customers 201": 1}),
				e.storedCustomer(storedMerchantDefinedNames("data1")),
			),
		},
		resource.TestStep{
			Config:            config(true),
			ConfigStateChecks: []statecheck.StateCheck{expectMap(map[string]string{"data1": "gold", "data2": "opted-in"})},
			Check:             e.storedCustomer(storedMerchantDefinedNames("data1", "data2")),
		},
		resource.TestStep{
			// Update to null: the entry goes, the state keeps the null.
			PreConfig: e.resetStats,
			Config:    config(false),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{withNull},
			Check: resource.ComposeAggregateTestCheckFunc(
				e.requestCounts(map[string]int{"GET customer 200": 1, "PATCH customer 200": 1}),
				e.storedCustomer(storedMerchantDefinedNames("data1")),
			),
		},
		resource.TestStep{
			// Nothing but nulls: no merchantDefinedInformation at all.
			Config:           e.config(customerConfig(`merchant_defined_information = { data1 = null }`)),
			ConfigPlanChecks: emptyReplan,
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(customerAddress,
				tfjsonpath.New("merchant_defined_information"), knownvalue.MapExact(map[string]knownvalue.Check{"data1": knownvalue.Null()}))},
			Check: e.storedCustomer(storedAbsent("merchantDefinedInformation")),
		},
	)
}
