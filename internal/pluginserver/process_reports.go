package pluginserver

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// Two variables make a provider process report on itself when it exits, for the benchmark
// (internal/bench) and for anyone reproducing docs/development/framework-costs.md. Unset, nothing
// is measured and nothing is written. The plugin process inherits Terraform's environment, so they
// are set for the terraform command, e.g.
//
//	CYBERSOURCE_PROVIDER_PROFILE_DIR=/tmp/prof terraform apply
const (
	// StatsDirVariable names a directory for <pid>.stats.json (ProcessStats). It costs nothing
	// while the process runs, so the benchmark always sets it: a process's own CPU time read at
	// exit is exact, where sampling /proc from outside misses each process's last interval.
	StatsDirVariable = "CYBERSOURCE_PROVIDER_STATS_DIR"
	// ProfileDirVariable names a directory for <pid>.cpu.pprof, a CPU profile of the whole
	// process, and <pid>.allocs.pprof, every allocation site since start, written at exit.
	// `go tool pprof` reads several files at once.
	ProfileDirVariable = "CYBERSOURCE_PROVIDER_PROFILE_DIR"
)

// StartProcessReports starts what the two variables ask for and returns the function that writes
// the reports; call it once the server has stopped. With neither variable set both are no-ops.
func StartProcessReports(getenv func(string) string) (finish func() error) {
	statsDir, profileDir := getenv(StatsDirVariable), getenv(ProfileDirVariable)
	pid := fmt.Sprint(os.Getpid())
	var finishers []func() error
	if profileDir != "" {
		finishers = append(finishers, startProfiles(filepath.Join(profileDir, pid)))
	}
	if statsDir != "" {
		finishers = append(finishers, func() error {
			return writeFile(filepath.Join(statsDir, pid+".stats.json"), func(f *os.File) error {
				return json.NewEncoder(f).Encode(readProcessStats())
			})
		})
	}
	return func() error {
		var errs []error
		for _, finish := range finishers {
			errs = append(errs, finish())
		}
		return errors.Join(errs...)
	}
}

// startProfiles starts the CPU profile and returns what stops it and writes the allocations.
// The allocation profile keeps Go's default sampling (one sample per 512 KiB): a finer rate
// showed up as a tenth of the CPU profile (stack unwinding for every sample), and a provider
// allocates gigabytes in a benchmark run, which is plenty of samples; exact totals are in the
// stats file.
func startProfiles(prefix string) func() error {
	cpu, err := os.Create(prefix + ".cpu.pprof")
	if err == nil {
		if err = pprof.StartCPUProfile(cpu); err != nil {
			err = errors.Join(err, cpu.Close())
		}
	}
	startErr := err
	return func() error {
		errs := []error{startErr}
		if startErr == nil {
			pprof.StopCPUProfile()
			errs = append(errs, cpu.Close())
		}
		errs = append(errs, writeFile(prefix+".allocs.pprof", func(f *os.File) error {
			return pprof.Lookup("allocs").WriteTo(f, 0)
		}))
		return errors.Join(errs...)
	}
}

func writeFile(path string, write func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	return errors.Join(write(f), f.Close())
}
