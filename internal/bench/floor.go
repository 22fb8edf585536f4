package bench

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
	"github.com/cybersource-tf/terraform-provider-cybersource/internal/simulator"
)

// floorCustomer is the body the floor creates: the same attributes the
// generated configuration gives each resource, so request sizes match.
func floorCustomer(i, generation int) *client.Customer {
	return &client.Customer{
		BuyerInformation: &client.BuyerInformation{
			MerchantCustomerID: ptr(fmt.Sprintf("floor-%d", i)),
			Email:              ptr(fmt.Sprintf("floor-%d@example.com", i)),
		},
		ClientReferenceInformation: &client.ClientReferenceInformation{Code: ptr("bench")},
		ObjectInformation:          &client.ObjectInformation{Comment: ptr(generationComment(generation))},
		MerchantDefinedInformation: []client.MerchantDefinedField{{Name: "data1", Value: "bench"}},
	}
}

func ptr[T any](v T) *T { return &v }

// floorRunner issues the wire-floor requests: the calls terraform's lifecycle
// needs, with P workers and nothing else in between.
type floorRunner struct {
	client      *client.Client
	parallelism int
	ids         []string
}

// forEach runs op for 0..n-1 on p workers and returns the first error. A
// failure does not cancel the others: the floor is only meaningful when every
// call succeeds, and the caller aborts the run on any error.
func forEach(ctx context.Context, n, p int, op func(ctx context.Context, i int) error) error {
	indices := make(chan int)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	for range p {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range indices {
				if err := op(ctx, i); err != nil {
					once.Do(func() { firstErr = err })
				}
			}
		}()
	}
	for i := range n {
		indices <- i
	}
	close(indices)
	wg.Wait()
	return firstErr
}

// run performs one phase's floor requests for n customers.
func (f *floorRunner) run(ctx context.Context, phase string, n int) error {
	switch phase {
	case PhaseCreate:
		f.ids = make([]string, n)
		return forEach(ctx, n, f.parallelism, func(ctx context.Context, i int) error {
			res, err := f.client.CreateCustomer(ctx, floorCustomer(i, 1), client.CallOptions{})
			if err != nil {
				return fmt.Errorf("floor create %d: %w", i, err)
			}
			if res.Value.ID == nil {
				return fmt.Errorf("floor create %d: answer has no id", i)
			}
			f.ids[i] = *res.Value.ID
			return nil
		})
	case PhaseRefresh:
		return forEach(ctx, n, f.parallelism, func(ctx context.Context, i int) error {
			if _, err := f.client.GetCustomer(ctx, f.ids[i], client.CallOptions{}); err != nil {
				return fmt.Errorf("floor read %d: %w", i, err)
			}
			return nil
		})
	case PhaseUpdate:
		return forEach(ctx, n, f.parallelism, func(ctx context.Context, i int) error {
			current, err := f.client.GetCustomer(ctx, f.ids[i], client.CallOptions{})
			if err != nil {
				return fmt.Errorf("floor update-refresh %d: %w", i, err)
			}
			patch, err := client.NewCustomerPatch(current.Value, floorCustomer(i, 2))
			if err != nil {
				return err
			}
			if _, err := f.client.UpdateCustomer(ctx, f.ids[i], patch, client.CallOptions{IfMatch: current.ETag}); err != nil {
				return fmt.Errorf("floor update %d: %w", i, err)
			}
			return nil
		})
	case PhaseDestroy:
		return forEach(ctx, n, f.parallelism, func(ctx context.Context, i int) error {
			if _, err := f.client.GetCustomer(ctx, f.ids[i], client.CallOptions{}); err != nil {
				return fmt.Errorf("floor destroy-refresh %d: %w", i, err)
			}
			if _, err := f.client.DeleteCustomer(ctx, f.ids[i], client.CallOptions{}); err != nil {
				return fmt.Errorf("floor delete %d: %w", i, err)
			}
			return nil
		})
	}
	return fmt.Errorf("unknown phase %q", phase)
}

// measureFloor issues every phase's requests straight through the client.
// Each phase gets a fresh transport (closing idle connections is not enough:
// a connection still finishing its last response is not idle yet), so that
// each phase, like each terraform command's fresh provider processes, pays
// for its own TCP and TLS handshakes.
func measureFloor(ctx context.Context, opts Options, server *simulator.Server, phases []PhaseResult) error {
	creds := demoCredentials(server.URL)
	floor := &floorRunner{parallelism: opts.Parallelism}
	for i := range phases {
		// The client's own transport settings (keep-alive, idle pool, HTTP/2
		// negotiation), trusting the simulator's certificate: the floor must
		// differ from the provider only by terraform, not by connection handling.
		transport := client.NewTransport(server.CertPool())
		c, err := client.New(client.Config{
			MerchantID:   creds.MerchantID,
			KeyID:        creds.KeyID,
			SharedSecret: creds.SharedSecret,
			BaseURL:      server.URL,
			HTTPClient:   &http.Client{Transport: transport},
			UserAgent:    "cybersource-bench-floor",
		})
		if err != nil {
			return fmt.Errorf("floor client: %w", err)
		}
		floor.client = c
		server.Sim.ResetStats()
		stage(opts.Progress, "floor %s: %d customers, %d workers", phases[i].Name, opts.N, opts.Parallelism)
		start := time.Now()
		err = floor.run(ctx, phases[i].Name, opts.N)
		phases[i].FloorSeconds = time.Since(start).Seconds()
		phases[i].FloorConnections = readCounts(server.Sim).connections
		transport.CloseIdleConnections()
		if err != nil {
			return err
		}
	}
	return nil
}
