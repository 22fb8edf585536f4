package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// Options configure one benchmark run.
type Options struct {
	// N is the number of customers; Parallelism is terraform's -parallelism
	// and the number of floor workers.
	N           int
	Parallelism int
	// Latency is the simulator's fixed per-request latency.
	Latency time.Duration
	// Keep leaves the temporary directory (work dir, state, provider build)
	// in place for inspection.
	Keep bool
	// Progress receives one line per stage; nil discards them.
	Progress io.Writer
	// TerraformOutput, when set, also receives terraform's own output.
	TerraformOutput io.Writer
	// RSSInterval is how often the provider's VmHWM is sampled.
	RSSInterval time.Duration
}

// Defaults are the reference run.
func Defaults() Options {
	return Options{N: 200, Parallelism: 10, Latency: 50 * time.Millisecond, RSSInterval: 20 * time.Millisecond}
}

func (o *Options) validate() error {
	switch {
	case o.N < 1:
		return errors.New("n must be at least 1")
	case o.Parallelism < 1:
		return errors.New("parallelism must be at least 1")
	case o.Latency < 0:
		return errors.New("latency must not be negative")
	}
	if o.RSSInterval <= 0 {
		o.RSSInterval = Defaults().RSSInterval
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	return nil
}

// Run performs a whole benchmark: build, start the simulator, measure the
// floor and the four terraform phases, evaluate the targets. It returns an
// error only when something could not run (a build, the simulator, a phase
// that failed); targets that are missed are in the report.
func Run(ctx context.Context, opts Options) (report *Report, err error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	started := time.Now()
	// Read before the build so the figure reflects other work on the machine.
	loadBefore := loadAverage()
	dir, err := os.MkdirTemp("", "cybersource-bench-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if opts.Keep {
			stage(opts.Progress, "kept %s", dir)
			return
		}
		if removeErr := os.RemoveAll(dir); removeErr != nil && err == nil {
			err = removeErr
		}
	}()

	stage(opts.Progress, "building provider")
	providerDir := filepath.Join(dir, "provider")
	if err := os.Mkdir(providerDir, 0o755); err != nil {
		return nil, err
	}
	provider, err := tfrun.Build(ctx, providerDir)
	if err != nil {
		return nil, err
	}

	stage(opts.Progress, "starting simulator with TLS, latency %s", opts.Latency)
	server, err := simulator.Start(simulator.Options{Faults: simulator.Faults{Latency: opts.Latency}}, true)
	if err != nil {
		return nil, fmt.Errorf("starting simulator: %w", err)
	}
	defer func() {
		if closeErr := server.Close(); closeErr != nil && err == nil {
			err = fmt.Errorf("stopping simulator: %w", closeErr)
		}
	}()
	certFile := filepath.Join(dir, "simulator-cert.pem")
	if err := os.WriteFile(certFile, server.CertPEM, 0o600); err != nil {
		return nil, err
	}

	report = &Report{
		N:                opts.N,
		Parallelism:      opts.Parallelism,
		LatencyMS:        float64(opts.Latency) / float64(time.Millisecond),
		TLS:              true,
		TerraformVersion: terraformVersion(ctx),
		GoVersion:        runtime.Version(),
		StartedAt:        started.UTC(),
		CPUs:             runtime.NumCPU(),
	}
	report.LoadAverage[0] = loadBefore
	phases := make([]PhaseResult, len(Phases))
	for i, name := range Phases {
		phases[i] = PhaseResult{Name: name, ExpectedCalls: expectedCalls(name, opts.N)}
	}

	if err := measureFloor(ctx, opts, server, phases); err != nil {
		return nil, err
	}
	notes, err := measureTerraform(ctx, opts, server, provider, certFile, filepath.Join(dir, "work"), phases, &report.FixedCostSeconds)
	if err != nil {
		return nil, err
	}
	for i := range phases {
		phases[i].fill(opts.N)
	}
	report.Phases = phases
	report.LoadAverage[1] = loadAverage()
	// The run itself keeps about two processes busy, so only the load found
	// before it started says whether something else competed for the CPUs.
	if loadBefore >= busyLoad {
		notes = append(notes, fmt.Sprintf("the machine was already busy before the run (load average %.1f on %d CPUs): wall times and overheads are inflated", loadBefore, report.CPUs))
	}
	report.Notes = notes
	report.Targets = EvaluateTargets(report)
	report.TotalSeconds = time.Since(started).Seconds()
	return report, nil
}

func stage(w io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(w, "==> "+format+"\n", args...) // progress is best effort
}

// demoCredentials are the simulator's default merchant (contract.md).
func demoCredentials(endpoint string) tfrun.Credentials {
	return tfrun.Credentials{
		MerchantID:   simulator.DemoMerchantID,
		KeyID:        simulator.DemoKeyID,
		SharedSecret: simulator.DemoSharedSecret,
		Endpoint:     endpoint,
	}
}

// measureFloor issues every phase's requests straight through the client.
// Each phase gets a fresh transport (closing idle connections is not enough:
// a connection still finishing its last response is not idle yet), so that
// each phase, like each terraform command's fresh provider processes, pays
// for its own TCP and TLS handshakes.
func measureFloor(ctx context.Context, opts Options, server *simulator.Server, phases []PhaseResult) error {
	creds := demoCredentials(server.URL)
	floor := &floorRunner{parallelism: opts.Parallelism}
	for i := range phases {
		// The client's own transport settings (keep-alive, idle pool, HTTP/2
		// negotiation), trusting the simulator's certificate: the floor must
		// differ from the provider only by terraform, not by connection handling.
		transport := client.NewTransport(server.CertPool())
		c, err := client.New(client.Config{
			MerchantID:   creds.MerchantID,
			KeyID:        creds.KeyID,
			SharedSecret: creds.SharedSecret,
			BaseURL:      server.URL,
			HTTPClient:   &http.Client{Transport: transport},
			UserAgent:    "cybersource-bench-floor",
		})
		if err != nil {
			return fmt.Errorf("floor client: %w", err)
		}
		floor.client = c
		server.Sim.ResetStats()
		stage(opts.Progress, "floor %s: %d customers, %d workers", phases[i].Name, opts.N, opts.Parallelism)
		start := time.Now()
		err = floor.run(ctx, phases[i].Name, opts.N)
		phases[i].FloorSeconds = time.Since(start).Seconds()
		phases[i].FloorConnections = readCounts(server.Sim).connections
		transport.CloseIdleConnections()
		if err != nil {
			return err
		}
	}
	return nil
}

// measureTerraform drives terraform through the lifecycle and returns
// observations that are not targets but a reader should know about.
func measureTerraform(ctx context.Context, opts Options, server *simulator.Server, provider *tfrun.Provider,
	certFile, workDir string, phases []PhaseResult, fixedCost *float64) ([]string, error) {
	if err := os.Mkdir(workDir, 0o755); err != nil {
		return nil, err
	}
	env := demoCredentials(server.URL).Env()
	env["SSL_CERT_FILE"] = certFile
	runner := &tfrun.Runner{
		Provider:    provider,
		WorkDir:     workDir,
		Env:         env,
		RSSInterval: opts.RSSInterval,
		Output:      opts.TerraformOutput,
	}
	parallelism := fmt.Sprintf("-parallelism=%d", opts.Parallelism)
	writeConfig := func(generation int) error {
		return os.WriteFile(filepath.Join(workDir, "main.tf"), []byte(GenerateConfig(opts.N, generation)), 0o644)
	}
	var notes []string

	// A plan of zero resources costs what every command pays whatever N is:
	// starting terraform and the provider processes, schemas, configuration.
	// It separates that fixed cost from the per-resource overhead.
	if err := os.WriteFile(filepath.Join(workDir, "main.tf"), []byte(GenerateConfig(0, 1)), 0o644); err != nil {
		return nil, err
	}
	stage(opts.Progress, "terraform fixed cost: plan of 0 resources")
	_, empty, err := runner.PlanHasChanges(ctx)
	if err != nil {
		return nil, fmt.Errorf("terraform plan of 0 resources: %w", err)
	}
	*fixedCost = empty.Duration.Seconds()

	if err := writeConfig(1); err != nil {
		return nil, err
	}

	for i := range phases {
		phase := &phases[i]
		if phase.Name == PhaseUpdate {
			if err := writeConfig(2); err != nil {
				return nil, err
			}
		}
		server.Sim.ResetStats()
		stage(opts.Progress, "terraform %s: %d resources, %s", phase.Name, opts.N, parallelism)
		var (
			result *tfrun.Result
			err    error
		)
		switch phase.Name {
		case PhaseCreate, PhaseUpdate:
			result, err = runner.Apply(ctx, parallelism)
		case PhaseRefresh:
			var changes bool
			changes, result, err = runner.PlanHasChanges(ctx, parallelism)
			if changes {
				notes = append(notes, "the refresh plan after create was not empty (perpetual diff)")
			}
		case PhaseDestroy:
			result, err = runner.Destroy(ctx, parallelism)
		}
		if err != nil {
			return nil, fmt.Errorf("terraform %s phase: %w", phase.Name, err)
		}
		counts := readCounts(server.Sim)
		phase.WallSeconds = result.Duration.Seconds()
		phase.Calls = counts.calls
		phase.Connections = counts.connections
		phase.Faults = counts.faults
		phase.ProviderPeakRSSMiB = float64(result.ProviderPeakRSS) / (1 << 20)
		phase.ProviderProcesses = result.ProviderProcesses
		phase.ProviderCPUSeconds = result.ProviderCPU.Seconds()
		phase.TerraformCPUSeconds = max(0, (result.TotalCPU - result.ProviderCPU).Seconds())

		stored := len(server.Sim.CustomerIDs(simulator.DemoMerchantID))
		switch {
		case phase.Name == PhaseCreate && stored != opts.N:
			notes = append(notes, fmt.Sprintf("after create the simulator holds %d customers, want %d", stored, opts.N))
		case phase.Name == PhaseDestroy && stored != 0:
			notes = append(notes, fmt.Sprintf("after destroy the simulator still holds %d customers", stored))
		}
	}
	return notes, nil
}

// terraformVersion reads `terraform version -json`; the benchmark still runs
// without it, so failures just leave the field empty.
func terraformVersion(ctx context.Context) string {
	out, err := exec.CommandContext(ctx, "terraform", "version", "-json").Output()
	if err != nil {
		return ""
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if json.Unmarshal(out, &v) != nil {
		return ""
	}
	return v.Version
}

// busyLoad is the 1-minute load average above which a run's timings are
// flagged as taken on a busy machine.
const busyLoad = 1.0

// loadAverage reads the 1-minute load average from /proc/loadavg; zero where
// it is unavailable.
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) == 0 {
		return 0
	}
	value, err := strconv.ParseFloat(fields[0], 64)
	if err != nil {
		return 0
	}
	return value
}
