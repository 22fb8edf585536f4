package e2e

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// Public test card numbers. Their middle digits, the ones masking hides, are not among their
// first six, so that a masked number never contains them.
const (
	probeCardOK      = "4000056655665556"
	probeCardFailing = "2223003122003222"
)

// cardDataConfig tokenises two cards and gives the first one to a customer; the second is
// tokenised last, after the first card's payment instrument. The numbers come in ephemeral
// variables, as write-only arguments are meant to be fed: Terraform keeps the value of any other
// variable in a saved plan, where `terraform show -json` prints it, sensitive or not (this test
// fails on the saved plan without `ephemeral = true`). Terraform core, not the provider, decides
// that.
const cardDataConfig = providerHeader + `
provider "cybersource" {}

variable "card_ok" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "card_failing" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "cybersource_tms_customer" "card_holder" {
  merchant_customer_id = "card-data-probe"
}

resource "cybersource_tms_instrument_identifier" "ok" {
  card_number_wo = var.card_ok
}

resource "cybersource_tms_customer_payment_instrument" "ok" {
  customer_id              = cybersource_tms_customer.card_holder.id
  instrument_identifier_id = cybersource_tms_instrument_identifier.ok.id
  card_type                = "001"
  card_expiration_month    = "12"
  card_expiration_year     = "2031"
}

resource "cybersource_tms_instrument_identifier" "failing" {
  card_number_wo = var.card_failing
  depends_on     = [cybersource_tms_customer_payment_instrument.ok]
}
`

// cardDataForms are the forms of the test cards that must never show: each whole number and
// its middle digits (a number logged in pieces, or masked the wrong way, still shows them).
var cardDataForms = map[string]string{
	"the first card number":                probeCardOK,
	"the hidden digits of the first card":  probeCardOK[6:12],
	"the second card number":               probeCardFailing,
	"the hidden digits of the second card": probeCardFailing[6:12],
}

// TestCardDataNeverShown (issue 10): no card number in the state, the plan output, a saved plan
// (its file and its JSON), the TRACE logs (HTTP bodies included) or the error text. Two cards are tokenised
// through card_number_wo, passed as TF_VAR_ variables; the second card's POST is processed and
// then answered with a gateway 502, so that there is an error about the very request that carried
// a card number. Every terraform command runs with TF_LOG=TRACE and the provider's HTTP subsystem
// at TRACE.
func TestCardDataNeverShown(t *testing.T) {
	requireTerraformAtLeast(t, "1.11") // write-only arguments
	h := newHarness(t, simulator.Options{}, demoCredentials())
	logDir := t.TempDir()
	r := h.runner
	r.Env["TF_VAR_card_ok"] = probeCardOK
	r.Env["TF_VAR_card_failing"] = probeCardFailing
	writeConfig(t, r, cardDataConfig)
	// Once the first card's payment instrument is created, the next POST (the second card's) is
	// carried out and its answer replaced by a 502.
	h.sim.SetBeforeHook(func(method, route, _ string) {
		if method == http.MethodPost && route == "payment-instruments" {
			h.sim.SetFaults(simulator.Faults{Rate502After: 1, Methods: []string{http.MethodPost}})
		}
	})

	applied, err := loggedRun(r, logDir, "1-apply", func(ctx context.Context) (*tfrun.Result, error) { return r.Apply(ctx) })
	var exitErr *tfrun.ExitError
	if !errors.As(err, &exitErr) {
		t.Fatalf("the apply did not fail as planned: %v", err)
	}
	errorText := applied.Stdout + applied.Stderr
	if !strings.Contains(flatten(errorText), "Unable to Confirm Instrument Identifier Creation") {
		t.Fatalf("the apply failed otherwise than planned:\n%s", errorText)
	}
	h.sim.SetBeforeHook(nil)
	h.sim.SetFaults(simulator.Faults{})
	state := readFile(t, filepath.Join(r.WorkDir, "terraform.tfstate"))

	planned, err := loggedRun(r, logDir, "2-plan", func(ctx context.Context) (*tfrun.Result, error) { return r.Plan(ctx) })
	must(t, "plan", planned, err)
	saved, err := loggedRun(r, logDir, "3-plan-out", func(ctx context.Context) (*tfrun.Result, error) {
		return r.Plan(ctx, "-out=card.tfplan")
	})
	must(t, "plan -out", saved, err)
	shown, err := loggedRun(r, logDir, "4-show", func(ctx context.Context) (*tfrun.Result, error) {
		return r.Run(ctx, "show", "-json", "-no-color", "card.tfplan")
	})
	must(t, "show -json", shown, err)
	planFile := zipContents(t, filepath.Join(r.WorkDir, "card.tfplan"))
	logRun(t, r, logDir, "5-destroy", func(ctx context.Context) (*tfrun.Result, error) { return r.Destroy(ctx) })
	log := readLogs(t, logDir)

	// What each source must hold, so that the test cannot pass on empty files.
	for what, c := range map[string]struct{ text, want string }{
		"the state":        {state, `"card_number_masked": "400005XXXXXX5556"`},
		"the plan":         {planned.Stdout, "card_number_wo = (write-only attribute)"},
		"the saved plan":   {shown.Stdout, `"type":"cybersource_tms_instrument_identifier"`},
		"the error output": {errorText, "MAY HAVE BEEN CREATED"},
		// Both cards' POST bodies, logged with the number masked.
		"the log": {log, `@module=cybersource.http`},
	} {
		if !strings.Contains(flatten(c.text), flatten(c.want)) {
			t.Errorf("%s lacks %q: the test would prove nothing", what, c.want)
		}
	}
	if n := strings.Count(log, `{\"card\":{\"number\":\"***\"}}`); n < 2 {
		t.Errorf("the log has %d card POST bodies, want both cards': the test would prove nothing", n)
	}

	for name, text := range map[string]string{
		"state": state, "plan": planned.Stdout + planned.Stderr, "saved-plan": shown.Stdout,
		"errors": errorText, "trace-log": log, "plan-file": planFile,
	} {
		t.Run(name, func(t *testing.T) { assertAbsent(t, text, cardDataForms) })
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// zipContents is every file of a zip archive (a saved plan), uncompressed, one after the other.
func zipContents(t *testing.T, path string) string {
	t.Helper()
	archive, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = archive.Close() }()
	var all strings.Builder
	for _, f := range archive.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(&all, rc)
		_ = rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return all.String()
}
