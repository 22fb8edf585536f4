// Package pluginserver serves the provider to Terraform over plugin protocol 6. It is what
// providerserver.Serve does, plus two corrections for costs the plugin SDK imposes on every RPC,
// both measured with the benchmark harness (cmd/cybersource-bench) at 1000 resources:
//
//   - terraform-plugin-framework v1.19.0 keeps the cancel function of every RPC's context until
//     StopProvider, which Terraform never sends in a normal run; each one pins the whole RPC
//     context, including the per-request loggers the SDK builds. The provider's memory grew with
//     every resource (over 150 MiB peak RSS at 1000 resources). See releasing_server.go.
//   - the SDK logs every RPC at TRACE to stderr as JSON whatever the level Terraform will keep,
//     and Terraform parses every line before dropping it. When Terraform discards all provider
//     output the provider now does not produce it. See quiet_logs.go.
package pluginserver
