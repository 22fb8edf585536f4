// Package bench is the `make bench` harness: it measures the provider,
// through the real terraform binary, against two floors.
//
// One run builds the provider and the floor provider (floorprovider: a stock
// framework provider with one resource of one attribute), starts the
// simulator in-process with TLS and a fixed latency, and then, Repeat times:
//
//   - issues N creates, reads, updates and deletes directly through
//     internal/client with P workers: the wire floor no provider can beat,
//     the same requests with no terraform in between;
//   - drives terraform through the same lifecycle for N
//     cybersource_tms_customer resources at -parallelism=P, and for N
//     cybersourcefloor_customer resources of the floor provider, one after
//     the other, each from an empty simulator to destroy.
//
// For every phase it reports wall time, floor, overhead per resource, API
// calls per resource by method, connections opened, requests beyond the
// expected ones, the provider's peak RSS, and the provider's CPU time and
// allocations per resource next to the floor provider's. Provider processes
// report their own CPU, peak RSS and allocations as they exit
// (pluginserver.StatsDirVariable). With several repeats the figures are
// medians. It evaluates the targets of the project's performance claims,
// reports misses, and fails only when a phase fails outright.
package bench
