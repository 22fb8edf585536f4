// Package e2e holds end-to-end tests that run the real terraform binary
// against the built provider (through internal/tfrun) and an in-process
// simulator: the fault test (nothing lost, nothing duplicated under 429, 503,
// connection resets, jitter and lost 502 answers) and the log test (secrets
// and personal data never reach TF_LOG=TRACE output, while correlation ids
// and request paths do).
//
// They skip when terraform is not on PATH or under -short, so `go test -short
// ./...` stays fast; `make test` runs them. The package has no non-test code
// besides this comment.
package e2e
