package simulator

import (
	"crypto/tls"
	"net"
	"net/http"
	"sync"
)

// connCounter counts connections from http.Server.ConnState, which sees every accepted connection
// without wrapping the listener (so TLS and HTTP/2 handling stay the server's own).
//
// A TLS connection is counted when it first becomes active: the server only reads a request after
// the handshake completed. tls.Config.VerifyConnection would be simpler but runs before the client
// has checked the server's certificate, so it also counts handshakes the client then aborts.
type connCounter struct {
	stats *statsCounter
	mu    sync.Mutex
	tls   map[net.Conn]bool // TLS connections already counted, until they close
}

func newConnCounter(stats *statsCounter) *connCounter {
	return &connCounter{stats: stats, tls: map[net.Conn]bool{}}
}

func (c *connCounter) observe(conn net.Conn, state http.ConnState) {
	switch state {
	case http.StateNew:
		c.stats.countConnection()
	case http.StateActive:
		if _, isTLS := conn.(*tls.Conn); !isTLS {
			return
		}
		c.mu.Lock()
		first := !c.tls[conn]
		c.tls[conn] = true
		c.mu.Unlock()
		if first {
			c.stats.countTLSHandshake()
		}
	case http.StateClosed, http.StateHijacked:
		c.mu.Lock()
		delete(c.tls, conn)
		c.mu.Unlock()
	}
}
