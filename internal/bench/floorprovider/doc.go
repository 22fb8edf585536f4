// Package floorprovider is the benchmark's floor provider: the smallest provider built on
// terraform-plugin-framework that still does the work of a real one. It has one resource,
// cybersourcefloor_customer, with one configurable attribute (name, sent as the customer's
// merchantCustomerID) and the computed id, and makes exactly one API call per CRUD operation
// through internal/client, so it signs and connects exactly as the provider does.
//
// `make bench` runs it through the same phases, against the same simulator, in the same run as the
// provider (issue 12). Whatever the provider costs per resource beyond this floor is the price of
// its schema (twelve attributes, sixteen with the nested timeouts; validators, plan modifiers,
// identity) and of its own code; the floor itself is what the framework and the plugin protocol
// cost a provider that does nothing else.
//
// It is deliberately stock: served by providerserver.Serve, with no plan modifiers, validators,
// private state or logging of its own, and with Go's runtime defaults. The benchmark switches the
// SDK's loggers off through the environment (see internal/bench), the state our own
// internal/pluginserver puts the provider in when Terraform keeps no provider logs.
package floorprovider

// Address is the floor provider's source address; the benchmark's CLI configuration overrides it
// with the freshly built binary, next to the provider's own address.
const Address = "registry.terraform.io/cybersource-tf/cybersourcefloor"

// TypeName is the provider's type name: resource types start with it, and the SDK names the
// provider's logger after it (TF_LOG_PROVIDER_CYBERSOURCEFLOOR).
const TypeName = "cybersourcefloor"

// ResourceType is the floor provider's only resource.
const ResourceType = TypeName + "_customer"
