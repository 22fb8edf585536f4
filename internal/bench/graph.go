package bench

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The graph scenario measures what a test merchant costs: M customers, each with a shipping
// address, a card token and a payment instrument using it (4M resources), through the same
// phases as the customer benchmark, and checks that every object still costs exactly one API
// call per operation. It runs once per benchmark, after the repeats of the customer scenario.

// GraphReport is the graph scenario's outcome.
type GraphReport struct {
	Customers int          `json:"customers"`
	Resources int          `json:"resources"`
	Phases    []GraphPhase `json:"phases"`
	Notes     []string     `json:"notes,omitempty"`
}

// GraphPhase is one phase of the graph scenario.
type GraphPhase struct {
	Name        string  `json:"name"`
	WallSeconds float64 `json:"wall_seconds"`
	// ProviderCPUMSPerResource is the provider processes' CPU per resource (4 per customer).
	ProviderCPUMSPerResource float64 `json:"provider_cpu_ms_per_resource"`
	// CallsPerCustomer are the requests the simulator answered, by "METHOD route", divided by the
	// number of customers; ExpectedCallsPerCustomer is one call per object and operation.
	CallsPerCustomer         map[string]float64 `json:"calls_per_customer"`
	ExpectedCallsPerCustomer map[string]int     `json:"expected_calls_per_customer"`
	OneCallEach              bool               `json:"one_call_each"`
}

// graphObjects are the simulator's routes of one customer's four objects: the collection a
// create posts to, and the item every other operation addresses.
var graphObjects = []struct{ collection, item string }{
	{"customers", "customer"},
	{"shipping-addresses", "shipping-address"},
	{"instrument-identifiers", "instrument-identifier"},
	{"payment-instruments", "payment-instrument"},
}

// expectedGraphCalls is one call per object per operation: create posts each object; a refresh
// reads each; an update reads each and patches the three that change (a card token has nothing
// to update); a destroy reads and deletes each (the token's delete finds it already gone with its
// payment instrument, tms-subresources.md §6.3, and still costs its one call).
func expectedGraphCalls(phase string) map[string]int {
	calls := map[string]int{}
	for _, o := range graphObjects {
		switch phase {
		case PhaseCreate:
			calls["POST "+o.collection] = 1
		case PhaseRefresh:
			calls["GET "+o.item] = 1
		case PhaseUpdate:
			calls["GET "+o.item] = 1
			if o.item != "instrument-identifier" {
				calls["PATCH "+o.item] = 1
			}
		case PhaseDestroy:
			calls["GET "+o.item] = 1
			calls["DELETE "+o.item] = 1
		}
	}
	return calls
}

// GenerateGraphConfig is the graph scenario's configuration: n customers, each with a shipping
// address, a card token of its own (distinct test numbers: CyberSource keeps one token per card)
// and a payment instrument. The update generation changes one attribute of the customer, the
// address and the payment instrument.
func GenerateGraphConfig(n, generation int) string {
	month := "12"
	if generation > 1 {
		month = "11"
	}
	return fmt.Sprintf(`terraform {
  required_providers {
    cybersource = {
      source = "cybersource-tf/cybersource"
    }
  }
}

provider "cybersource" {}

resource "cybersource_tms_customer" "graph" {
  count                = %[1]d
  merchant_customer_id = "graph-${count.index}"
  comment              = %[2]q
}

resource "cybersource_tms_customer_shipping_address" "graph" {
  count       = %[1]d
  customer_id = cybersource_tms_customer.graph[count.index].id
  first_name  = "Graph"
  address1    = %[2]q
  country     = "US"
}

resource "cybersource_tms_instrument_identifier" "graph" {
  count          = %[1]d
  card_number_wo = format("4111%%012d", count.index)
}

resource "cybersource_tms_customer_payment_instrument" "graph" {
  count                    = %[1]d
  customer_id              = cybersource_tms_customer.graph[count.index].id
  instrument_identifier_id = cybersource_tms_instrument_identifier.graph[count.index].id
  card_type                = "001"
  card_expiration_month    = %[3]q
  card_expiration_year     = "2031"
}
`, n, generationComment(generation), month)
}

// measureGraph runs the graph scenario with the built provider.
func (l *lifecycle) measureGraph(ctx context.Context, provider subject) (*GraphReport, error) {
	customers := l.opts.N
	measures, notes, err := l.run(ctx, subject{name: "graph", provider: provider.provider, config: GenerateGraphConfig})
	if err != nil {
		return nil, err
	}
	report := &GraphReport{Customers: customers, Resources: 4 * customers, Notes: notes}
	for i, name := range Phases {
		m := measures[i]
		phase := GraphPhase{
			Name:                     name,
			WallSeconds:              m.wallSeconds,
			ProviderCPUMSPerResource: perResource(m.cpuSeconds*1000, report.Resources),
			CallsPerCustomer:         map[string]float64{},
			ExpectedCallsPerCustomer: expectedGraphCalls(name),
		}
		for route, n := range m.counts.byRoute {
			phase.CallsPerCustomer[route] = float64(n) / float64(customers)
		}
		phase.OneCallEach = graphPhaseOneCallEach(phase)
		report.Phases = append(report.Phases, phase)
	}
	return report, nil
}

// formatGraphCalls prints calls per customer in a stable order, e.g. "GET customer 1, PATCH customer 1".
func formatGraphCalls(calls map[string]float64) string {
	routes := slices.Sorted(maps.Keys(calls))
	parts := make([]string, len(routes))
	for i, route := range routes {
		parts[i] = fmt.Sprintf("%s %g", route, calls[route])
	}
	return strings.Join(parts, ", ")
}

// graphPhaseOneCallEach reports whether the calls are exactly the expected ones.
func graphPhaseOneCallEach(p GraphPhase) bool {
	if len(p.CallsPerCustomer) != len(p.ExpectedCallsPerCustomer) {
		return false
	}
	for route, want := range p.ExpectedCallsPerCustomer {
		if p.CallsPerCustomer[route] != float64(want) {
			return false
		}
	}
	return true
}
