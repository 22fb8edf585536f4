// Package testsupport holds the small helpers that tests of several packages share, so that
// each exists once. It is imported only by _test.go files.
package testsupport
