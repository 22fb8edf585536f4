package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/bench/floorprovider"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/pluginserver"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/tfrun"
)

// subject is one provider a run drives through the lifecycle.
type subject struct {
	// name is used in progress lines and directory names.
	name     string
	provider *tfrun.Provider
	// config generates the configuration of n resources; the update phase
	// moves from generation 1 to 2, which changes one attribute of each.
	config func(n, generation int) string
	// env is added to the run's environment for this subject's commands.
	env map[string]string
}

const (
	subjectProvider      = "provider"
	subjectFloorProvider = "floor-provider"
)

// floorTarget builds the floor provider next to the provider.
var floorTarget = tfrun.Target{
	Package: "./internal/bench/floorprovider/cmd/terraform-provider-cybersourcefloor",
	Address: floorprovider.Address,
}

// newSubjects pairs the built binaries with their configurations. The floor
// provider is served stock, so its SDK loggers are switched off through the
// environment; our provider switches the same loggers off itself when
// Terraform keeps no provider logs (internal/pluginserver/quiet_logs.go), as
// here. Both then run with every logger off and differ only in their code,
// unless sdkLogs asks to measure the floor provider with the SDK's defaults.
func newSubjects(provider, floor *tfrun.Provider, sdkLogs bool) []subject {
	floorEnv := pluginserver.LoggersOffEnvironment(floorprovider.TypeName)
	if sdkLogs {
		floorEnv = nil
	}
	return []subject{
		{name: subjectProvider, provider: provider, config: GenerateConfig},
		{name: subjectFloorProvider, provider: floor, config: GenerateFloorConfig, env: floorEnv},
	}
}

// commandMeasure is what one terraform command of a phase measured.
type commandMeasure struct {
	wallSeconds         float64
	counts              simCounts
	peakRSSMiB          float64
	processes           int
	cpuSeconds          float64 // the provider processes'
	terraformCPUSeconds float64 // terraform's own, without the provider processes
	allocBytes          uint64
	runtime             string // the provider processes' runtime settings
	note                string // set when the exit reports were incomplete
}

// runDirs are where one run keeps its files.
type runDirs struct {
	root    string // the run's temporary directory
	profile string // Options.ProfileDir, or ""
}

// commandDirs returns (and creates) the stats directory of one command and,
// when profiling, its profile directory.
func (d runDirs) commandDirs(parts ...string) (stats, profile string, err error) {
	stats = filepath.Join(append([]string{d.root, "stats"}, parts...)...)
	if err := os.MkdirAll(stats, 0o755); err != nil {
		return "", "", err
	}
	if d.profile == "" {
		return stats, "", nil
	}
	profile = filepath.Join(append([]string{d.profile}, parts...)...)
	return stats, profile, os.MkdirAll(profile, 0o755)
}

// lifecycle drives one subject through the phases in a fresh working
// directory and measures every command.
type lifecycle struct {
	opts    Options
	server  *simulator.Server
	dirs    runDirs
	baseEnv map[string]string // credentials and SSL_CERT_FILE
	repeat  int
}

// run returns one measure per phase, in Phases order, and the observations a
// reader should know about.
func (l *lifecycle) run(ctx context.Context, s subject) ([]commandMeasure, []string, error) {
	workDir := filepath.Join(l.dirs.root, fmt.Sprintf("work-%d-%s", l.repeat, s.name))
	if err := os.Mkdir(workDir, 0o755); err != nil {
		return nil, nil, err
	}
	runner := &tfrun.Runner{Provider: s.provider, WorkDir: workDir, Env: map[string]string{},
		RSSInterval: l.opts.RSSInterval, Output: l.opts.TerraformOutput}
	for _, env := range []map[string]string{l.baseEnv, s.env} {
		for name, value := range env {
			runner.Env[name] = value
		}
	}
	var notes []string
	if stored := l.stored(); stored != 0 {
		notes = append(notes, fmt.Sprintf("before the %s lifecycle the simulator holds %d customers, want 0", s.name, stored))
	}
	parallelism := fmt.Sprintf("-parallelism=%d", l.opts.Parallelism)
	measures := make([]commandMeasure, len(Phases))
	for i, phase := range Phases {
		generation := 1
		if phase == PhaseUpdate || phase == PhaseDestroy {
			generation = 2
		}
		if err := os.WriteFile(filepath.Join(workDir, "main.tf"), []byte(s.config(l.opts.N, generation)), 0o644); err != nil {
			return nil, nil, err
		}
		stage(l.opts.Progress, "terraform %s %s: %d resources, %s", s.name, phase, l.opts.N, parallelism)
		measure, note, err := l.command(ctx, runner, s.name, phase, parallelism)
		if err != nil {
			return nil, nil, fmt.Errorf("terraform %s phase (%s): %w", phase, s.name, err)
		}
		measures[i] = measure
		notes = appendNonEmpty(notes, note, measure.note, l.checkStored(s.name, phase))
	}
	return measures, notes, nil
}

// command runs one phase's terraform command with fresh simulator counters
// and reads everything it measured.
func (l *lifecycle) command(ctx context.Context, runner *tfrun.Runner, subjectName, phase, parallelism string) (commandMeasure, string, error) {
	statsDir, profileDir, err := l.dirs.commandDirs(fmt.Sprint(l.repeat), subjectName, phase)
	if err != nil {
		return commandMeasure{}, "", err
	}
	runner.Env[pluginserver.StatsDirVariable] = statsDir
	if profileDir != "" {
		runner.Env[pluginserver.ProfileDirVariable] = profileDir
	}
	l.server.Sim.ResetStats()
	var (
		result *tfrun.Result
		note   string
	)
	switch phase {
	case PhaseCreate, PhaseUpdate:
		result, err = runner.Apply(ctx, parallelism)
	case PhaseRefresh:
		var changes bool
		changes, result, err = runner.PlanHasChanges(ctx, parallelism)
		if changes {
			note = fmt.Sprintf("the %s refresh plan after create was not empty (perpetual diff)", subjectName)
		}
	case PhaseDestroy:
		result, err = runner.Destroy(ctx, parallelism)
	}
	if err != nil {
		return commandMeasure{}, "", err
	}
	measure, err := measureCommand(result, readCounts(l.server.Sim), statsDir)
	return measure, note, err
}

// stored is how many customers the simulator holds for the demo merchant.
func (l *lifecycle) stored() int {
	return len(l.server.Sim.CustomerIDs(simulator.DemoMerchantID))
}

// checkStored says when create did not leave N customers or destroy left any.
func (l *lifecycle) checkStored(subjectName, phase string) string {
	stored := l.stored()
	switch {
	case phase == PhaseCreate && stored != l.opts.N:
		return fmt.Sprintf("after the %s create the simulator holds %d customers, want %d", subjectName, stored, l.opts.N)
	case phase == PhaseDestroy && stored != 0:
		return fmt.Sprintf("after the %s destroy the simulator still holds %d customers", subjectName, stored)
	}
	return ""
}

func appendNonEmpty(notes []string, candidates ...string) []string {
	for _, note := range candidates {
		if note != "" {
			notes = append(notes, note)
		}
	}
	return notes
}
