// Package pluginserver serves the provider to Terraform over plugin protocol 6. It is what
// providerserver.Serve does, plus corrections for costs the plugin SDK and the Go runtime's
// defaults impose on a provider, all measured with the benchmark harness (cmd/cybersource-bench):
//
//   - terraform-plugin-framework v1.19.0 keeps the cancel function of every RPC's context until
//     StopProvider, which Terraform never sends in a normal run; each one pins the whole RPC
//     context, including the per-request loggers the SDK builds. The provider's memory grew with
//     every resource (over 150 MiB peak RSS at 1000 resources). See releasing_server.go.
//   - the SDK logs every RPC at TRACE to stderr as JSON whatever the level Terraform will keep,
//     and Terraform parses every line before dropping it. When Terraform discards all provider
//     output the provider now does not produce it. See quiet_logs.go.
//   - with Go's defaults a provider process, whose live heap is a few MiB, collects garbage every
//     few MiB it allocates and keeps idle processors spinning; the provider now chooses its own
//     GC target, processor count and memory limit unless the user set GOGC, GOMAXPROCS or
//     GOMEMLIMIT. See runtime_settings.go.
//
// It also lets a provider process report its own CPU time, peak RSS and allocations, and write
// profiles, when the benchmark asks (process_reports.go). docs/development/framework-costs.md
// lists what remains in the SDK, with upstream-ready reports.
package pluginserver
