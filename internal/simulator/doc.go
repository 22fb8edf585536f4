// Package simulator is a stateful, in-memory stand-in for the CyberSource Token Management Service:
// customers (tms-api.md §1–§5), their shipping addresses and payment instruments, and instrument
// identifiers (tms-subresources.md §1–§8, following its §11). It exists so that the client, the
// provider, the benchmark harness and users without credentials can exercise the full request path
// offline.
//
// It deliberately imports neither internal/client nor internal/provider: every check here (request
// signatures, digests, JWTs, field limits, merge-patch semantics) is written again from tms-api.md,
// so the simulator is an independent referee of the code under test rather than its mirror image.
//
// A *Simulator is an http.Handler. Start serves it on a random loopback port (optionally over TLS);
// the Go API lets tests seed, inspect and change objects of every kind behind a client's back,
// inject faults deterministically and read counters, and GET /__simulator/stats exposes the same
// counters and objects as JSON.
//
// The code is organised around kinds: kind_*.go describe each kind as data (paths, field limits,
// defaults, references), registry.go lists them and derives the routes, and the store, the
// renderer and the handlers are written once for all of them.
package simulator
