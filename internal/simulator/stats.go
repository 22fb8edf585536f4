package simulator

import (
	"strconv"
	"sync"
)

// Stats is a snapshot of the simulator's counters since New or the last ResetStats.
type Stats struct {
	// Requests counts answered API requests (every path outside /__simulator/) by
	// "METHOD route status", e.g. "GET customer 200". Routes are named after what they serve:
	// "customers" and "customer" (the collection and one item), likewise "shipping-addresses" and
	// "shipping-address", "payment-instruments" and "payment-instrument",
	// "instrument-identifiers" and "instrument-identifier", then
	// "instrument-identifier-payment-instruments" (an identifier's payment instruments) and
	// "unknown" (any other path). Connection resets have no status and are counted only in
	// ByMethod and FaultsInjected.
	Requests map[string]int `json:"requests"`
	// ByMethod counts every API request received (every path outside /__simulator/), resets
	// included.
	ByMethod map[string]int `json:"byMethod"`
	// ConnectionsAccepted counts TCP connections (only when served by Start).
	ConnectionsAccepted int `json:"connectionsAccepted"`
	// TLSConnections counts TLS connections whose handshake completed and that carried a request
	// (only when served by Start with TLS).
	TLSConnections int `json:"tlsConnections"`
	// CustomersStored is the number of customers stored now, all merchants together.
	CustomersStored int `json:"customersStored"`
	// CustomersCreated counts customers created by POST, including those whose answer a
	// 502-after fault replaced: with CustomersStored it exposes duplicates from retried POSTs.
	CustomersCreated int `json:"customersCreated"`
	// ObjectsStored counts the objects of each kind stored now, all merchants together, like
	// CustomersStored. Every kind has an entry.
	ObjectsStored map[Kind]int `json:"objectsStored"`
	// ObjectsCreated counts objects of each kind created by POST (201 only: an instrument
	// identifier POST answered 200 created nothing), like CustomersCreated. Every kind has an
	// entry.
	ObjectsCreated map[Kind]int `json:"objectsCreated"`
	// FaultsInjected counts faults by kind (the Fault* constants).
	FaultsInjected map[string]int `json:"faultsInjected"`
}

type requestKey struct {
	method, route string
	status        int
}

// statsCounter keeps counters under one mutex; keys are formatted only when a snapshot is taken,
// to keep the per-request cost low.
type statsCounter struct {
	mu            sync.Mutex
	requests      map[requestKey]int
	byMethod      map[string]int
	connections   int
	tlsHandshakes int
	created       map[Kind]int
	faults        map[string]int
}

func newStatsCounter() *statsCounter {
	c := &statsCounter{}
	c.reset()
	return c
}

func (c *statsCounter) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests = map[requestKey]int{}
	c.byMethod = map[string]int{}
	c.faults = map[string]int{}
	c.created = map[Kind]int{}
	c.connections, c.tlsHandshakes = 0, 0
}

func (c *statsCounter) add(fn func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fn()
}

func (c *statsCounter) countReceived(method string) { c.add(func() { c.byMethod[method]++ }) }
func (c *statsCounter) countAnswer(method, route string, status int) {
	c.add(func() { c.requests[requestKey{method, route, status}]++ })
}
func (c *statsCounter) countFault(kind string) { c.add(func() { c.faults[kind]++ }) }
func (c *statsCounter) countConnection()       { c.add(func() { c.connections++ }) }
func (c *statsCounter) countTLSHandshake()     { c.add(func() { c.tlsHandshakes++ }) }
func (c *statsCounter) countCreated(kind Kind) { c.add(func() { c.created[kind]++ }) }

// snapshot copies the counters; stored is the store's count of each kind.
func (c *statsCounter) snapshot(stored map[Kind]int) Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := Stats{
		Requests:            make(map[string]int, len(c.requests)),
		ByMethod:            make(map[string]int, len(c.byMethod)),
		ConnectionsAccepted: c.connections,
		TLSConnections:      c.tlsHandshakes,
		CustomersStored:     stored[KindCustomer],
		CustomersCreated:    c.created[KindCustomer],
		ObjectsStored:       stored,
		ObjectsCreated:      make(map[Kind]int, len(stored)),
		FaultsInjected:      make(map[string]int, len(c.faults)),
	}
	for kind := range stored {
		s.ObjectsCreated[kind] = c.created[kind]
	}
	for k, n := range c.requests {
		s.Requests[k.method+" "+k.route+" "+strconv.Itoa(k.status)] = n
	}
	for k, n := range c.byMethod {
		s.ByMethod[k] = n
	}
	for k, n := range c.faults {
		s.FaultsInjected[k] = n
	}
	return s
}
