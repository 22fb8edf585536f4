package client

import (
	"sort"
	"strings"
)

// environments maps the provider's environment names to CyberSource hosts
// (tms-api.md §1). The names are ours; the hosts are CyberSource's.
var environments = map[string]string{
	"sandbox":                    "apitest.cybersource.com",
	"production":                 "api.cybersource.com",
	"production-india":           "api.in.cybersource.com",
	"production-saudi-arabia":    "api.sa.cybersource.com",
	"sandbox-saudi-arabia":       "apitest.sa.cybersource.com",
	"sandbox-visa-acceptance":    "apitest.visaacceptance.com",
	"production-visa-acceptance": "api.visaacceptance.com",
}

// defaultEnvironment is sandbox so that a configuration missing the
// environment can never reach production by accident.
const defaultEnvironment = "sandbox"

// EnvironmentNames returns the accepted environment names, sorted, for
// validators and documentation.
func EnvironmentNames() []string {
	names := make([]string, 0, len(environments))
	for name := range environments {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// LookupEnvironment resolves an environment name, or one of the known host
// names itself (the official SDKs take the bare host as their "run
// environment", so configurations copied from them keep working). Matching
// ignores case because host names are case-insensitive.
func LookupEnvironment(nameOrHost string) (host string, ok bool) {
	key := strings.ToLower(strings.TrimSpace(nameOrHost))
	if host, ok := environments[key]; ok {
		return host, true
	}
	for _, host := range environments {
		if host == key {
			return host, true
		}
	}
	return "", false
}
