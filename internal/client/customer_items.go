package client

import "context"

// CustomerItems are the calls on one collection of a customer's items: its shipping addresses or
// its payment instruments. Both collections have the same paths, verbs and rules under the
// customer (tms-subresources.md §1a, §1b), so one generic type serves them; Client.ShippingAddresses
// and Client.PaymentInstruments return it for their item type.
type CustomerItems[T any] struct {
	client *Client
	spec   *customerItemSpec[T]
}

// customerItemSpec is what differs between the two collections.
type customerItemSpec[T any] struct {
	collection  string // path template of the collection, with {customerId}
	item        string // path template of one item, with {customerId} and the item's id
	embeddedKey string // the array's name in a list answer's _embedded
	writable    func(*T) T
	// wholeGroups are sent complete on any change (see newMergePatch).
	wholeGroups []string
}

// Create sends POST to the customer's collection. Read-only members of in are not sent.
func (s CustomerItems[T]) Create(ctx context.Context, customerID string, in *T, opts CallOptions) (*Result[T], error) {
	return createObject[T](ctx, s.client, opts, s.spec.writable(in), s.spec.collection, customerID)
}

// Get sends GET for one item.
func (s CustomerItems[T]) Get(ctx context.Context, customerID, id string, opts CallOptions) (*Result[T], error) {
	return getObject[T](ctx, s.client, opts, s.spec.item, customerID, id)
}

// Update sends PATCH with a merge patch from NewPatch, and if-match when opts.IfMatch is set.
func (s CustomerItems[T]) Update(ctx context.Context, customerID, id string, patch MergePatch, opts CallOptions) (*Result[T], error) {
	return patchObject[T](ctx, s.client, opts, patch, s.spec.item, customerID, id)
}

// Delete sends DELETE for one item. CyberSource refuses (409) to delete the customer's default
// while it has other items of the kind (tms-subresources.md §6.2).
func (s CustomerItems[T]) Delete(ctx context.Context, customerID, id string, opts CallOptions) (*Receipt, error) {
	return deleteObject(ctx, s.client, opts, s.spec.item, customerID, id)
}

// List returns every item of the customer, from all pages, the default first.
func (s CustomerItems[T]) List(ctx context.Context, customerID string, opts CallOptions) (*List[T], error) {
	return listObjects[T](ctx, s.client, opts, s.spec.embeddedKey, s.spec.collection, customerID)
}

// NewPatch computes the merge patch that turns current into desired; read-only members are never
// patched, and changed groups such as shipTo are sent complete (tms-subresources.md §6.5).
func (s CustomerItems[T]) NewPatch(current, desired *T) (MergePatch, error) {
	return newMergePatch(s.spec.writable(current), s.spec.writable(desired), s.spec.wholeGroups...)
}
