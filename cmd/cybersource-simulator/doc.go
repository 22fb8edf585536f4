// Command cybersource-simulator serves the stateful CyberSource TMS simulator (internal/simulator:
// customers, their shipping addresses and payment instruments, instrument identifiers) on a
// loopback address, so the provider, the examples, scripts and the official SDKs can run without
// CyberSource credentials. Run it with -help for usage.
package main
