package tfrun

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// Runner runs terraform commands in one working directory against a built
// provider. It is safe to reuse for successive commands; it is not meant for
// concurrent commands in the same WorkDir (terraform locks the state anyway).
type Runner struct {
	Provider *Provider
	// WorkDir holds the *.tf files and the local state.
	WorkDir string
	// Env adds variables (credentials, SSL_CERT_FILE, TF_LOG, ...) on top of
	// the sanitised parent environment; see environment.
	Env map[string]string
	// Terraform is the terraform executable; empty means "terraform" on PATH.
	Terraform string
	// RSSInterval, when positive, samples the provider processes' peak RSS
	// during every command at that interval (see RSSSampler).
	RSSInterval time.Duration
	// Output, when set, also receives the commands' stdout and stderr as they
	// run (for -v style progress); the Result still holds both.
	Output io.Writer
}

// Result is what one terraform command produced.
type Result struct {
	Args     []string
	Stdout   string
	Stderr   string
	ExitCode int
	Duration time.Duration
	// ProviderPeakRSS is the largest VmHWM, in bytes, of any provider process
	// the command started; zero unless Runner.RSSInterval is set.
	ProviderPeakRSS uint64
	// ProviderProcesses counts the provider processes the sampler saw.
	ProviderProcesses int
	// ProviderCPU is the provider processes' CPU time as sampled (zero
	// unless Runner.RSSInterval is set); TotalCPU is terraform's CPU time
	// including every child it waited for, the provider processes among them.
	ProviderCPU time.Duration
	TotalCPU    time.Duration
}

// ExitError reports a terraform command that ran but exited non-zero. It
// carries the whole Result so callers can assert on terraform's diagnostics.
type ExitError struct {
	Result *Result
}

func (e *ExitError) Error() string {
	return fmt.Sprintf("terraform %s: exit code %d\n%s", strings.Join(e.Result.Args, " "), e.Result.ExitCode, tail(e.Result.Stderr, 4000))
}

// tail keeps the end of long output, where terraform prints its diagnostics.
func tail(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	return "…" + s[len(s)-limit:]
}

// LookTerraform returns the terraform executable on PATH, for tests that skip
// when it is missing.
func LookTerraform() (string, error) {
	return exec.LookPath("terraform")
}

// Run executes terraform with args. A non-zero exit is returned as an
// *ExitError together with the Result; other errors mean terraform could not
// be started at all.
func (r *Runner) Run(ctx context.Context, args ...string) (*Result, error) {
	terraform := r.Terraform
	if terraform == "" {
		terraform = "terraform"
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, terraform, args...)
	cmd.Dir = r.WorkDir
	cmd.Env = r.environment()
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if r.Output != nil {
		cmd.Stdout = io.MultiWriter(&stdout, r.Output)
		cmd.Stderr = io.MultiWriter(&stderr, r.Output)
	}

	var sampler *RSSSampler
	if r.RSSInterval > 0 && r.Provider != nil {
		sampler = StartRSSSampler(r.Provider.Binary, r.RSSInterval)
	}
	start := time.Now()
	runErr := cmd.Run()
	result := &Result{Args: args, Stdout: stdout.String(), Stderr: stderr.String(), Duration: time.Since(start)}
	if sampler != nil {
		sample := sampler.Stop()
		result.ProviderPeakRSS, result.ProviderProcesses, result.ProviderCPU = sample.PeakRSS, sample.Processes, sample.CPU
	}
	if cmd.ProcessState != nil {
		// wait4's rusage covers the process and the descendants it reaped.
		result.TotalCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}

	var exitErr *exec.ExitError
	switch {
	case runErr == nil:
		return result, nil
	case errors.As(runErr, &exitErr):
		result.ExitCode = exitErr.ExitCode()
		return result, &ExitError{Result: result}
	default:
		return result, fmt.Errorf("running terraform %s: %w", strings.Join(args, " "), runErr)
	}
}

// inheritedPrefixes are dropped from the parent environment so that a
// developer's own terraform settings or real CyberSource credentials can never
// leak into a run against the simulator.
var inheritedPrefixes = []string{"TF_", "CYBERSOURCE_", "CHECKPOINT_", "SSL_CERT_"}

func (r *Runner) environment() []string {
	vars := map[string]string{}
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if !hasAnyPrefix(name, inheritedPrefixes) {
			vars[name] = value
		}
	}
	if r.Provider != nil {
		vars["TF_CLI_CONFIG_FILE"] = r.Provider.CLIConfigFile
	}
	vars["CHECKPOINT_DISABLE"] = "1"
	vars["TF_IN_AUTOMATION"] = "1"
	vars["TF_INPUT"] = "0"
	for name, value := range r.Env {
		vars[name] = value
	}
	env := make([]string, 0, len(vars))
	for name, value := range vars {
		env = append(env, name+"="+value)
	}
	sort.Strings(env)
	return env
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
