package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// A customer belongs to the TMS profile it was created in, so it is replaced when the profile in
// effect changes (the resource's profile_id, else the provider's, else the merchant's default),
// and only then (issue 11, item 2): writing the same profile in another place must not delete a
// customer with everything it holds. TestAccCustomerResource_profileIDForcesReplacement covers
// a customer created without any profile and then given one.

// secondProfileID is a second profile of the demo merchant, for simulators started with
// twoProfiles.
const secondProfileID = "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"

// twoProfiles is a simulator whose demo merchant has two profiles.
var twoProfiles = simulator.Options{Merchants: []simulator.Merchant{{
	ID: simulator.DemoMerchantID, KeyID: simulator.DemoKeyID, SharedSecret: simulator.DemoSharedSecret,
	ProfileIDs: []string{simulator.DemoProfileID, secondProfileID},
}}}

// keptInPlace is a plan check: the customer is updated in place, not replaced.
var keptInPlace = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
	plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionUpdate),
}}

// replaced is a plan check: the customer is destroyed and created again.
var replaced = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
	plancheck.ExpectResourceAction(customerAddress, plancheck.ResourceActionDestroyBeforeCreate),
}}

// withProfile is a profile_id line.
func withProfile(id string) string { return fmt.Sprintf("profile_id = %q", id) }

// TestAccCustomerResource_importByPlainIDKeepsSameProfile: the provider and the resource both name
// profile P; importing the customer by its plain id (which records no profile_id) plans an
// in-place update that sends nothing, not a replacement.
func TestAccCustomerResource_importByPlainIDKeepsSameProfile(t *testing.T) {
	e := newAccEnv(t)
	sim := e.sim("stores the customer to import")
	id, err := sim.SeedCustomer(e.merchantID, []byte(`{"objectInformation":{"title":"Imported"}}`))
	if err != nil {
		t.Fatal(err)
	}
	config := e.providerConfig(withProfile(e.profileID)) +
		customerConfig(`title = "Imported"`, withProfile(e.profileID)) +
		fmt.Sprintf("import {\n  to = %s\n  id = %q\n}\n", customerAddress, id)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	e.test(
		resource.TestStep{
			PreConfig:        e.resetStats,
			Config:           config,
			ConfigPlanChecks: keptInPlace,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(customerAddress, tfjsonpath.New("id")),
				expectString("id", id),
				expectString("profile_id", e.profileID),
			},
			// The import's read, and nothing else: no DELETE, no POST, not even a PATCH.
			Check: e.requestCounts(map[string]int{"GET customer 200": 1}),
		},
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	)
}

// TestAccCustomerResource_profileIDMovedBetweenResourceAndProvider: the same profile id moved from
// the resource to the provider block, and back, keeps the customer.
func TestAccCustomerResource_profileIDMovedBetweenResourceAndProvider(t *testing.T) {
	e := newAccEnv(t)
	profileID := e.requireProfileID()
	sameID := statecheck.CompareValue(compare.ValuesSame())
	refreshOnly := map[string]int{"GET customer 200": 1}
	e.test(
		resource.TestStep{
			Config:            e.config(customerConfig(`title = "Profiled"`, withProfile(profileID))),
			ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(customerAddress, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			PreConfig:        e.resetStats,
			Config:           e.providerConfig(withProfile(profileID)) + customerConfig(`title = "Profiled"`),
			ConfigPlanChecks: keptInPlace,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(customerAddress, tfjsonpath.New("id")),
				expectNull("profile_id"),
			},
			Check: e.requestCounts(refreshOnly),
		},
		resource.TestStep{
			PreConfig:        e.resetStats,
			Config:           e.config(customerConfig(`title = "Profiled"`, withProfile(profileID))),
			ConfigPlanChecks: keptInPlace,
			ConfigStateChecks: []statecheck.StateCheck{
				sameID.AddStateValue(customerAddress, tfjsonpath.New("id")),
				expectString("profile_id", profileID),
			},
			Check: e.requestCounts(refreshOnly),
		},
	)
}

// TestAccCustomerResource_profileChangeReplaces: a real change of the profile a customer is used
// through replaces it, whether it comes from the resource's profile_id or, for a customer that
// inherits it, from the provider's.
func TestAccCustomerResource_profileChangeReplaces(t *testing.T) {
	if sandboxMode() {
		t.Skip("needs a merchant with two TMS profiles: the simulator's")
	}
	e := startAccEnv(t, twoProfiles, false)
	differentID := statecheck.CompareValue(compare.ValuesDiffer())
	newID := func() statecheck.StateCheck { return differentID.AddStateValue(customerAddress, tfjsonpath.New("id")) }
	replacement := map[string]int{"GET customer 200": 1, "DELETE customer 204": 1, "POST customers 201": 1}
	refreshOnly := map[string]int{"GET customer 200": 1}
	first, second := simulator.DemoProfileID, secondProfileID
	e.test(
		resource.TestStep{
			Config:            e.config(customerConfig(`title = "Moving"`, withProfile(first))),
			ConfigStateChecks: []statecheck.StateCheck{newID()},
		},
		resource.TestStep{
			// The resource's own profile changes: replaced.
			PreConfig:         e.resetStats,
			Config:            e.config(customerConfig(`title = "Moving"`, withProfile(second))),
			ConfigPlanChecks:  replaced,
			ConfigStateChecks: []statecheck.StateCheck{newID(), expectString("profile_id", second)},
			Check:             e.requestCounts(replacement),
		},
		resource.TestStep{
			// The same profile, inherited from the provider instead: kept.
			PreConfig:         e.resetStats,
			Config:            e.providerConfig(withProfile(second)) + customerConfig(`title = "Moving"`),
			ConfigPlanChecks:  keptInPlace,
			ConfigStateChecks: []statecheck.StateCheck{expectNull("profile_id")},
			Check:             e.requestCounts(refreshOnly),
		},
		resource.TestStep{
			// Only the provider's profile changes, and the customer inherits it: it moves, replaced
			// in the new profile (the plan warns "Moves to Another TMS Profile").
			PreConfig:         e.resetStats,
			Config:            e.providerConfig(withProfile(first)) + customerConfig(`title = "Moving"`),
			ConfigPlanChecks:  replaced,
			ConfigStateChecks: []statecheck.StateCheck{newID(), expectNull("profile_id")},
			Check:             e.requestCounts(replacement),
		},
		resource.TestStep{
			// Naming the profile it is in keeps it, whatever the provider says...
			PreConfig:        e.resetStats,
			Config:           e.providerConfig(withProfile(second)) + customerConfig(`title = "Moving"`, withProfile(first)),
			ConfigPlanChecks: keptInPlace,
			Check:            e.requestCounts(refreshOnly),
		},
		resource.TestStep{
			// ...and naming another one moves it: replaced.
			PreConfig:         e.resetStats,
			Config:            e.providerConfig(withProfile(second)) + customerConfig(`title = "Moving"`, withProfile(second)),
			ConfigPlanChecks:  replaced,
			ConfigStateChecks: []statecheck.StateCheck{newID(), expectString("profile_id", second)},
			Check:             e.requestCounts(replacement),
		},
	)
}
