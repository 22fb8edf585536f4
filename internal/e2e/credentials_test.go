package e2e

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"strings"
	"testing"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// TestWrongSecretRejectedOnce is issue 11's "one identical error per resource": with a wrong
// secret, every customer's refresh used to send a request that could not succeed and print the
// same long 401 error. Now the first 401 is reported in full and every later operation stops
// before sending, with a short pointer to it. -parallelism=1 makes that deterministic: with
// parallel refreshes, up to -parallelism requests can be on their way before the first 401.
func TestWrongSecretRejectedOnce(t *testing.T) {
	h := newHarness(t, simulator.Options{}, demoCredentials())
	ctx := context.Background()
	r := h.runner
	writeConfig(t, r, providerHeader+`
provider "cybersource" {}

resource "cybersource_tms_customer" "member" {
  for_each = toset(["a", "b", "c"])

  merchant_customer_id = "rejected-${each.key}"
}
`)
	result, err := r.Apply(ctx)
	must(t, "create three customers", result, err)

	good := r.Env
	r.Env = maps.Clone(good)
	r.Env["CYBERSOURCE_SHARED_SECRET"] = simulator.OtherSharedSecret // valid base64, another merchant's
	defer func() { r.Env = good }()
	h.rec.Reset()
	result, err = r.Plan(ctx, "-parallelism=1")
	if exitErr := (*tfrun.ExitError)(nil); !errors.As(err, &exitErr) {
		t.Fatalf("plan with a wrong secret: err = %v, want it to fail", err)
	}
	stderr := flatten(result.Stderr)
	if n := countWhere(h.rec.Exchanges(), func(e exchange) bool { return e.Status == http.StatusUnauthorized }); n != 1 {
		t.Errorf("%d requests were answered 401, want 1 (%s)", n, describe(h.rec.Exchanges()))
	}
	if n := strings.Count(stderr, "Error: Unable to Read Customer"); n != 1 {
		t.Errorf("%d full errors, want 1:\n%s", n, result.Stderr)
	}
	if n := strings.Count(stderr, "Error: Not Sent: CyberSource Credentials Rejected Earlier"); n != 2 {
		t.Errorf("%d short errors, want 2:\n%s", n, result.Stderr)
	}
	if !strings.Contains(stderr, "did not accept the credentials") {
		t.Errorf("the full error lacks the advice on credentials:\n%s", result.Stderr)
	}
}
