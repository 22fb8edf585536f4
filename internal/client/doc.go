// Package client owns everything between a Go value and CyberSource's TMS v2
// customers API, with no Terraform imports: configuration validation, request
// signing (HTTP Signature, meta key and JWT, tms-api.md §5), the Customer
// model and its JSON Merge Patch, error decoding, retries, the shared
// connection pool and redacted exchange logging.
//
// Retries use go-retryablehttp, whose CheckRetry, Backoff and PrepareRetry
// hooks express a method-aware, re-signing policy more simply than a
// hand-written loop: GET, DELETE and PATCH with if-match are retried on 429,
// 502, 503, 504 and connection errors, while POST and PATCH without if-match
// are retried only on 429, 503 or a failure before the request headers were
// written (dial, TLS handshake), because a request that reached the server
// carries no idempotency key and could be applied twice (tms-api.md §6). Every attempt is re-signed and waits with exponential
// backoff and jitter, or as long as Retry-After says (capped at
// MaxRetryAfter), until MaxRetries is spent or the context is done, and
// ambiguous failures (500/502/504, timeouts or resets after sending) are
// returned with MayHaveBeenApplied set instead of being retried.
package client
