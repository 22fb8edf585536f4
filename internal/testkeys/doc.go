// Package testkeys builds throwaway RSA keys, self-signed certificates and
// PKCS#12 files for tests of the JWT authentication mode (tms-api.md §5b).
//
// It exists so that the client, simulator and provider tests never need a
// real CyberSource certificate on disk: every key is generated in-process and
// lives only as long as the test binary. Nothing here is meant for production
// use; the key is cached per process because 2048-bit generation is the slow
// part and tests do not need distinct keys.
package testkeys
