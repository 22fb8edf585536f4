package client

import (
	"context"
	"sync"
)

// firstConnectionGate lets a client's first attempt go out alone and holds every attempt that
// starts meanwhile until it has its answer (or error).
//
// Why: CyberSource gateways negotiate HTTP/2 by ALPN, so one connection carries all of a
// process's parallel requests. But net/http only learns that a new connection speaks HTTP/2
// after its TLS handshake; until then every request that finds no connection dials its own.
// Terraform starts a provider process for the plan and another for the apply, and each begins
// with a burst of -parallelism requests, so each opened -parallelism connections (TCP and TLS
// handshakes, on both ends) only to keep one. Holding the burst for one round trip lets the rest
// find the first connection in the pool: one connection per process over HTTP/2. Over HTTP/1.1
// the held requests then dial as before and keep-alive reuses them (maxIdleConnsPerHost).
//
// The gate opens once, for good: later connections (after an idle timeout, say) are rare and
// not worth holding requests for. An attempt held here honours its own context and timeout; it
// has not been sent, so the retry policy treats it as never sent.
type firstConnectionGate struct {
	lead   sync.Once
	opened chan struct{}
}

func newFirstConnectionGate() *firstConnectionGate {
	return &firstConnectionGate{opened: make(chan struct{})}
}

// enter returns leader=true for the first attempt, which must call open when its round trip
// has returned; other attempts return once the gate is open or ctx is done.
func (g *firstConnectionGate) enter(ctx context.Context) (leader bool, err error) {
	select {
	case <-g.opened:
		return false, nil
	default:
	}
	g.lead.Do(func() { leader = true })
	if leader {
		return true, nil
	}
	select {
	case <-g.opened:
		return false, nil
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// open releases every held attempt; only the leader calls it, once.
func (g *firstConnectionGate) open() { close(g.opened) }
