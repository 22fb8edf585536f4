// Package provider is the Terraform provider for CyberSource's Token Management Service (TMS).
//
// It owns only the mapping between Terraform and the CyberSource client in internal/client: the
// provider block (configuration, environment fallbacks, validation, logging), the
// cybersource_tms_customer resource and data source, and their import, diagnostics and private
// state. It never builds HTTP requests itself; everything that talks to the API goes through
// internal/client so that the wire behaviour (signing, retries, error decoding) is tested once.
package provider
