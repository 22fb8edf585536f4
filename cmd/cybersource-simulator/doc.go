// Command cybersource-simulator serves the stateful CyberSource TMS customer simulator
// (internal/simulator) on a loopback address, so the provider, the examples and scripts can run
// without CyberSource credentials. Run it with -help for usage.
package main
