package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// The acceptance test harness. By default every test starts its own in-process simulator and
// points the provider at it through NewWithOptions, so `TF_ACC=1 go test` runs offline. With
// CYBERSOURCE_MERCHANT_ID, CYBERSOURCE_KEY_ID and CYBERSOURCE_SHARED_SECRET set, the same tests run
// against the real sandbox, configured from the environment; tests and steps that need the
// simulator's hooks skip with the reason.

// sandboxEnvVars are the variables that switch the acceptance tests to the real sandbox.
var sandboxEnvVars = []string{"CYBERSOURCE_MERCHANT_ID", "CYBERSOURCE_KEY_ID", "CYBERSOURCE_SHARED_SECRET"}

func sandboxMode() bool {
	for _, name := range sandboxEnvVars {
		if os.Getenv(name) == "" {
			return false
		}
	}
	return true
}

// accEnv is one acceptance test's backend: a simulator, or the sandbox (server == nil).
type accEnv struct {
	t          *testing.T
	server     *simulator.Server
	merchantID string
	// profileID is a profile id valid for the merchant, "" when unknown (sandbox without
	// CYBERSOURCE_PROFILE_ID).
	profileID  string
	httpClient *http.Client
}

// newAccEnv starts a plain-http simulator, or selects the sandbox.
func newAccEnv(t *testing.T) *accEnv {
	t.Helper()
	return startAccEnv(t, simulator.Options{}, false)
}

func startAccEnv(t *testing.T, opts simulator.Options, tlsEnabled bool) *accEnv {
	t.Helper()
	if sandboxMode() {
		return &accEnv{t: t, merchantID: os.Getenv("CYBERSOURCE_MERCHANT_ID"), profileID: os.Getenv("CYBERSOURCE_PROFILE_ID")}
	}
	server, err := simulator.Start(opts, tlsEnabled)
	if err != nil {
		t.Fatalf("starting the simulator: %v", err)
	}
	t.Cleanup(func() {
		if err := server.Close(); err != nil {
			t.Errorf("closing the simulator: %v", err)
		}
	})
	env := &accEnv{t: t, server: server, merchantID: simulator.DemoMerchantID, profileID: simulator.DemoProfileID}
	if tlsEnabled {
		env.httpClient = &http.Client{Transport: client.NewTransport(server.CertPool())}
	}
	return env
}

// sim returns the simulator, skipping the test in sandbox mode.
func (e *accEnv) sim(reason string) *simulator.Simulator {
	e.t.Helper()
	e.requireSimulator(reason)
	return e.server.Sim
}

// requireSimulator skips the whole test when it runs against the sandbox.
func (e *accEnv) requireSimulator(reason string) {
	e.t.Helper()
	if e.server == nil {
		e.t.Skipf("needs the simulator (%s); skipped against the real sandbox", reason)
	}
}

// requireProfileID skips the test when no profile id is known (sandbox without
// CYBERSOURCE_PROFILE_ID).
func (e *accEnv) requireProfileID() string {
	e.t.Helper()
	if e.profileID == "" {
		e.t.Skip("needs a TMS profile id: set CYBERSOURCE_PROFILE_ID to run it against the sandbox")
	}
	return e.profileID
}

// factories serves the provider in-process, pointed at the simulator when there is one.
func (e *accEnv) factories() map[string]func() (tfprotov6.ProviderServer, error) {
	opts := Options{HTTPClient: e.httpClient}
	if e.server != nil {
		opts.Endpoint = e.server.URL
		// Against the simulator, siblings destroyed in the same run go within milliseconds; a
		// short wait keeps the test of a default that cannot be deleted quick.
		opts.DefaultItemWait = accDefaultItemWait
	}
	return map[string]func() (tfprotov6.ProviderServer, error){
		"cybersource": providerserver.NewProtocol6WithError(NewWithOptions("test", opts)()),
	}
}

// accDefaultItemWait is Options.DefaultItemWait against the simulator.
const accDefaultItemWait = 3 * time.Second

// providerConfig is the provider block: the demo credentials for the simulator, empty (the
// environment) for the sandbox. extra is added inside the block.
func (e *accEnv) providerConfig(extra ...string) string {
	var b strings.Builder
	b.WriteString("provider \"cybersource\" {\n")
	if e.server != nil {
		fmt.Fprintf(&b, "  merchant_id   = %q\n  key_id        = %q\n  shared_secret = %q\n",
			simulator.DemoMerchantID, simulator.DemoKeyID, simulator.DemoSharedSecret)
	}
	for _, line := range extra {
		b.WriteString("  " + line + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// config is providerConfig plus the given HCL.
func (e *accEnv) config(hcl string) string { return e.providerConfig() + hcl }

// test runs a resource.Test with this environment's providers and a destroy check that the
// customers the test created are gone.
func (e *accEnv) test(steps ...resource.TestStep) {
	e.t.Helper()
	resource.ParallelTest(e.t, e.testCase(steps...))
}

// testSerial is test for tests that change the process environment (t.Setenv cannot be combined
// with parallel tests).
func (e *accEnv) testSerial(steps ...resource.TestStep) {
	e.t.Helper()
	resource.Test(e.t, e.testCase(steps...))
}

// testCase is the TestCase test runs, for tests that add to it (an ErrorCheck, a stricter
// CheckDestroy) before running it with resource.ParallelTest.
// A configuration with a write-only argument (a card token's card_number_wo) needs Terraform
// 1.11; on older versions the framework refuses the argument, so such tests skip there.
func (e *accEnv) testCase(steps ...resource.TestStep) resource.TestCase {
	tc := resource.TestCase{
		ProtoV6ProviderFactories: e.factories(),
		CheckDestroy:             e.checkDestroyed,
		Steps:                    steps,
	}
	for _, step := range steps {
		if strings.Contains(step.Config, "card_number_wo") {
			tc.TerraformVersionChecks = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}
			break
		}
	}
	return tc
}

// simulatorKinds maps the provider's resource types to the simulator's kinds of stored objects.
var simulatorKinds = map[string]simulator.Kind{
	"cybersource_tms_customer":                    simulator.KindCustomer,
	"cybersource_tms_customer_shipping_address":   simulator.KindShippingAddress,
	"cybersource_tms_customer_payment_instrument": simulator.KindPaymentInstrument,
	"cybersource_tms_instrument_identifier":       simulator.KindInstrumentIdentifier,
}

// checkDestroyed verifies, on the simulator, that no object of any resource in the final state
// still exists. Against the sandbox it relies on the provider's own deletes.
func (e *accEnv) checkDestroyed(s *terraform.State) error {
	if e.server == nil {
		return nil
	}
	for address, rs := range s.RootModule().Resources {
		kind, managed := simulatorKinds[rs.Type]
		if !managed || strings.HasPrefix(address, "data.") {
			continue // data sources read objects they do not own
		}
		for _, id := range e.server.Sim.IDs(kind, e.merchantID) {
			if id == rs.Primary.ID {
				return fmt.Errorf("%s %s still exists after destroy", rs.Type, id)
			}
		}
	}
	return nil
}

// captureID is a Check that records the customer's id for later PreConfig hooks.
func captureID(into *string) resource.TestCheckFunc { return captureAttr(customerAddress, "id", into) }

// captureAttr is a Check that records an attribute of a resource for later steps and hooks.
func captureAttr(address, attribute string, into *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[legacyStateKey(address)]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		value, ok := rs.Primary.Attributes[attribute]
		if !ok {
			return fmt.Errorf("%s has no attribute %s", address, attribute)
		}
		*into = value
		return nil
	}
}

// legacyStateKey is how terraform.State keys a resource: "x.y.0" for the address "x.y[0]".
func legacyStateKey(address string) string {
	return strings.NewReplacer("[", ".", "]", "").Replace(address)
}

// stored is a Check on the simulator's copy of the object behind a resource: it proves what the
// API holds, not just what Terraform believes.
func (e *accEnv) stored(address string, check func(body map[string]any) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if e.server == nil {
			return nil
		}
		rs, ok := s.RootModule().Resources[legacyStateKey(address)]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		for _, raw := range e.server.Sim.Objects(simulatorKinds[rs.Type], e.merchantID) {
			var body map[string]any
			if err := json.Unmarshal(raw, &body); err != nil {
				return err
			}
			if body["id"] == rs.Primary.ID {
				return check(body)
			}
		}
		return fmt.Errorf("%s %s is not stored in the simulator", rs.Type, rs.Primary.ID)
	}
}

// stateOf is a resource or data source address with short forms of the usual state checks.
type stateOf string

func (a stateOf) check(attribute string, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(string(a), tfjsonpath.New(attribute), value)
}

func (a stateOf) str(attribute, value string) statecheck.StateCheck {
	return a.check(attribute, knownvalue.StringExact(value))
}

func (a stateOf) null(attribute string) statecheck.StateCheck {
	return a.check(attribute, knownvalue.Null())
}

//nolint:unparam // a general short form: `default` just happens to be the only boolean attribute so far
func (a stateOf) boolean(attribute string, value bool) statecheck.StateCheck {
	return a.check(attribute, knownvalue.Bool(value))
}

// testdataConfig is a configuration from testdata/ after the environment's provider block. The
// files use Terraform variables for what a step chooses (ConfigVariables).
func (e *accEnv) testdataConfig(name string) string {
	e.t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		e.t.Fatalf("reading test configuration: %v", err)
	}
	return e.providerConfig() + string(body)
}

// variables merges ConfigVariables; later ones win.
func variables(sets ...config.Variables) config.Variables {
	out := config.Variables{}
	for _, set := range sets {
		maps.Copy(out, set)
	}
	return out
}

// defaultMovesStep applies a configuration that makes another of a customer's items its
// default, in place: the new default is updated, the old one needs no request (CyberSource clears
// its flag) and reads false in the simulator, and after a refresh in state too, without a diff
// (the test fails on a non-empty plan after apply), since its configuration does not claim it.
func (e *accEnv) defaultMovesStep(cfg string, vars config.Variables, from, to string) resource.TestStep {
	return resource.TestStep{
		Config:          cfg,
		ConfigVariables: vars,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(to, plancheck.ResourceActionUpdate),
			plancheck.ExpectResourceAction(from, plancheck.ResourceActionNoop),
		}},
		ConfigStateChecks: []statecheck.StateCheck{stateOf(to).boolean("default", true)},
		Check:             e.stored(from, storedEquals("default", false)),
	}
}

// defaultTakenBackStep switches a customer's default to the item from (whose id *fromID holds
// by then) outside Terraform, then applies a configuration in which to claims it: the plan takes
// the default back for to, in place.
func (e *accEnv) defaultTakenBackStep(cfg string, vars config.Variables, from string, fromID *string, to string) resource.TestStep {
	sim := e.sim("switches the default behind Terraform's back")
	kind := simulatorKinds[strings.SplitN(from, ".", 2)[0]]
	return resource.TestStep{
		PreConfig:       func() { e.mustSim(sim.Modify(kind, e.merchantID, *fromID, []byte(`{"default":true}`))) },
		Config:          cfg,
		ConfigVariables: vars,
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(to, plancheck.ResourceActionUpdate),
			plancheck.ExpectKnownValue(to, tfjsonpath.New("default"), knownvalue.Bool(true)),
		}},
		Check: resource.ComposeAggregateTestCheckFunc(
			e.stored(to, storedEquals("default", true)),
			e.stored(from, storedEquals("default", false)),
		),
	}
}

// requestCounts returns a Check asserting exact simulator request counts by "METHOD route status"
// (e.g. "POST customers 201") since the last ResetStats; methods not listed must not appear.
func (e *accEnv) requestCounts(want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.server == nil {
			return nil
		}
		got := e.server.Sim.Stats().Requests
		for key, n := range want {
			if got[key] != n {
				return fmt.Errorf("simulator answered %q %d times, want %d (all requests: %v)", key, got[key], n, got)
			}
		}
		for key, n := range got {
			if _, expected := want[key]; !expected && n > 0 {
				return fmt.Errorf("unexpected request %q (%d times); all requests: %v", key, n, got)
			}
		}
		return nil
	}
}

// resetStats is a PreConfig that zeroes the simulator's counters.
func (e *accEnv) resetStats() {
	if e.server != nil {
		e.server.Sim.ResetStats()
	}
}

// mustSim fails the test on a simulator hook error (hooks run in PreConfig, which returns nothing).
func (e *accEnv) mustSim(err error) {
	if err != nil {
		e.t.Fatalf("simulator hook: %v", err)
	}
}

// checkNothingLeft is a CheckDestroy stricter than checkDestroyed, for tests that own everything
// the merchant has on their simulator: after the destroy, no object of any kind is left.
func (e *accEnv) checkNothingLeft(s *terraform.State) error {
	if err := e.checkDestroyed(s); err != nil || e.server == nil {
		return err
	}
	for _, kind := range simulatorKinds {
		if ids := e.server.Sim.IDs(kind, e.merchantID); len(ids) != 0 {
			return fmt.Errorf("%d %s object(s) left after destroy: %v", len(ids), kind, ids)
		}
	}
	return nil
}

// seed stores an object on the simulator as if it had been POSTed (simulator.Seed) and returns
// its id; parentID is the customer of an address or payment instrument, "" otherwise.
func (e *accEnv) seed(kind simulator.Kind, parentID, body string) string {
	e.t.Helper()
	id, err := e.sim("seeds objects").Seed(kind, e.merchantID, parentID, []byte(body))
	e.mustSim(err)
	return id
}

// stateLacks is a state check that none of the values appears anywhere in the state: in any
// attribute of any resource or data source, sensitive ones included (the JSON state holds them in
// clear). The keys name the values in failures, which never print the values themselves.
func stateLacks(values map[string]string) statecheck.StateCheck { return stateLacksCheck(values) }

type stateLacksCheck map[string]string

func (c stateLacksCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	state, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	for name, value := range c {
		if strings.Contains(string(state), value) {
			resp.Error = errors.Join(resp.Error, fmt.Errorf("the state contains %s", name))
		}
	}
}

// failureWithout is a TestCase.ErrorCheck for what ExpectError cannot say: that an error does
// NOT contain something (a card number, say). A step meant to fail leaves ExpectError out; when
// its error matches want and contains none of the forbidden values (named by the map's keys), the
// check swallows it and the test goes on. Anything else fails the test, without printing a
// forbidden value. requireSeen, after the test, fails it when no such error occurred.
type failureWithout struct {
	want      *regexp.Regexp
	forbidden map[string]string
	seen      int
}

func (f *failureWithout) check(err error) error {
	// Terraform wraps diagnostics at spaces: a value with spaces may be cut over two lines.
	text := strings.Join(strings.Fields(err.Error()), " ")
	for name, value := range f.forbidden {
		if strings.Contains(text, value) {
			return fmt.Errorf("the error text contains %s", name)
		}
	}
	if !f.want.MatchString(err.Error()) {
		return err
	}
	f.seen++
	return nil
}

// requireSeen fails the test unless n steps failed as expected.
func (f *failureWithout) requireSeen(t *testing.T, n int) {
	t.Helper()
	if f.seen != n {
		t.Errorf("%d step(s) failed with an error matching %q, want %d", f.seen, f.want, n)
	}
}
