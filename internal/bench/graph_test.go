package bench

import (
	"os/exec"
	"strings"
	"testing"
)

func TestExpectedGraphCalls(t *testing.T) {
	tests := map[string]string{
		PhaseCreate:  "POST customers 1, POST instrument-identifiers 1, POST payment-instruments 1, POST shipping-addresses 1",
		PhaseRefresh: "GET customer 1, GET instrument-identifier 1, GET payment-instrument 1, GET shipping-address 1",
		PhaseUpdate: "GET customer 1, GET instrument-identifier 1, GET payment-instrument 1, GET shipping-address 1, " +
			"PATCH customer 1, PATCH payment-instrument 1, PATCH shipping-address 1",
		PhaseDestroy: "DELETE customer 1, DELETE instrument-identifier 1, DELETE payment-instrument 1, DELETE shipping-address 1, " +
			"GET customer 1, GET instrument-identifier 1, GET payment-instrument 1, GET shipping-address 1",
	}
	for phase, want := range tests {
		if got := formatGraphCalls(intsAsFloats(expectedGraphCalls(phase))); got != want {
			t.Errorf("%s: %s, want %s", phase, got, want)
		}
	}
}

// TestGraphTargets: a phase with one call per object passes; an extra call (a retry, a second
// read) or a missing one fails.
func TestGraphTargets(t *testing.T) {
	exact := intsAsFloats(expectedGraphCalls(PhaseCreate))
	extra := intsAsFloats(expectedGraphCalls(PhaseCreate))
	extra["POST customers"] = 1.5
	missing := intsAsFloats(expectedGraphCalls(PhaseCreate))
	delete(missing, "POST payment-instruments")
	for name, tc := range map[string]struct {
		calls map[string]float64
		want  bool
	}{"exact": {exact, true}, "extra": {extra, false}, "missing": {missing, false}} {
		r := &Report{Graph: &GraphReport{Phases: []GraphPhase{{Name: PhaseCreate, CallsPerCustomer: tc.calls,
			ExpectedCallsPerCustomer: expectedGraphCalls(PhaseCreate)}}}}
		r.Graph.Phases[0].OneCallEach = graphPhaseOneCallEach(r.Graph.Phases[0])
		for _, target := range EvaluateTargets(r) {
			if strings.HasPrefix(target.Name, "graph") && target.Pass != tc.want {
				t.Errorf("%s: pass = %v, want %v", name, target.Pass, tc.want)
			}
		}
	}
}

// TestGraphConfigIsValidHCL formats the generated configuration with terraform fmt, which
// fails on a syntax error.
func TestGraphConfigIsValidHCL(t *testing.T) {
	if _, err := exec.LookPath("terraform"); err != nil {
		t.Skip("terraform is not on PATH")
	}
	cmd := exec.Command("terraform", "fmt", "-")
	cmd.Stdin = strings.NewReader(GenerateGraphConfig(3, 2))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terraform fmt: %v\n%s", err, out)
	}
}
