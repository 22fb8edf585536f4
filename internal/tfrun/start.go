package tfrun

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// Started is a terraform command running in the background (Runner.Start). Tests use it to do
// what a user at a terminal does while terraform runs: watch its output and press Ctrl-C at a
// chosen moment (Signal(os.Interrupt)), then see how it ends (Wait).
type Started struct {
	args   []string
	cmd    *exec.Cmd
	stdout *watchedOutput
	stderr bytes.Buffer
	start  time.Time

	exited  chan struct{} // closed once the process has exited and its output is collected
	waitErr error         // cmd.Wait's error, valid once exited is closed
}

// Start starts terraform with args in the background; see Started. Unlike Run it does not sample
// memory. The command is killed if ctx ends first.
func (r *Runner) Start(ctx context.Context, args ...string) (*Started, error) {
	terraform := r.Terraform
	if terraform == "" {
		terraform = "terraform"
	}
	s := &Started{
		args:   args,
		cmd:    exec.CommandContext(ctx, terraform, args...),
		stdout: newWatchedOutput(),
		exited: make(chan struct{}),
	}
	s.cmd.Dir = r.WorkDir
	s.cmd.Env = r.environment()
	var stdout, stderr io.Writer = s.stdout, &s.stderr
	if r.Output != nil {
		stdout, stderr = io.MultiWriter(stdout, r.Output), io.MultiWriter(stderr, r.Output)
	}
	s.cmd.Stdout, s.cmd.Stderr = stdout, stderr
	s.start = time.Now()
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting terraform %s: %w", strings.Join(args, " "), err)
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		close(s.exited)
	}()
	return s, nil
}

// StartApply starts `terraform apply -auto-approve` with the flags Apply uses and extra ones.
func (r *Runner) StartApply(ctx context.Context, extra ...string) (*Started, error) {
	return r.Start(ctx, withFlags("apply", append([]string{"-auto-approve"}, commonFlags...), extra)...)
}

// errExitedWithoutOutput is returned by WaitForOutput when terraform exits before printing the
// text waited for.
var errExitedWithoutOutput = errors.New("terraform exited before printing the text")

// WaitForOutput returns as soon as terraform's standard output contains text (already printed or
// printed later). It fails when terraform exits without printing it, or when ctx ends first.
func (s *Started) WaitForOutput(ctx context.Context, text string) error {
	for {
		found, changed := s.stdout.contains(text)
		if found {
			return nil
		}
		select {
		case <-changed:
		case <-s.exited:
			if found, _ := s.stdout.contains(text); found {
				return nil
			}
			return fmt.Errorf("waiting for %q: %w", text, errExitedWithoutOutput)
		case <-ctx.Done():
			return fmt.Errorf("waiting for %q: %w", text, ctx.Err())
		}
	}
}

// Signal sends sig to the terraform process (not to the provider processes it started: terraform
// forwards a stop to them itself, as it does when a terminal delivers Ctrl-C).
func (s *Started) Signal(sig os.Signal) error {
	return s.cmd.Process.Signal(sig)
}

// Wait waits for terraform to exit and returns what it printed. Like Run, a non-zero exit is an
// *ExitError carrying the Result; ExitCode is -1 when a signal killed terraform.
func (s *Started) Wait() (*Result, error) {
	<-s.exited
	result := &Result{
		Args:     s.args,
		Stdout:   s.stdout.String(),
		Stderr:   s.stderr.String(),
		Duration: time.Since(s.start),
	}
	state := s.cmd.ProcessState
	if state != nil {
		result.TotalCPU = state.UserTime() + state.SystemTime()
	}
	if s.waitErr == nil {
		return result, nil
	}
	if state != nil && !state.Success() {
		result.ExitCode = state.ExitCode()
		return result, &ExitError{Result: result}
	}
	return result, fmt.Errorf("running terraform %s: %w", strings.Join(s.args, " "), s.waitErr)
}

// watchedOutput collects a command's output and wakes up whoever waits for new output.
type watchedOutput struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{} // closed and replaced on every write
}

func newWatchedOutput() *watchedOutput {
	return &watchedOutput{changed: make(chan struct{})}
}

func (w *watchedOutput) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	close(w.changed)
	w.changed = make(chan struct{})
	return n, err
}

// contains reports whether the output so far contains text, and returns the channel that is
// closed on the next write.
func (w *watchedOutput) contains(text string) (bool, <-chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return bytes.Contains(w.buf.Bytes(), []byte(text)), w.changed
}

func (w *watchedOutput) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
