// Package tfrun drives the real terraform binary against a freshly built
// provider through a dev_overrides CLI configuration.
//
// It exists for the end-to-end tests and the benchmark, which must measure
// what a user runs — terraform core, the plugin protocol and the provider
// process — rather than the provider's Go code in isolation as
// terraform-plugin-testing does. It is plain Go: it builds the provider with
// `go build`, writes a throwaway CLI configuration, runs terraform commands
// with a controlled environment and reads state back as JSON. It never runs
// `terraform init`: under dev_overrides the overridden provider needs no
// installation, and init would try to reach the registry, which fails offline.
//
// It also samples the peak resident memory (VmHWM) of the provider processes
// terraform starts, for the benchmark's memory target.
package tfrun
