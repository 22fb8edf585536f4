package pluginserver

import (
	"context"
	"sync/atomic"
	"time"
)

// releasableContext passes everything through to one RPC's context until release, and from then
// on behaves as an empty, cancelled context. Whatever keeps a reference to it after the RPC
// (see releasing_server.go) then keeps this small struct alive, not the RPC's context chain.
//
// Cancellation still reaches contexts derived from it while the RPC runs: context.WithCancel
// finds the RPC's own cancelable context through Value and registers with it directly.
type releasableContext struct {
	current atomic.Pointer[contextHolder]
}

// contextHolder boxes an interface value for atomic.Pointer.
type contextHolder struct{ ctx context.Context }

// releasedHolder is what a released context delegates to.
var releasedHolder = func() *contextHolder {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return &contextHolder{ctx: ctx}
}()

func newReleasableContext(ctx context.Context) *releasableContext {
	r := &releasableContext{}
	r.current.Store(&contextHolder{ctx: ctx})
	return r
}

// release drops the reference to the RPC's context. Call it once the RPC has returned.
func (r *releasableContext) release() { r.current.Store(releasedHolder) }

func (r *releasableContext) ctx() context.Context { return r.current.Load().ctx }

func (r *releasableContext) Deadline() (time.Time, bool) { return r.ctx().Deadline() }
func (r *releasableContext) Done() <-chan struct{}       { return r.ctx().Done() }
func (r *releasableContext) Err() error                  { return r.ctx().Err() }
func (r *releasableContext) Value(key any) any           { return r.ctx().Value(key) }
