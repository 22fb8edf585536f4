package e2e

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testkeys"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// Personal data and merchant-defined values the log test puts into
// customers. They are distinctive so a leak cannot be a coincidence.
const (
	probeEmail        = "log-probe-alice.7f3a@example.com"
	probeEmailUpdated = "log-probe-bob.9c2e@example.net"
	probeMDData       = "mdv-probe-gold-5521"
	probeMDSensitive  = "mdv-probe-secret-8834"
	probeMDUpdated    = "mdv-probe-platinum-6610"
	probeP12Password  = "p12-probe-pass-3141"
	probeTitle        = "title-probe-jane-doe-2718" // free text, where names end up
)

func probeConfig(email, data1 string) string {
	return providerHeader + fmt.Sprintf(`
provider "cybersource" {}

resource "cybersource_tms_customer" "probe" {
  merchant_customer_id = "log-probe"
  email                = %q
  title                = %q

  merchant_defined_information = {
    data1      = %q
    sensitive1 = %q
  }
}
`, email, probeTitle, data1, probeMDSensitive)
}

// jwtPattern matches any JWT (header and claims are base64url JSON objects).
var jwtPattern = regexp.MustCompile(`eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+`)

// signatureValuePattern matches an HTTP Signature value that was not masked.
var signatureValuePattern = regexp.MustCompile(`signature="[A-Za-z0-9+/]{16,}={0,2}"`)

// logRun runs one terraform command with TRACE logging into its own file
// under dir and fails the test if it fails; logs are read back by readLogs.
func logRun(t *testing.T, r *tfrun.Runner, dir, name string, run func(context.Context) (*tfrun.Result, error)) {
	t.Helper()
	result, err := loggedRun(r, dir, name, run)
	must(t, name, result, err)
}

// loggedRun is logRun for a command that may fail: it returns what the command did.
func loggedRun(r *tfrun.Runner, dir, name string, run func(context.Context) (*tfrun.Result, error)) (*tfrun.Result, error) {
	saved := r.Env
	r.Env = map[string]string{}
	for k, v := range saved {
		r.Env[k] = v
	}
	for k, v := range tfrun.LogEnv(filepath.Join(dir, name+".log")) {
		r.Env[k] = v
	}
	defer func() { r.Env = saved }()
	return run(context.Background())
}

// readLogs concatenates every log file in dir.
func readLogs(t *testing.T, dir string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.log"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no log files in %s (%v)", dir, err)
	}
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	return all.String()
}

// assertAbsent fails for every forbidden value found in the log, printing
// only the value's name and the line's position, never the line itself.
func assertAbsent(t *testing.T, log string, forbidden map[string]string) {
	t.Helper()
	for name, value := range forbidden {
		if value == "" {
			t.Fatalf("forbidden value %s is empty; the test would prove nothing", name)
		}
		if i := strings.Index(log, value); i >= 0 {
			line := strings.Count(log[:i], "\n") + 1
			t.Errorf("the log contains %s (first at line %d)", name, line)
		}
	}
	if m := jwtPattern.FindStringIndex(log); m != nil {
		t.Errorf("the log contains a JWT (line %d)", strings.Count(log[:m[0]], "\n")+1)
	}
	if m := signatureValuePattern.FindStringIndex(log); m != nil {
		t.Errorf("the log contains an unmasked signature value (line %d)", strings.Count(log[:m[0]], "\n")+1)
	}
}

// assertTraceable checks what the log must contain for support: the request
// path and the correlation id of every answer the simulator gave.
func assertTraceable(t *testing.T, log string, exchanges []exchange) {
	t.Helper()
	if !strings.Contains(log, "/tms/v2/customers") {
		t.Error("the log lacks the request path /tms/v2/customers")
	}
	if len(exchanges) == 0 {
		t.Fatal("the simulator saw no requests")
	}
	for _, e := range exchanges {
		if e.CorrelationID == "" {
			t.Errorf("%s %s answered %d without a correlation id", e.Method, e.Path, e.Status)
			continue
		}
		if !strings.Contains(log, e.CorrelationID) {
			t.Errorf("the log lacks the correlation id %s of %s %s (%d)", e.CorrelationID, e.Method, e.Path, e.Status)
		}
	}
}

// wireSecrets collects what the provider actually sent for authentication:
// every signature header's signature= value and every bearer token.
func wireSecrets(exchanges []exchange) map[string]string {
	secrets := map[string]string{}
	signatureValue := regexp.MustCompile(`signature="([^"]+)"`)
	for i, e := range exchanges {
		if m := signatureValue.FindStringSubmatch(e.Signature); m != nil {
			secrets[fmt.Sprintf("the signature sent with request %d", i)] = m[1]
		}
		if token, ok := strings.CutPrefix(e.Authorization, "Bearer "); ok {
			secrets[fmt.Sprintf("the JWT sent with request %d", i)] = token
		}
	}
	return secrets
}

func TestLogsKeepSecretsOutHTTPSignature(t *testing.T) {
	h := newHarness(t, simulator.Options{}, demoCredentials())
	logDir := t.TempDir()
	r := h.runner

	writeConfig(t, r, probeConfig(probeEmail, probeMDData))
	logRun(t, r, logDir, "1-create", func(ctx context.Context) (*tfrun.Result, error) { return r.Apply(ctx) })
	ids := stateCustomerIDs(t, r)
	if len(ids) != 1 {
		t.Fatalf("state holds %d customers after create, want 1", len(ids))
	}
	logRun(t, r, logDir, "2-read", func(ctx context.Context) (*tfrun.Result, error) { return r.Plan(ctx) })
	writeConfig(t, r, probeConfig(probeEmailUpdated, probeMDUpdated))
	logRun(t, r, logDir, "3-update", func(ctx context.Context) (*tfrun.Result, error) { return r.Apply(ctx) })

	// Import into a fresh state, then delete from there.
	imported := h.newRunner(t, demoCredentials())
	writeConfig(t, imported, probeConfig(probeEmailUpdated, probeMDUpdated))
	logRun(t, imported, logDir, "4-import", func(ctx context.Context) (*tfrun.Result, error) {
		return imported.Import(ctx, "cybersource_tms_customer.probe", ids[0])
	})
	logRun(t, imported, logDir, "5-delete", func(ctx context.Context) (*tfrun.Result, error) { return imported.Destroy(ctx) })
	if left := h.sim.CustomerIDs(simulator.DemoMerchantID); len(left) != 0 {
		t.Fatalf("the simulator still holds %v after destroy", left)
	}

	secret, err := base64.StdEncoding.DecodeString(simulator.DemoSharedSecret)
	if err != nil {
		t.Fatal(err)
	}
	assertLogsKeepOut(t, h, logDir, map[string]string{
		"the shared secret":                 simulator.DemoSharedSecret,
		"the decoded shared secret":         string(secret),
		"the customer email":                probeEmail,
		"the updated customer email":        probeEmailUpdated,
		"the customer title":                probeTitle,
		"a merchant-defined value":          probeMDData,
		"a sensitive merchant value":        probeMDSensitive,
		"an updated merchant-defined value": probeMDUpdated,
	})
}

func TestLogsKeepSecretsOutJWT(t *testing.T) {
	requireTerraform(t) // before generating keys, so a skip costs nothing
	key, cert := testkeys.Generate(t, simulator.DemoMerchantID, "e2e-log-probe-serial-4711")
	p12File := filepath.Join(t.TempDir(), "merchant.p12")
	if err := os.WriteFile(p12File, testkeys.P12(t, key, cert, probeP12Password), 0o600); err != nil {
		t.Fatal(err)
	}
	creds := tfrun.Credentials{MerchantID: simulator.DemoMerchantID, P12File: p12File, P12Password: probeP12Password}
	h := newHarness(t, simulator.Options{
		JWTCertificates: []simulator.JWTCertificate{{MerchantID: simulator.DemoMerchantID, Certificate: cert}},
	}, creds)
	logDir := t.TempDir()
	r := h.runner

	writeConfig(t, r, probeConfig(probeEmail, probeMDData))
	logRun(t, r, logDir, "1-create", func(ctx context.Context) (*tfrun.Result, error) { return r.Apply(ctx) })
	logRun(t, r, logDir, "2-read", func(ctx context.Context) (*tfrun.Result, error) { return r.Plan(ctx) })
	logRun(t, r, logDir, "3-delete", func(ctx context.Context) (*tfrun.Result, error) { return r.Destroy(ctx) })

	assertLogsKeepOut(t, h, logDir, map[string]string{
		"the P12 password":           probeP12Password,
		"the customer email":         probeEmail,
		"a merchant-defined value":   probeMDData,
		"a sensitive merchant value": probeMDSensitive,
	})
}

// assertLogsKeepOut reads the TRACE logs of a run and checks that none of forbidden, nor the
// signature or bearer token of any request the provider sent, is in them, while the request paths
// and correlation ids that support needs are.
func assertLogsKeepOut(t *testing.T, h *harness, logDir string, forbidden map[string]string) {
	t.Helper()
	log := readLogs(t, logDir)
	exchanges := h.rec.Exchanges()
	t.Logf("%d log bytes, %d requests (%s)", len(log), len(exchanges), describe(exchanges))
	requireProviderTrace(t, log)
	wire := wireSecrets(exchanges)
	if len(wire) != len(exchanges) {
		t.Errorf("captured %d signatures or bearer tokens for %d requests", len(wire), len(exchanges))
	}
	for name, value := range wire {
		forbidden[name] = value
	}
	assertAbsent(t, log, forbidden)
	assertTraceable(t, log, exchanges)
}

// requireProviderTrace guards against a vacuous pass: the log must hold the
// provider's own TRACE output and its HTTP subsystem with the (redacted)
// request and response bodies — the very place an email or merchant-defined
// value would leak — not just core's lines.
func requireProviderTrace(t *testing.T, log string) {
	t.Helper()
	for _, want := range []string{"[TRACE]", "provider.terraform-provider-cybersource", "@module=cybersource.http", "buyerInformation", "merchantDefinedInformation"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q: TRACE logging of the provider did not reach the file", want)
		}
	}
}
