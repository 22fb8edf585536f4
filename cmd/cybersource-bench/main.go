// Command cybersource-bench measures the provider through the real terraform
// binary against the wire floor (the same requests issued directly through the
// client) and against the floor provider (a one-attribute framework provider,
// internal/bench/floorprovider) on the in-process simulator with TLS and a
// fixed latency, and reports wall time, overhead per resource, API calls,
// connections, retries, the provider's peak RSS and its CPU per resource next
// to the floor provider's, per lifecycle phase, with the project's targets.
//
// Usage:
//
//	go run ./cmd/cybersource-bench [-n 200] [-p 10] [-latency 50ms] [-repeat 1] [-json bench.json]
//	    [-graph-n 50] [-profile dir] [-provider-ldflags flags] [-floor-provider-sdk-logs] [-keep] [-v]
//
// It needs Go and terraform on PATH and exits non-zero only when a phase
// fails; missed targets are reported as MISS.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/bench"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		// -h printed the usage; asking for help is not a failure.
	case err != nil:
		fmt.Fprintln(os.Stderr, "cybersource-bench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	opts := bench.Defaults()
	flags := flag.NewFlagSet("cybersource-bench", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.IntVar(&opts.N, "n", opts.N, "number of customers (terraform resources)")
	flags.IntVar(&opts.Parallelism, "p", opts.Parallelism, "terraform -parallelism and floor workers")
	flags.DurationVar(&opts.Latency, "latency", opts.Latency, "simulator latency per request")
	flags.IntVar(&opts.Repeat, "repeat", opts.Repeat, "measure everything this many times and report medians (3 or more for CPU comparisons on a small machine)")
	flags.StringVar(&opts.ProfileDir, "profile", "", "write CPU and allocation profiles of every provider process under this directory")
	flags.BoolVar(&opts.FloorProviderSDKLogs, "floor-provider-sdk-logs", false, "leave the floor provider's SDK loggers at TRACE (discarded by terraform) instead of OFF, to measure that cost")
	flags.StringVar(&opts.ProviderLDFlags, "provider-ldflags", "", "go build -ldflags for both providers, e.g. to link other runtime defaults into internal/pluginserver")
	flags.IntVar(&opts.GraphCustomers, "graph-n", 0, "customers of the graph scenario (each with an address, a card token and a payment instrument); 0 means n/4, negative skips it")
	jsonPath := flags.String("json", "", "also write the report as JSON to this path")
	flags.BoolVar(&opts.Keep, "keep", false, "keep the temporary directory (provider builds, work dirs, states, exit reports)")
	verbose := flags.Bool("v", false, "show terraform's own output")
	if err := flags.Parse(args); err != nil {
		return err
	}
	opts.Progress = stderr
	if *verbose {
		opts.TerraformOutput = stderr
	}

	// Cancel on Ctrl-C so the deferred cleanup (simulator, temp dir) runs.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	report, err := bench.Run(ctx, opts)
	if err != nil {
		return err
	}
	if err := report.WriteTable(stdout); err != nil {
		return err
	}
	if *jsonPath != "" {
		if err := report.WriteJSON(*jsonPath); err != nil {
			return fmt.Errorf("writing JSON report: %w", err)
		}
		_, _ = fmt.Fprintf(stderr, "wrote %s\n", *jsonPath) // progress is best effort
	}
	return nil
}
