package bench

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteTable prints the phases, the comparison with the floor provider and
// the targets as aligned text.
func (r *Report) WriteTable(w io.Writer) error {
	out := &stickyWriter{w: w}
	out.printf("cybersource bench: N=%d P=%d latency=%gms tls=%v terraform=%s cpus=%d load(1m)=%.2f→%.2f\n",
		r.N, r.Parallelism, r.LatencyMS, r.TLS, r.TerraformVersion, r.CPUs, r.LoadAverage[0], r.LoadAverage[1])
	if r.Repeat > 1 {
		out.printf("figures are medians of %d repeats (RSS, connections and calls: the worst repeat)\n", r.Repeat)
	}
	out.printf("provider runtime: %s; floor provider runtime: %s\n", orDash(r.ProviderRuntime), orDash(r.FloorProviderRuntime))
	if r.ProviderLDFlags != "" {
		out.printf("providers linked with -ldflags %q\n", r.ProviderLDFlags)
	}
	out.printf("terraform fixed cost (plan of 0 resources): %.2fs\n\n", r.FixedCostSeconds)

	err := writeTabular(out, tabwriter.AlignRight,
		"phase\twall s\tfloor s\tratio\toverhead ms/res\tcalls/res\tconns\tfloor conns\tretries\tfaults\tprovider RSS MiB\tprovider procs\tprovider CPU s\tterraform CPU s\tCPU/floor prov\t",
		func(row func(string, ...any)) {
			for _, p := range r.Phases {
				row("%s\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%d\t%d\t%d\t%d\t%.1f\t%d\t%.2f\t%.2f\t%.2f\t",
					p.Name, p.WallSeconds, p.FloorSeconds, p.Ratio, p.OverheadMSPerResource,
					formatCallsPerResource(p.CallsPerResource), p.Connections, p.FloorConnections,
					p.Retries, p.Faults, p.ProviderPeakRSSMiB, p.ProviderProcesses, p.ProviderCPUSeconds,
					p.TerraformCPUSeconds, p.ProviderCPURatio)
			}
		})
	out.printf("\nprovider vs floor provider (one resource of one attribute, same phases, same simulator):\n")
	err = errors.Join(err, writeTabular(out, tabwriter.AlignRight,
		"phase\tprovider CPU ms/res\tfloor prov CPU ms/res\tCPU ratio\tprovider alloc KiB/res\tfloor prov alloc KiB/res\tfloor prov wall s\tfloor prov RSS MiB\tfloor prov calls\t",
		func(row func(string, ...any)) {
			for _, p := range r.Phases {
				row("%s\t%.2f\t%.2f\t%.2f\t%.0f\t%.0f\t%.2f\t%.1f\t%s\t",
					p.Name, p.ProviderCPUMSPerResource, p.FloorProviderCPUMSPerResource, p.ProviderCPURatio,
					p.ProviderAllocKiBPerResource, p.FloorProviderAllocKiBPerResource,
					p.FloorProviderWallSeconds, p.FloorProviderPeakRSSMiB, formatCalls(p.FloorProviderCalls))
			}
		}))
	if g := r.Graph; g != nil {
		out.printf("\ngraph scenario (%d customers, each with a shipping address, a card token and a payment instrument: %d resources; one run):\n",
			g.Customers, g.Resources)
		err = errors.Join(err, writeTabular(out, 0, "phase\twall s\tprovider CPU ms/res\tcalls per customer\t",
			func(row func(string, ...any)) {
				for _, p := range g.Phases {
					row("%s\t%.2f\t%.2f\t%s\t", p.Name, p.WallSeconds, p.ProviderCPUMSPerResource, formatGraphCalls(p.CallsPerCustomer))
				}
			}))
	}
	out.printf("\n")
	err = errors.Join(err, writeTabular(out, 0, "target\tphase\twant\tgot\tresult\t", func(row func(string, ...any)) {
		for _, t := range r.Targets {
			status := "MISS"
			if t.Pass {
				status = "PASS"
			}
			if t.Note != "" {
				status += " (" + t.Note + ")"
			}
			row("%s\t%s\t%s\t%s\t%s\t", t.Name, t.Phase, t.Want, t.Got, status)
		}
	}))
	if err != nil {
		return err
	}
	for _, note := range r.Notes {
		out.printf("note: %s\n", note)
	}
	out.printf("\ntotal %.1fs\n", r.TotalSeconds)
	return out.err
}

// writeTabular prints a header and the rows rows emits as one aligned table.
func writeTabular(w io.Writer, flags uint, header string, rows func(row func(format string, args ...any))) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', flags)
	table := &stickyWriter{w: tw}
	table.printf("%s\n", header)
	rows(func(format string, args ...any) { table.printf(format+"\n", args...) })
	return errors.Join(table.err, tw.Flush())
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// stickyWriter keeps the first write error so a table can be printed with
// plain printf calls and checked once at the end.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}

func (s *stickyWriter) printf(format string, args ...any) {
	_, _ = fmt.Fprintf(s, format, args...) // the error is kept in s.err
}
