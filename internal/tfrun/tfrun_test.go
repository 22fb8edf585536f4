package tfrun

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCLIConfigMapsRegistryAddressToDirectory(t *testing.T) {
	dir := t.TempDir()
	path, err := WriteCLIConfig(dir, "/opt/providers")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		`"registry.terraform.io/cybersource-tf/cybersource" = "/opt/providers"`,
		"dev_overrides {",
		"direct {}",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("CLI config lacks %q:\n%s", want, text)
		}
	}
}

func TestParseVmHWM(t *testing.T) {
	tests := []struct {
		name   string
		status string
		want   uint64
		ok     bool
	}{
		{"present", "Name:\tx\nVmPeak:\t  9000 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1000 kB\n", 2048 * 1024, true},
		{"missing", "Name:\tx\nVmRSS:\t 1000 kB\n", 0, false},
		{"odd unit", "VmHWM:\t 12 MB\n", 0, false},
		{"not a number", "VmHWM:\t lots kB\n", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseVmHWM(bufio.NewScanner(strings.NewReader(tt.status)))
			if got != tt.want || ok != tt.ok {
				t.Errorf("parseVmHWM = %d, %v; want %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseCPUTime(t *testing.T) {
	// A command name with spaces and a parenthesis must not shift the fields.
	stat := "4242 (weird) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 8 0 1000 0 0"
	got, ok := parseCPUTime(stat)
	if !ok || got != 3250*time.Millisecond {
		t.Errorf("parseCPUTime = %v, %v; want 3.25s, true", got, ok)
	}
	if _, ok := parseCPUTime("garbage"); ok {
		t.Error("parseCPUTime accepted a line without a command name")
	}
	if _, ok := parseCPUTime("1 (x) S 1 2"); ok {
		t.Error("parseCPUTime accepted a truncated line")
	}
}

func TestCommNameIsTruncatedLikeTheKernel(t *testing.T) {
	if got := commName("/tmp/x/" + ProviderBinaryName); got != "terraform-provi" {
		t.Errorf("commName = %q, want terraform-provi", got)
	}
	if got := commName("/bin/sleep"); got != "sleep" {
		t.Errorf("commName = %q, want sleep", got)
	}
}

// TestRSSSamplerFindsProcessByBinary samples synchronously while a child is
// known to be alive, so the result does not depend on timing.
func TestRSSSamplerFindsProcessByBinary(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc on this system")
	}
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep binary")
	}
	cmd := exec.Command(sleep, "60")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})

	sampler := &RSSSampler{binary: sleep, peaks: map[int]uint64{}, cpu: map[int]time.Duration{}}
	sampler.sample()
	if _, seen := sampler.peaks[cmd.Process.Pid]; !seen {
		t.Fatalf("sampler did not see pid %d started from %s (saw %v)", cmd.Process.Pid, sleep, sampler.peaks)
	}
	other := &RSSSampler{binary: "/nonexistent/" + filepath.Base(sleep), peaks: map[int]uint64{}, cpu: map[int]time.Duration{}}
	other.sample()
	if len(other.peaks) != 0 {
		t.Errorf("sampler for another path matched %v", other.peaks)
	}
}

// fakeTerraform writes a shell script standing in for terraform: it prints
// its arguments and environment and exits with the code in FAKE_EXIT.
func fakeTerraform(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	path := filepath.Join(t.TempDir(), "terraform")
	script := "#!/bin/sh\necho \"args: $*\"\nenv\necho to-stderr >&2\nexit ${FAKE_EXIT:-0}\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRunnerEnvironmentIsSanitised(t *testing.T) {
	t.Setenv("CYBERSOURCE_SHARED_SECRET", "developer-real-secret")
	t.Setenv("TF_LOG", "DEBUG")
	runner := &Runner{
		Provider:  &Provider{Binary: "/p/bin", CLIConfigFile: "/p/cli.tfrc"},
		WorkDir:   t.TempDir(),
		Terraform: fakeTerraform(t),
		Env:       Credentials{MerchantID: "m1", Endpoint: "https://127.0.0.1:1"}.Env(),
	}
	result, err := runner.Apply(context.Background(), "-parallelism=3")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"args: apply -auto-approve -input=false -no-color -parallelism=3",
		"TF_CLI_CONFIG_FILE=/p/cli.tfrc",
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"CYBERSOURCE_MERCHANT_ID=m1",
		"CYBERSOURCE_ENDPOINT=https://127.0.0.1:1",
	} {
		if !strings.Contains(result.Stdout, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	for _, unwanted := range []string{"developer-real-secret", "TF_LOG=DEBUG", "CYBERSOURCE_KEY_ID="} {
		if strings.Contains(result.Stdout, unwanted) {
			t.Errorf("stdout contains %q, which should not have been passed on", unwanted)
		}
	}
	if result.Stderr != "to-stderr\n" {
		t.Errorf("stderr = %q", result.Stderr)
	}
}

func TestRunnerExitCodes(t *testing.T) {
	runner := &Runner{WorkDir: t.TempDir(), Terraform: fakeTerraform(t), Env: map[string]string{}}
	ctx := context.Background()

	runner.Env["FAKE_EXIT"] = "2"
	changes, result, err := runner.PlanHasChanges(ctx)
	if err != nil || !changes {
		t.Errorf("exit 2: changes=%v err=%v, want changes and no error", changes, err)
	}
	if !strings.Contains(result.Stdout, "-detailed-exitcode") {
		t.Errorf("plan did not pass -detailed-exitcode: %q", result.Stdout)
	}

	runner.Env["FAKE_EXIT"] = "0"
	if changes, _, err := runner.PlanHasChanges(ctx); err != nil || changes {
		t.Errorf("exit 0: changes=%v err=%v, want neither", changes, err)
	}

	runner.Env["FAKE_EXIT"] = "1"
	_, err = runner.Destroy(ctx)
	var exitErr *ExitError
	if !errors.As(err, &exitErr) || exitErr.Result.ExitCode != 1 {
		t.Fatalf("exit 1: err = %v, want *ExitError with code 1", err)
	}
	if !strings.Contains(err.Error(), "to-stderr") {
		t.Errorf("ExitError message lacks stderr: %v", err)
	}
}

func TestCredentialsEnvOmitsEmptyValues(t *testing.T) {
	env := Credentials{MerchantID: "m", SharedSecret: "s"}.Env()
	if len(env) != 2 || env["CYBERSOURCE_MERCHANT_ID"] != "m" || env["CYBERSOURCE_SHARED_SECRET"] != "s" {
		t.Errorf("Env() = %v", env)
	}
}

func TestModuleRootHasGoMod(t *testing.T) {
	root, err := ModuleRoot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Errorf("module root %s has no go.mod: %v", root, err)
	}
}

func TestTerraformVersion(t *testing.T) {
	if _, err := LookTerraform(); err != nil {
		t.Skip("terraform is not on PATH")
	}
	v, err := TerraformVersion(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if v.Segments()[0] < 1 {
		t.Errorf("version %s is not a Terraform 1.x", v)
	}
}
