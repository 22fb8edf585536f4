package simulator

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"time"
)

// Server is a Simulator served on a loopback port.
type Server struct {
	URL     string // base URL, e.g. http://127.0.0.1:41234 (https with TLS)
	Sim     *Simulator
	CertPEM []byte // the self-signed certificate when TLS is on

	httpServer *http.Server
	certPool   *x509.CertPool
	done       chan struct{}
}

// Start serves a new Simulator on a random 127.0.0.1 port, with a fresh self-signed certificate
// when tlsEnabled.
func Start(opts Options, tlsEnabled bool) (*Server, error) {
	return StartAt("127.0.0.1:0", opts, tlsEnabled)
}

// StartAt is Start on a chosen address, which must be a loopback one: the simulator accepts fake
// credentials and must never be reachable from another machine.
func StartAt(addr string, opts Options, tlsEnabled bool) (*Server, error) {
	if err := requireLoopback(addr); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	sim := New(opts)
	srv := &Server{Sim: sim, done: make(chan struct{})}
	srv.httpServer = &http.Server{
		Handler:           sim,
		ReadHeaderTimeout: 30 * time.Second,
		ConnState:         newConnCounter(sim.stats).observe,
		ErrorLog:          serverErrorLog(opts.Logger),
	}
	scheme := "http"
	if tlsEnabled {
		scheme = "https"
		cert, certPEM, err := selfSignedCertificate()
		if err != nil {
			return nil, errors.Join(err, ln.Close())
		}
		srv.CertPEM = certPEM
		srv.certPool = x509.NewCertPool()
		srv.certPool.AppendCertsFromPEM(certPEM)
		srv.httpServer.TLSConfig = &tls.Config{
			Certificates: []tls.Certificate{cert},
			MinVersion:   tls.VersionTLS12,
			// Offer HTTP/2 by ALPN like CyberSource's gateways, so that clients multiplex their
			// parallel requests on one connection as they would in production. ServeTLS would
			// add "h2" by itself; listing both keeps the order explicit and HTTP/1.1 available.
			NextProtos: []string{"h2", "http/1.1"},
		}
	}
	srv.URL = scheme + "://" + ln.Addr().String()
	go func() {
		defer close(srv.done)
		if tlsEnabled {
			_ = srv.httpServer.ServeTLS(ln, "", "") // returns http.ErrServerClosed on Close
		} else {
			_ = srv.httpServer.Serve(ln)
		}
	}()
	return srv, nil
}

// Close stops the server at once, dropping open connections.
func (s *Server) Close() error {
	err := s.httpServer.Close()
	<-s.done
	return err
}

// Shutdown stops accepting connections and waits for requests in flight, up to ctx.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.httpServer.Shutdown(ctx)
	if err == nil {
		<-s.done
	}
	return err
}

// CertPool trusts the server's certificate; nil without TLS.
func (s *Server) CertPool() *x509.CertPool { return s.certPool }

// requireLoopback refuses any address that could be reached from another machine.
func requireLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("address %q is not a loopback address: the simulator only listens on 127.0.0.1, ::1 or localhost", addr)
}

// selfSignedCertificate makes a short-lived ECDSA certificate for 127.0.0.1, ::1 and localhost.
func selfSignedCertificate() (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	now := time.Now()
	template := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "cybersource-simulator", Organization: []string{"terraform-provider-cybersource simulator"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(30 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true, // lets SSL_CERT_FILE trust it as its own root
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, certPEM, nil
}

// serverErrorLog routes net/http's own messages (TLS handshake errors and the like) to the
// simulator's logger at debug level instead of the process's stderr.
func serverErrorLog(logger *slog.Logger) *log.Logger {
	if logger == nil {
		return log.New(io.Discard, "", 0)
	}
	return slog.NewLogLogger(logger.Handler(), slog.LevelDebug)
}
