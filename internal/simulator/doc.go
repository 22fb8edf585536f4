// Package simulator is a stateful, in-memory stand-in for the CyberSource Token Management Service
// customer API (tms-api.md §1–§5). It exists so that the client, the provider, the benchmark harness
// and users without credentials can exercise the full request path offline.
//
// It deliberately imports neither internal/client nor internal/provider: every check here (request
// signatures, digests, JWTs, field limits, merge-patch semantics) is written again from tms-api.md,
// so the simulator is an independent referee of the code under test rather than its mirror image.
//
// A *Simulator is an http.Handler. Start serves it on a random loopback port (optionally over TLS);
// the Go API lets tests seed and inspect customers, inject faults deterministically and read
// counters, and GET /__simulator/stats exposes the same counters as JSON.
package simulator
