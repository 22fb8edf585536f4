package e2e

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-version"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// buildDir holds the provider binary shared by every test in this process;
// TestMain removes it. Building once keeps the suite's cost to one link.
var (
	buildDir     string
	buildOnce    sync.Once
	builtProv    *tfrun.Provider
	buildErr     error
	terraformBin string
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if buildDir != "" {
		_ = os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// requireTerraform skips tests that need the real terraform binary when it is
// unavailable or when only fast tests were asked for.
func requireTerraform(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test runs terraform; skipped with -short")
	}
	path, err := tfrun.LookTerraform()
	if err != nil {
		t.Skip("terraform is not on PATH; install Terraform to run the end-to-end tests")
	}
	terraformBin = path
}

// requireTerraformAtLeast skips a test that needs a newer Terraform than the one on PATH (write-only
// arguments need 1.11).
func requireTerraformAtLeast(t *testing.T, minimum string) {
	t.Helper()
	requireTerraform(t)
	got, err := tfrun.TerraformVersion(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if got.LessThan(version.Must(version.NewVersion(minimum))) {
		t.Skipf("needs Terraform %s or later; terraform on PATH is %s", minimum, got)
	}
}

// provider builds the provider binary once per test process.
func provider(t *testing.T) *tfrun.Provider {
	t.Helper()
	buildOnce.Do(func() {
		// Not t.TempDir: the binary outlives the first test; TestMain removes it.
		buildDir, buildErr = os.MkdirTemp("", "cybersource-e2e-provider-") //nolint:usetesting // see above
		if buildErr != nil {
			return
		}
		builtProv, buildErr = tfrun.Build(context.Background(), buildDir)
	})
	if buildErr != nil {
		t.Fatalf("building provider: %v", buildErr)
	}
	return builtProv
}

// exchange is one request the recording server saw, with what the simulator
// answered. Status 0 means the connection was reset before an answer.
type exchange struct {
	Method, Path  string
	Status        int
	CorrelationID string
	Signature     string // the request's signature header, whole
	Authorization string // the request's Authorization header (JWT mode)
}

// recorder wraps the simulator handler to capture, for assertions, what only
// the wire shows: correlation ids of answers (including faulted ones) and the
// signature and bearer values the provider actually sent.
type recorder struct {
	sim *simulator.Simulator

	mu        sync.Mutex
	exchanges []exchange
	// arrived counts requests by method as they arrive, before the simulator answers them;
	// arrival is closed and replaced at each arrival (see WaitForArrivals).
	arrived map[string]int
	arrival chan struct{}
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec.noteArrival(r.Method)
	rw := &recordingWriter{ResponseWriter: w}
	defer func() {
		rec.mu.Lock()
		rec.exchanges = append(rec.exchanges, exchange{
			Method:        r.Method,
			Path:          r.URL.Path,
			Status:        rw.status,
			CorrelationID: rw.correlationID,
			Signature:     r.Header.Get("Signature"),
			Authorization: r.Header.Get("Authorization"),
		})
		rec.mu.Unlock()
	}()
	rec.sim.ServeHTTP(rw, r)
}

// noteArrival counts a request that has just arrived and wakes up WaitForArrivals.
func (rec *recorder) noteArrival(method string) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.arrivalChannel()
	rec.arrived[method]++
	close(rec.arrival)
	rec.arrival = make(chan struct{})
}

// arrivalChannel returns the channel closed at the next arrival; rec.mu must be held.
func (rec *recorder) arrivalChannel() chan struct{} {
	if rec.arrival == nil {
		rec.arrived, rec.arrival = map[string]int{}, make(chan struct{})
	}
	return rec.arrival
}

// WaitForArrivals returns once n requests of method have arrived (answered or not), counting
// from the start.
func (rec *recorder) WaitForArrivals(ctx context.Context, method string, n int) error {
	for {
		rec.mu.Lock()
		next := rec.arrivalChannel()
		got := rec.arrived[method]
		rec.mu.Unlock()
		if got >= n {
			return nil
		}
		select {
		case <-next:
		case <-ctx.Done():
			return fmt.Errorf("waiting for %d %s requests (%d arrived): %w", n, method, got, ctx.Err())
		}
	}
}

// Exchanges returns a copy of everything recorded so far.
func (rec *recorder) Exchanges() []exchange {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return slices.Clone(rec.exchanges)
}

// Reset forgets what was recorded.
func (rec *recorder) Reset() {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.exchanges = nil
}

// recordingWriter notes the status and correlation id as the simulator
// writes them, and passes hijacking through so injected connection resets
// still work.
type recordingWriter struct {
	http.ResponseWriter
	status        int
	correlationID string
}

func (w *recordingWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
		w.correlationID = w.Header().Get("v-c-correlation-id")
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *recordingWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *recordingWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *recordingWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h, ok := w.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("recordingWriter: underlying writer cannot hijack")
	}
	return h.Hijack()
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *recordingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// harness is one simulator behind a recording plain-HTTP server, plus a
// terraform runner in a fresh work directory.
type harness struct {
	sim      *simulator.Simulator
	rec      *recorder
	endpoint string
	runner   *tfrun.Runner
}

func newHarness(t *testing.T, opts simulator.Options, creds tfrun.Credentials) *harness {
	t.Helper()
	requireTerraform(t)
	provider(t) // build before starting anything, so a build failure is reported first
	sim := simulator.New(opts)
	rec := &recorder{sim: sim}
	server := httptest.NewServer(rec)
	t.Cleanup(server.Close)

	creds.Endpoint = server.URL
	h := &harness{sim: sim, rec: rec, endpoint: server.URL}
	h.runner = h.newRunner(t, creds)
	return h
}

// newRunner returns another runner (own work dir and state) on the same
// simulator, e.g. for importing into a fresh state.
func (h *harness) newRunner(t *testing.T, creds tfrun.Credentials) *tfrun.Runner {
	t.Helper()
	creds.Endpoint = h.endpoint
	return &tfrun.Runner{
		Provider:  provider(t),
		WorkDir:   t.TempDir(),
		Env:       creds.Env(),
		Terraform: terraformBin,
	}
}

func demoCredentials() tfrun.Credentials {
	return tfrun.Credentials{
		MerchantID:   simulator.DemoMerchantID,
		KeyID:        simulator.DemoKeyID,
		SharedSecret: simulator.DemoSharedSecret,
	}
}

func writeConfig(t *testing.T, runner *tfrun.Runner, config string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(runner.WorkDir, "main.tf"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
}

// must fails the test with terraform's output when a command failed.
func must(t *testing.T, what string, result *tfrun.Result, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	t.Logf("%s: %s", what, result.Duration.Round(time.Millisecond))
}

// stateCustomerIDs returns the ids of every cybersource_tms_customer in the
// runner's state, sorted.
func stateCustomerIDs(t *testing.T, runner *tfrun.Runner) []string {
	t.Helper()
	state, err := runner.Show(context.Background())
	if err != nil {
		t.Fatalf("terraform show: %v", err)
	}
	var ids []string
	for _, r := range state.OfType("cybersource_tms_customer") {
		ids = append(ids, r.StringValue("id"))
	}
	slices.Sort(ids)
	return ids
}

// providerHeader is the terraform block every generated configuration starts
// with; credentials come from the environment.
const providerHeader = `terraform {
  required_providers {
    cybersource = {
      source = "cybersource-tf/cybersource"
    }
  }
}
`

func difference(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func countWhere(exchanges []exchange, keep func(exchange) bool) int {
	n := 0
	for _, e := range exchanges {
		if keep(e) {
			n++
		}
	}
	return n
}

func describe(exchanges []exchange) string {
	counts := map[string]int{}
	for _, e := range exchanges {
		counts[fmt.Sprintf("%s %d", e.Method, e.Status)]++
	}
	keys := make([]string, 0, len(counts))
	for k, v := range counts {
		keys = append(keys, fmt.Sprintf("%s×%d", k, v))
	}
	slices.Sort(keys)
	return strings.Join(keys, ", ")
}
