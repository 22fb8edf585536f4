package bench

import "net/http"

// Phase names, in the order a run performs them.
const (
	PhaseCreate  = "create"
	PhaseRefresh = "refresh"
	PhaseUpdate  = "update"
	PhaseDestroy = "destroy"
)

// Phases lists the lifecycle phases in run order.
var Phases = []string{PhaseCreate, PhaseRefresh, PhaseUpdate, PhaseDestroy}

// ExpectedCallsPerResource is the issue's "exactly one API call per resource
// per lifecycle operation": create is one POST (state comes from its answer);
// refresh one GET; update and destroy each refresh first (one GET) and then
// make their one change.
func ExpectedCallsPerResource(phase string) map[string]int {
	switch phase {
	case PhaseCreate:
		return map[string]int{http.MethodPost: 1}
	case PhaseRefresh:
		return map[string]int{http.MethodGet: 1}
	case PhaseUpdate:
		return map[string]int{http.MethodGet: 1, http.MethodPatch: 1}
	case PhaseDestroy:
		return map[string]int{http.MethodGet: 1, http.MethodDelete: 1}
	}
	return nil
}

// expectedCalls scales ExpectedCallsPerResource to n resources.
func expectedCalls(phase string, n int) map[string]int {
	calls := map[string]int{}
	for method, perResource := range ExpectedCallsPerResource(phase) {
		calls[method] = perResource * n
	}
	return calls
}
