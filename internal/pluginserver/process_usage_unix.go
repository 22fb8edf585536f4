//go:build unix

package pluginserver

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// readProcessUsage fills in the kernel's CPU accounting of this process and, on Linux, its peak
// resident set. getrusage's own ru_maxrss is not used: Linux carries it over from the parent
// across fork and exec, so a plugin started by Terraform would report Terraform's peak.
func readProcessUsage(stats *ProcessStats) {
	var usage syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &usage) == nil {
		stats.UserCPUSeconds = seconds(usage.Utime)
		stats.SystemCPUSeconds = seconds(usage.Stime)
	}
	stats.MaxRSSBytes = peakRSS("/proc/self/status")
}

func seconds(tv syscall.Timeval) float64 {
	return float64(tv.Sec) + float64(tv.Usec)/1e6
}

// peakRSS reads the "VmHWM:   12345 kB" line of a /proc status file; zero when there is none.
func peakRSS(statusPath string) uint64 {
	f, err := os.Open(statusPath)
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		rest, found := strings.CutPrefix(scanner.Text(), "VmHWM:")
		if !found {
			continue
		}
		kib, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
		if err != nil {
			return 0
		}
		return kib << 10
	}
	return 0
}
