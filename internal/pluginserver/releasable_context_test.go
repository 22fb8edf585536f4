package pluginserver

import (
	"context"
	"errors"
	"testing"
	"time"
)

type testKey struct{}

func TestReleasableContextPassesThroughUntilReleased(t *testing.T) {
	deadline := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	inner, cancelInner := context.WithDeadline(context.WithValue(context.Background(), testKey{}, "v"), deadline)
	defer cancelInner()
	r := newReleasableContext(inner)

	if got := r.Value(testKey{}); got != "v" {
		t.Errorf("Value = %v, want v", got)
	}
	if got, ok := r.Deadline(); !ok || !got.Equal(deadline) {
		t.Errorf("Deadline = %v, %v", got, ok)
	}
	if r.Err() != nil || r.Done() != inner.Done() {
		t.Errorf("Err = %v, Done differs from the RPC's: %v", r.Err(), r.Done() != inner.Done())
	}

	r.release()
	if got := r.Value(testKey{}); got != nil {
		t.Errorf("Value after release = %v, want nil", got)
	}
	if _, ok := r.Deadline(); ok {
		t.Error("Deadline still set after release")
	}
	if !errors.Is(r.Err(), context.Canceled) {
		t.Errorf("Err after release = %v, want context.Canceled", r.Err())
	}
	select {
	case <-r.Done():
	default:
		t.Error("Done not closed after release")
	}
}

// Cancelling the RPC's context (Terraform's StopProvider, or the gRPC call ending) must still
// cancel what the provider derived from the releasable one.
func TestReleasableContextPropagatesCancellation(t *testing.T) {
	inner, cancelInner := context.WithCancel(context.Background())
	r := newReleasableContext(inner)
	child, cancelChild := context.WithTimeout(r, time.Hour)
	defer cancelChild()

	cancelInner()
	select {
	case <-child.Done():
	default:
		t.Fatal("child of the releasable context not cancelled with the RPC's context")
	}
	if !errors.Is(child.Err(), context.Canceled) {
		t.Errorf("child.Err = %v", child.Err())
	}
}
