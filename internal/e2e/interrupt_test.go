package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

const interruptCustomers = 50

// interruptConfig declares interruptCustomers customers with for_each, each with its own
// merchant customer id so that duplicates can be counted.
var interruptConfig = providerHeader + fmt.Sprintf(`
provider "cybersource" {}

resource "cybersource_tms_customer" "member" {
  for_each = toset([for i in range(%d) : format("ctrl-c-%%02d", i)])

  merchant_customer_id = each.key
}
`, interruptCustomers)

// TestInterruptedApplyOrphansNothing is issue 11's first report: one Ctrl-C during an apply of 50
// customers against a slow API used to cancel the creates in flight, whose customers were then
// created by CyberSource but never recorded, and the next apply duplicated them. Now a create
// already sent finishes and is recorded, so after the interrupt the state holds every customer
// the simulator holds, and a plain apply creates exactly the missing ones.
func TestInterruptedApplyOrphansNothing(t *testing.T) {
	// Only creates are slow: that is where the interrupt must land, and it keeps the rest cheap.
	h := newHarness(t, simulator.Options{Faults: simulator.Faults{
		Latency: 500 * time.Millisecond,
		Methods: []string{http.MethodPost},
	}}, demoCredentials())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r := h.runner
	writeConfig(t, r, interruptConfig)

	started, err := r.StartApply(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The moment the report describes: the first creates were answered ("Creation complete")
	// and the next ones are on their way. Terraform runs ten operations at a time, so the
	// eleventh POST is sent only once a create has finished, and it is then half a second from
	// its answer: the interrupt is certain to find it in flight.
	if err := started.WaitForOutput(ctx, "Creation complete"); err != nil {
		result, _ := started.Wait()
		t.Fatalf("%v\nstdout:\n%s\nstderr:\n%s", err, result.Stdout, result.Stderr)
	}
	if err := h.rec.WaitForArrivals(ctx, http.MethodPost, 11); err != nil {
		t.Fatal(err)
	}
	if err := started.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	result, err := started.Wait()
	if exitErr := (*tfrun.ExitError)(nil); !errors.As(err, &exitErr) {
		t.Fatalf("interrupted apply: err = %v, want terraform to exit non-zero after the interrupt", err)
	}
	stderr := flatten(result.Stderr)
	t.Logf("interrupted apply exited %d after %s: %d creates completed, %d customers on the simulator",
		result.ExitCode, result.Duration.Round(time.Millisecond), strings.Count(result.Stdout, "Creation complete"),
		len(h.sim.CustomerIDs(simulator.DemoMerchantID)))

	simIDs := h.sim.CustomerIDs(simulator.DemoMerchantID)
	if len(simIDs) == interruptCustomers {
		t.Fatalf("every customer was created before the interrupt took effect; the test proves nothing")
	}
	for _, unwanted := range []string{"Unable to Confirm Customer Creation", "context canceled", "Cancelled"} {
		if strings.Contains(stderr, unwanted) {
			t.Errorf("the interrupted apply reported %q:\n%s", unwanted, result.Stderr)
		}
	}
	stateIDs := stateCustomerIDs(t, r)
	if orphans := difference(simIDs, stateIDs); len(orphans) != 0 {
		t.Errorf("%d customers exist on the simulator but not in the state (orphans): %v", len(orphans), orphans)
	}
	if missing := difference(stateIDs, simIDs); len(missing) != 0 {
		t.Errorf("the state holds customers the simulator does not: %v", missing)
	}
	if t.Failed() {
		return
	}

	// A plain re-apply creates only what is missing.
	createdBefore := h.sim.Stats().CustomersCreated
	result, err = r.Apply(ctx)
	must(t, "apply after the interrupt", result, err)
	if created := h.sim.Stats().CustomersCreated - createdBefore; created != interruptCustomers-len(simIDs) {
		t.Errorf("the re-apply created %d customers, want the %d missing ones", created, interruptCustomers-len(simIDs))
	}
	if duplicates := duplicateMerchantCustomerIDs(t, h.sim); len(duplicates) != 0 {
		t.Errorf("duplicate merchant customer ids on the simulator: %v", duplicates)
	}
	simIDs, stateIDs = h.sim.CustomerIDs(simulator.DemoMerchantID), stateCustomerIDs(t, r)
	if len(simIDs) != interruptCustomers || !slices.Equal(simIDs, stateIDs) {
		t.Errorf("after the re-apply the simulator holds %d customers and the state %d, want %d in both",
			len(simIDs), len(stateIDs), interruptCustomers)
	}
}

// duplicateMerchantCustomerIDs returns each merchant customer id the simulator holds more than
// once, with its count.
func duplicateMerchantCustomerIDs(t *testing.T, sim *simulator.Simulator) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, c := range simCustomers(t, sim) {
		counts[c.BuyerInformation.MerchantCustomerID]++
	}
	for id, n := range counts {
		if n == 1 {
			delete(counts, id)
		}
	}
	return counts
}
