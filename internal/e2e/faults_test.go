package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

const faultCustomers = 100

// faultConfig declares faultCustomers customers. max_retries is raised to
// the provider's ceiling: GET, PATCH and DELETE are faulted about 28% of the
// time here, so a request fails all of the default 5 attempts about once in
// 600, and this test makes some 800 requests; 11 attempts make that about
// once in a million.
func faultConfig(generation int) string {
	return providerHeader + fmt.Sprintf(`
provider "cybersource" {
  max_retries     = 10
  request_timeout = "10s"
}

resource "cybersource_tms_customer" "fault" {
  count = %d

  merchant_customer_id = "fault-${count.index}"
  email                = "fault-${count.index}@example.com"
  comment              = "generation %d"
}
`, faultCustomers, generation)
}

// steadyFaults are the issue's §2 mix: about a quarter of requests faulted
// by 429 (Retry-After 1s) and 503 before processing on every method,
// connection resets before processing on GET, PATCH and DELETE (a reset POST
// is ambiguous and must not be retried, so it belongs to the 502 case), and
// latency jitter on everything.
var steadyFaults = simulator.Faults{
	Seed:         20261127,
	Jitter:       20 * time.Millisecond,
	Rate429:      0.09,
	Rate503:      0.10,
	RateReset:    0.12,
	RetryAfter:   time.Second,
	ResetMethods: []string{http.MethodGet, http.MethodPatch, http.MethodDelete},
}

// whitespace collapses terraform's wrapped diagnostic text (it wraps at 78
// columns when stderr is not a terminal) so phrases can be matched whole.
var whitespace = regexp.MustCompile(`[\s│]+`)

func flatten(s string) string { return whitespace.ReplaceAllString(s, " ") }

// simCustomer is what the tests read of a customer the simulator stores.
type simCustomer struct {
	ID                string `json:"id"`
	ObjectInformation struct {
		Comment string `json:"comment"`
	} `json:"objectInformation"`
	BuyerInformation struct {
		MerchantCustomerID string `json:"merchantCustomerID"`
	} `json:"buyerInformation"`
}

// simCustomers decodes the demo merchant's customers as the simulator stores them.
func simCustomers(t *testing.T, sim *simulator.Simulator) []simCustomer {
	t.Helper()
	var customers []simCustomer
	for _, raw := range sim.Customers(simulator.DemoMerchantID) {
		var c simCustomer
		if err := json.Unmarshal(raw, &c); err != nil {
			t.Fatalf("decoding simulator customer: %v", err)
		}
		customers = append(customers, c)
	}
	return customers
}

// simCustomerComments maps customer id to objectInformation.comment as the
// simulator stores it.
func simCustomerComments(t *testing.T, sim *simulator.Simulator) map[string]string {
	t.Helper()
	comments := map[string]string{}
	for _, c := range simCustomers(t, sim) {
		comments[c.ID] = c.ObjectInformation.Comment
	}
	return comments
}

// requireFaultsInjected makes sure the phase really ran under every fault
// kind; otherwise a pass would prove nothing.
// It adds the phase's requests and faults to tally.
func requireFaultsInjected(t *testing.T, tally *faultTally, phase string, before, after simulator.Stats, kinds ...string) {
	t.Helper()
	var summary []string
	faults := 0
	for _, kind := range kinds {
		n := after.FaultsInjected[kind] - before.FaultsInjected[kind]
		faults += n
		summary = append(summary, fmt.Sprintf("%s=%d", kind, n))
		if n == 0 {
			t.Errorf("%s: no %s fault was injected; the seed or rates no longer exercise it", phase, kind)
		}
	}
	requests := 0
	for _, n := range after.ByMethod {
		requests += n
	}
	for _, n := range before.ByMethod {
		requests -= n
	}
	tally.requests += requests
	tally.faults += faults
	t.Logf("%s: %d requests, %d faulted (%s)", phase, requests, faults, strings.Join(summary, " "))
}

// faultTally adds up requests and faults over the phases.
type faultTally struct{ requests, faults int }

func (f faultTally) share() float64 {
	if f.requests == 0 {
		return 0
	}
	return float64(f.faults) / float64(f.requests)
}

func TestFaultsNothingLostNothingDuplicated(t *testing.T) {
	h := newHarness(t, simulator.Options{}, demoCredentials())
	ctx := context.Background()
	r := h.runner
	sim := h.sim
	sim.SetFaults(steadyFaults)
	kinds := []string{simulator.Fault429, simulator.Fault503, simulator.FaultReset}
	// POST is never reset (see steadyFaults).
	createKinds := []string{simulator.Fault429, simulator.Fault503}
	var tally faultTally

	// Create under faults: every customer exactly once, matching state.
	writeConfig(t, r, faultConfig(1))
	before := sim.Stats()
	result, err := r.Apply(ctx, "-parallelism=10")
	must(t, "create under faults", result, err)
	requireFaultsInjected(t, &tally, "create", before, sim.Stats(), createKinds...)
	stateIDs := stateCustomerIDs(t, r)
	simIDs := sim.CustomerIDs(simulator.DemoMerchantID)
	if len(stateIDs) != faultCustomers || !slices.Equal(stateIDs, simIDs) {
		t.Fatalf("after create: state has %d ids, simulator %d; missing from simulator %v, orphans %v",
			len(stateIDs), len(simIDs), difference(stateIDs, simIDs), difference(simIDs, stateIDs))
	}
	if created := sim.Stats().CustomersCreated; created != faultCustomers {
		t.Errorf("simulator created %d customers, want %d (a retried POST duplicated one)", created, faultCustomers)
	}

	// Refresh under faults: nothing to do.
	before = sim.Stats()
	changes, result, err := r.PlanHasChanges(ctx, "-parallelism=10")
	must(t, "plan under faults", result, err)
	if changes {
		t.Fatalf("plan after create is not empty:\n%s", result.Stdout)
	}
	requireFaultsInjected(t, &tally, "refresh", before, sim.Stats(), kinds...)

	// Update under faults: every customer patched once to the new comment.
	writeConfig(t, r, faultConfig(2))
	before = sim.Stats()
	result, err = r.Apply(ctx, "-parallelism=10")
	must(t, "update under faults", result, err)
	requireFaultsInjected(t, &tally, "update", before, sim.Stats(), kinds...)
	comments := simCustomerComments(t, sim)
	if len(comments) != faultCustomers {
		t.Fatalf("after update the simulator holds %d customers, want %d", len(comments), faultCustomers)
	}
	for id, comment := range comments {
		if comment != "generation 2" {
			t.Errorf("customer %s comment = %q after update, want %q", id, comment, "generation 2")
		}
	}
	if changes, result, err := r.PlanHasChanges(ctx, "-parallelism=10"); err != nil || changes {
		t.Fatalf("plan after update: changes=%v err=%v\n%s", changes, err, result.Stdout)
	}

	// Destroy under faults: nothing left anywhere.
	before = sim.Stats()
	result, err = r.Destroy(ctx, "-parallelism=10")
	must(t, "destroy under faults", result, err)
	requireFaultsInjected(t, &tally, "destroy", before, sim.Stats(), kinds...)
	if left := sim.CustomerIDs(simulator.DemoMerchantID); len(left) != 0 {
		t.Fatalf("after destroy the simulator still holds %d customers", len(left))
	}
	if left := stateCustomerIDs(t, r); len(left) != 0 {
		t.Fatalf("after destroy the state still holds %d customers", len(left))
	}

	// The issue asks for about a quarter of requests faulted; a share far
	// below that would mean the rates or the simulator changed.
	t.Logf("overall: %d requests, %d faulted (%.0f%%)", tally.requests, tally.faults, 100*tally.share())
	if tally.share() < 0.15 {
		t.Errorf("only %.0f%% of requests were faulted, want about 25%%", 100*tally.share())
	}

	t.Run("lost 502 answers on create leave counted orphans", func(t *testing.T) {
		testLost502OnCreate(t, h)
	})
}

// testLost502OnCreate injects 502 after processing on POST: the customer is
// created but the answer is lost. The provider must not retry (no
// idempotency key) and must say the customer may exist, with the correlation
// id; every such 502 leaves exactly one orphan for the user to import.
func testLost502OnCreate(t *testing.T, h *harness) {
	ctx := context.Background()
	r := h.runner
	h.sim.SetFaults(simulator.Faults{
		Seed:         6,
		Rate502After: 0.10,
		Methods:      []string{http.MethodPost},
	})
	h.rec.Reset()
	writeConfig(t, r, faultConfig(1))
	result, err := r.Apply(ctx, "-parallelism=10")
	if err == nil {
		t.Fatalf("apply succeeded although 502s were injected on POST")
	}
	if exitErr := (*tfrun.ExitError)(nil); !errors.As(err, &exitErr) {
		t.Fatalf("apply did not run: %v", err)
	}
	t.Logf("apply with lost 502 answers failed as expected in %s", result.Duration.Round(time.Millisecond))

	exchanges := h.rec.Exchanges()
	var lost []exchange
	for _, e := range exchanges {
		if e.Method == http.MethodPost && e.Status == http.StatusBadGateway {
			lost = append(lost, e)
		}
	}
	if len(lost) == 0 {
		t.Fatalf("no POST was answered 502; the seed no longer exercises the case (%s)", describe(exchanges))
	}
	if posts := countWhere(exchanges, func(e exchange) bool { return e.Method == http.MethodPost }); posts != faultCustomers {
		t.Errorf("%d POSTs for %d customers: a POST was retried after an ambiguous 502", posts, faultCustomers)
	}

	stderr := flatten(result.Stderr)
	failures := strings.Count(stderr, "Error: Unable to Confirm Customer Creation")
	if failures != len(lost) {
		t.Errorf("terraform reported %d unconfirmed creates, want one per lost answer (%d)", failures, len(lost))
	}
	if !regexp.MustCompile(`(?i)may have been created`).MatchString(stderr) {
		t.Errorf("the error does not say the customer may have been created:\n%s", result.Stderr)
	}
	for _, e := range lost {
		if e.CorrelationID == "" {
			t.Errorf("the simulator's 502 carried no correlation id")
			continue
		}
		if !strings.Contains(stderr, e.CorrelationID) {
			t.Errorf("the error output lacks the 502's correlation id %s", e.CorrelationID)
		}
	}

	stateIDs := stateCustomerIDs(t, r)
	simIDs := h.sim.CustomerIDs(simulator.DemoMerchantID)
	orphans := difference(simIDs, stateIDs)
	t.Logf("lost 502 answers on POST: %d; customers in state: %d; in the simulator: %d; orphans: %d",
		len(lost), len(stateIDs), len(simIDs), len(orphans))
	if len(orphans) != len(lost) {
		t.Errorf("orphans = %d, want exactly one per lost 502 (%d)", len(orphans), len(lost))
	}
	if len(stateIDs)+len(lost) != faultCustomers {
		t.Errorf("state holds %d customers and %d answers were lost; want them to add up to %d",
			len(stateIDs), len(lost), faultCustomers)
	}
	if missing := difference(stateIDs, simIDs); len(missing) != 0 {
		t.Errorf("state holds customers the simulator does not: %v", missing)
	}
	if t.Failed() {
		return
	}
	reconcileOrphans(t, h, orphans)
}

// reconcileOrphans follows the advice the error gives: adopt each orphan
// with an import block (found by its merchant customer id, which the
// configuration derives from the resource index) instead of applying again,
// which would create a duplicate. Afterwards state and simulator agree and
// nothing new was created.
func reconcileOrphans(t *testing.T, h *harness, orphans []string) {
	ctx := context.Background()
	r := h.runner
	h.sim.SetFaults(simulator.Faults{})
	var imports strings.Builder
	for _, c := range simCustomers(t, h.sim) {
		if !slices.Contains(orphans, c.ID) {
			continue
		}
		index, found := strings.CutPrefix(c.BuyerInformation.MerchantCustomerID, "fault-")
		if !found {
			t.Fatalf("orphan %s has merchant customer id %q", c.ID, c.BuyerInformation.MerchantCustomerID)
		}
		fmt.Fprintf(&imports, "import {\n  to = cybersource_tms_customer.fault[%s]\n  id = %q\n}\n\n", index, c.ID)
	}
	importFile := filepath.Join(r.WorkDir, "adopt_orphans.tf")
	if err := os.WriteFile(importFile, []byte(imports.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	createdBefore := h.sim.Stats().CustomersCreated
	result, err := r.Apply(ctx, "-parallelism=10")
	must(t, "adopt the orphans with import blocks", result, err)
	if created := h.sim.Stats().CustomersCreated - createdBefore; created != 0 {
		t.Errorf("adopting the orphans created %d new customers, want 0", created)
	}
	stateIDs := stateCustomerIDs(t, r)
	simIDs := h.sim.CustomerIDs(simulator.DemoMerchantID)
	if len(stateIDs) != faultCustomers || !slices.Equal(stateIDs, simIDs) {
		t.Errorf("after adopting: state has %d ids, simulator %d; orphans left %v",
			len(stateIDs), len(simIDs), difference(simIDs, stateIDs))
	}
	if err := os.Remove(importFile); err != nil {
		t.Fatal(err)
	}
	if changes, result, err := r.PlanHasChanges(ctx); err != nil || changes {
		t.Errorf("plan after adopting the orphans: changes=%v err=%v\n%s", changes, err, result.Stdout)
	}
}
