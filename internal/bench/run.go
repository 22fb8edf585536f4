package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// Run performs a whole benchmark: build both providers, start the simulator,
// then Repeat times measure the wire floor and drive the provider and the
// floor provider through the four terraform phases; combine the repeats and
// evaluate the targets. It returns an error only when something could not run
// (a build, the simulator, a phase that failed); missed targets are in the
// report.
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

	stage(opts.Progress, "building provider and floor provider")
	providerDir := filepath.Join(dir, "providers")
	if err := os.Mkdir(providerDir, 0o755); err != nil {
		return nil, err
	}
	built, err := tfrun.BuildTargets(ctx, providerDir, tfrun.BuildOptions{LDFlags: opts.ProviderLDFlags}, tfrun.MainTarget, floorTarget)
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
	env := demoCredentials(server.URL).Env()
	env["SSL_CERT_FILE"] = certFile

	report = &Report{
		N:                opts.N,
		Parallelism:      opts.Parallelism,
		LatencyMS:        float64(opts.Latency) / float64(time.Millisecond),
		TLS:              true,
		TerraformVersion: terraformVersion(ctx),
		GoVersion:        runtime.Version(),
		StartedAt:        started.UTC(),
		CPUs:             runtime.NumCPU(),
		Repeat:           opts.Repeat,
		ProviderLDFlags:  opts.ProviderLDFlags,
	}
	if opts.FloorProviderSDKLogs {
		report.Notes = append(report.Notes, "the floor provider ran with the SDK's default log levels (TRACE, discarded by terraform)")
	}
	report.LoadAverage[0] = loadBefore
	subjects := newSubjects(built[0], built[1], opts.FloorProviderSDKLogs)
	var (
		repeats    [][]PhaseResult
		fixedCosts []float64
		notes      []string
	)
	for r := range opts.Repeat {
		l := &lifecycle{opts: opts, server: server, dirs: runDirs{root: dir, profile: opts.ProfileDir}, baseEnv: env, repeat: r}
		one, err := l.measureAll(ctx, subjects, report)
		if err != nil {
			return nil, err
		}
		repeats = append(repeats, one.phases)
		fixedCosts = append(fixedCosts, one.fixedCostSeconds)
		notes = appendNew(notes, one.notes...)
	}
	if opts.GraphCustomers > 0 {
		graphOpts := opts
		graphOpts.N = opts.GraphCustomers
		stage(opts.Progress, "graph scenario: %d customers with an address, a card token and a payment instrument each", graphOpts.N)
		l := &lifecycle{opts: graphOpts, server: server, dirs: runDirs{root: dir, profile: opts.ProfileDir}, baseEnv: env, repeat: opts.Repeat}
		if report.Graph, err = l.measureGraph(ctx, subjects[0]); err != nil {
			return nil, err
		}
	}
	report.Phases = combineRepeats(repeats, opts.N)
	if opts.Repeat > 1 {
		report.Repeats = repeats
	}
	report.FixedCostSeconds = median(fixedCosts)
	report.LoadAverage[1] = loadAverage()
	// The run itself keeps about two processes busy, so only the load found
	// before it started says whether something else competed for the CPUs.
	if loadBefore >= busyLoad {
		notes = append(notes, fmt.Sprintf("the machine was already busy before the run (load average %.1f on %d CPUs): wall times and overheads are inflated", loadBefore, report.CPUs))
	}
	report.Notes = append(report.Notes, notes...)
	report.Targets = EvaluateTargets(report)
	report.TotalSeconds = time.Since(started).Seconds()
	return report, nil
}

// repeatResult is one repeat's measurements.
type repeatResult struct {
	phases           []PhaseResult
	fixedCostSeconds float64
	notes            []string
}

// measureAll measures one repeat: the wire floor, the fixed cost, then both
// subjects' lifecycles one after the other, each starting from an empty
// simulator and ending with destroy, so neither sees the other's customers.
// Which goes first alternates between repeats, so that neither always runs
// on a machine that the other has just warmed up or loaded.
func (l *lifecycle) measureAll(ctx context.Context, subjects []subject, report *Report) (repeatResult, error) {
	result := repeatResult{phases: make([]PhaseResult, len(Phases))}
	for i, name := range Phases {
		result.phases[i] = PhaseResult{Name: name, ExpectedCalls: expectedCalls(name, l.opts.N)}
	}
	if err := measureFloor(ctx, l.opts, l.server, result.phases); err != nil {
		return result, err
	}
	fixed, err := l.fixedCost(ctx, subjects[0])
	if err != nil {
		return result, err
	}
	result.fixedCostSeconds = fixed

	order := slices.Clone(subjects)
	if l.repeat%2 == 1 {
		slices.Reverse(order)
	}
	for _, s := range order {
		measures, notes, err := l.run(ctx, s)
		if err != nil {
			return result, err
		}
		result.notes = append(result.notes, notes...)
		for i := range result.phases {
			switch s.name {
			case subjectProvider:
				result.phases[i].setProvider(measures[i], l.opts.N)
				report.ProviderRuntime = measures[i].runtime
			case subjectFloorProvider:
				result.phases[i].setFloorProvider(measures[i], l.opts.N)
				report.FloorProviderRuntime = measures[i].runtime
			}
		}
	}
	for i := range result.phases {
		result.phases[i].fill(l.opts.N)
	}
	return result, nil
}

// fixedCost times a plan of zero resources: what every command pays whatever
// N is (starting terraform and the provider processes, schemas,
// configuration). It separates that from the per-resource overhead.
func (l *lifecycle) fixedCost(ctx context.Context, s subject) (float64, error) {
	workDir := filepath.Join(l.dirs.root, fmt.Sprintf("fixed-%d", l.repeat))
	if err := os.Mkdir(workDir, 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(workDir, "main.tf"), []byte(s.config(0, 1)), 0o644); err != nil {
		return 0, err
	}
	stage(l.opts.Progress, "terraform fixed cost: plan of 0 resources")
	runner := &tfrun.Runner{Provider: s.provider, WorkDir: workDir, Env: l.baseEnv, Output: l.opts.TerraformOutput}
	_, result, err := runner.PlanHasChanges(ctx)
	if err != nil {
		return 0, fmt.Errorf("terraform plan of 0 resources: %w", err)
	}
	return result.Duration.Seconds(), nil
}

// appendNew appends the notes not already present, so that a repeated
// observation is reported once.
func appendNew(notes []string, more ...string) []string {
	for _, note := range more {
		if !slices.Contains(notes, note) {
			notes = append(notes, note)
		}
	}
	return notes
}

func stage(w io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(w, "==> "+format+"\n", args...) // progress is best effort
}

// demoCredentials are the simulator's built-in demo merchant
// (internal/simulator/demo.go), which every simulator accepts.
func demoCredentials(endpoint string) tfrun.Credentials {
	return tfrun.Credentials{
		MerchantID:   simulator.DemoMerchantID,
		KeyID:        simulator.DemoKeyID,
		SharedSecret: simulator.DemoSharedSecret,
		Endpoint:     endpoint,
	}
}
