//go:build !unix

package pluginserver

// readProcessUsage leaves the kernel figures at zero where getrusage does not exist (Windows).
func readProcessUsage(*ProcessStats) {}
