// Package bench is the `make bench` harness: it measures the provider,
// through the real terraform binary, against the wire floor.
//
// One run starts the simulator in-process with TLS and a fixed latency,
// issues N creates, reads, updates and deletes directly through
// internal/client with P workers (the floor no provider can beat, since it is
// the same requests with no terraform in between), then drives terraform
// through the same lifecycle for N cybersource_tms_customer resources at
// -parallelism=P. For every phase it reports wall time, floor, overhead per
// resource, API calls per resource by method, connections opened, requests
// beyond the expected ones and the provider's peak RSS, and evaluates the
// targets of the project's performance claims. It reports misses; only a
// phase that fails outright makes the run fail.
package bench
