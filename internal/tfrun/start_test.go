package tfrun

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"testing"
	"time"
)

// fakeTerraformVar makes the test binary act as a stand-in for terraform (see TestMain), so that
// signal handling is Go's own: a shell started with SIGINT ignored (a background job) could not
// trap it, and the test would depend on how it was launched.
const fakeTerraformVar = "TFRUN_TEST_FAKE_TERRAFORM"

func TestMain(m *testing.M) {
	switch os.Getenv(fakeTerraformVar) {
	case "":
		os.Exit(m.Run())
	case "interruptible":
		// Like terraform apply: report progress, and on the first interrupt finish up and exit 1.
		interrupts := make(chan os.Signal, 1)
		signal.Notify(interrupts, os.Interrupt)
		fmt.Println("resource.a: Creation complete after 0s")
		<-interrupts
		fmt.Println("Interrupt received.")
		fmt.Fprintln(os.Stderr, "Error: execution halted")
		os.Exit(1)
	default:
		fmt.Println("Apply complete!")
		os.Exit(0)
	}
}

// fakeRunner runs the test binary as terraform in the given mode.
func fakeRunner(t *testing.T, mode string) *Runner {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return &Runner{WorkDir: t.TempDir(), Terraform: self, Env: map[string]string{fakeTerraformVar: mode}}
}

func TestStartWaitForOutputAndInterrupt(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	started, err := fakeRunner(t, "interruptible").StartApply(ctx, "-parallelism=3")
	if err != nil {
		t.Fatal(err)
	}
	if err := started.WaitForOutput(ctx, "Creation complete"); err != nil {
		t.Fatal(err)
	}
	if err := started.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	result, err := started.Wait()
	var exitErr *ExitError
	if !errors.As(err, &exitErr) || result.ExitCode != 1 {
		t.Fatalf("Wait: result %+v, err %v; want an *ExitError with exit code 1", result, err)
	}
	if !strings.Contains(result.Stdout, "Interrupt received.") || result.Stderr != "Error: execution halted\n" {
		t.Errorf("stdout %q, stderr %q; want the fake's reaction to the interrupt", result.Stdout, result.Stderr)
	}
	if got := strings.Join(result.Args, " "); got != "apply -auto-approve -input=false -no-color -parallelism=3" {
		t.Errorf("args = %q", got)
	}
}

func TestStartWaitForOutputEndsWithTheProcess(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	started, err := fakeRunner(t, "quick").Start(ctx, "apply")
	if err != nil {
		t.Fatal(err)
	}
	if err := started.WaitForOutput(ctx, "never printed"); !errors.Is(err, errExitedWithoutOutput) {
		t.Errorf("WaitForOutput = %v, want errExitedWithoutOutput", err)
	}
	// Output printed before the wait started still counts.
	if err := started.WaitForOutput(ctx, "Apply complete!"); err != nil {
		t.Errorf("WaitForOutput after exit = %v", err)
	}
	if result, err := started.Wait(); err != nil || result.ExitCode != 0 {
		t.Errorf("Wait = %+v, %v; want success", result, err)
	}
}

func TestStartWaitForOutputStopsWithContext(t *testing.T) {
	started, err := fakeRunner(t, "interruptible").Start(t.Context(), "apply")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = started.Signal(os.Interrupt)
		_, _ = started.Wait()
	})
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if err := started.WaitForOutput(ctx, "never printed"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitForOutput = %v, want the context's deadline", err)
	}
}
