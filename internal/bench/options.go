package bench

import (
	"errors"
	"io"
	"time"
)

// Options configure one benchmark run.
type Options struct {
	// N is the number of customers; Parallelism is terraform's -parallelism
	// and the number of floor workers.
	N           int
	Parallelism int
	// Latency is the simulator's fixed per-request latency.
	Latency time.Duration
	// Repeat is how many times the whole measurement (wire floor, provider,
	// floor provider) runs; the report gives medians. On a 2-core machine one
	// run's CPU figures vary by several percent, so comparisons want 3 or more.
	Repeat int
	// Keep leaves the temporary directory (work dirs, states, provider
	// builds, process stats) in place for inspection.
	Keep bool
	// ProfileDir, when set, receives CPU and allocation profiles of every
	// provider and floor provider process, by repeat, provider and phase.
	ProfileDir string
	// FloorProviderSDKLogs leaves the floor provider's SDK loggers at their
	// defaults (TRACE, which Terraform then discards) instead of OFF: the
	// cost docs/development/framework-costs.md reports as number 8.
	FloorProviderSDKLogs bool
	// ProviderLDFlags are passed to `go build -ldflags` for both providers,
	// e.g. to link other runtime defaults into internal/pluginserver.
	ProviderLDFlags string
	// GraphCustomers is the size of the graph scenario (graph.go): that many customers, each
	// with an address, a card token and a payment instrument. 0 means N/4 (the same number of
	// resources as the customer scenario); negative skips the scenario.
	GraphCustomers int
	// Progress receives one line per stage; nil discards them.
	Progress io.Writer
	// TerraformOutput, when set, also receives terraform's own output.
	TerraformOutput io.Writer
	// RSSInterval is how often the provider's VmHWM is sampled.
	RSSInterval time.Duration
}

// Defaults are the reference run, measured three times: the CPU
// target compares two figures that each move by 10-20 % from one run to the
// next on a shared 2-core machine, and the median of three settles it.
func Defaults() Options {
	return Options{N: 200, Parallelism: 10, Latency: 50 * time.Millisecond, Repeat: 3, RSSInterval: 20 * time.Millisecond}
}

func (o *Options) validate() error {
	switch {
	case o.N < 1:
		return errors.New("n must be at least 1")
	case o.Parallelism < 1:
		return errors.New("parallelism must be at least 1")
	case o.Latency < 0:
		return errors.New("latency must not be negative")
	case o.Repeat < 1:
		return errors.New("repeat must be at least 1")
	}
	if o.RSSInterval <= 0 {
		o.RSSInterval = Defaults().RSSInterval
	}
	if o.GraphCustomers == 0 {
		o.GraphCustomers = max(1, o.N/4)
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	return nil
}
