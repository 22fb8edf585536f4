package simulator

import (
	"encoding/json"
	"net/http"
)

// adminStats is the GET /__simulator/stats answer: the counters plus every merchant's current
// objects, for debugging a run from a shell (curl) or a script. Objects holds every kind by
// merchant; Customers repeats the customers, as the endpoint showed before it served other kinds.
type adminStats struct {
	Stats
	Customers map[string][]json.RawMessage          `json:"customers"`
	Objects   map[Kind]map[string][]json.RawMessage `json:"objects"`
}

// serveAdmin serves the simulator's own routes. They are outside /tms, so they need no
// authentication and are never subject to faults or counted in the stats.
func (s *Simulator) serveAdmin(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != adminPrefix+"stats" {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	objects := s.store.byMerchant()
	body, err := json.MarshalIndent(adminStats{Stats: s.Stats(), Customers: objects[KindCustomer], Objects: objects}, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(append(body, '\n'))
}
