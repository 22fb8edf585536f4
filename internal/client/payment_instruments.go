package client

import "context"

// Customer payment instrument paths (tms-subresources.md §1b).
const (
	paymentInstrumentsPath = customerPath + "/payment-instruments"
	paymentInstrumentPath  = paymentInstrumentsPath + "/{paymentInstrumentId}"
)

// PaymentInstrument is a customer's payment instrument (tms-subresources.md §4), limited to the
// card members this provider manages. It never holds a card number: the number lives in the
// linked instrument identifier, and CyberSource only ever returns it masked (§7).
type PaymentInstrument struct {
	ID                   *string                    `json:"id,omitempty"`
	Object               *string                    `json:"object,omitempty"` // read-only, often absent
	Default              *bool                      `json:"default,omitempty"`
	State                *string                    `json:"state,omitempty"` // read-only: ACTIVE or CLOSED
	Card                 *PaymentInstrumentCard     `json:"card,omitempty"`
	BillTo               *Address                   `json:"billTo,omitempty"`
	InstrumentIdentifier *Reference                 `json:"instrumentIdentifier,omitempty"`
	Metadata             *Metadata                  `json:"metadata,omitempty"`  // read-only
	Embedded             *PaymentInstrumentEmbedded `json:"_embedded,omitempty"` // read-only
}

// PaymentInstrumentCard holds the card members a payment instrument stores.
type PaymentInstrumentCard struct {
	ExpirationMonth *string `json:"expirationMonth,omitempty"`
	ExpirationYear  *string `json:"expirationYear,omitempty"`
	Type            *string `json:"type,omitempty"` // card type code, e.g. "001" for Visa
}

// PaymentInstrumentEmbedded is the linked instrument identifier, card number masked.
type PaymentInstrumentEmbedded struct {
	InstrumentIdentifier *InstrumentIdentifier `json:"instrumentIdentifier,omitempty"`
}

// writable is p without its server-owned members (a nil p is empty).
func (p *PaymentInstrument) writable() PaymentInstrument {
	if p == nil {
		return PaymentInstrument{}
	}
	w := *p
	w.ID, w.Object, w.State, w.Metadata, w.Embedded = nil, nil, nil, nil, nil
	return w
}

// NewPaymentInstrumentPatch computes the merge patch that turns current into desired. A changed
// card or billTo is sent complete (see newMergePatch).
func NewPaymentInstrumentPatch(current, desired *PaymentInstrument) (MergePatch, error) {
	return newMergePatch(current.writable(), desired.writable(), "card", "billTo")
}

// CreatePaymentInstrument sends POST /tms/v2/customers/{customerId}/payment-instruments.
func (c *Client) CreatePaymentInstrument(ctx context.Context, customerID string, in *PaymentInstrument, opts CallOptions) (*Result[PaymentInstrument], error) {
	return createObject[PaymentInstrument](ctx, c, opts, in.writable(), paymentInstrumentsPath, customerID)
}

// GetPaymentInstrument sends GET …/payment-instruments/{paymentInstrumentId}.
func (c *Client) GetPaymentInstrument(ctx context.Context, customerID, id string, opts CallOptions) (*Result[PaymentInstrument], error) {
	return getObject[PaymentInstrument](ctx, c, opts, paymentInstrumentPath, customerID, id)
}

// UpdatePaymentInstrument sends PATCH …/payment-instruments/{paymentInstrumentId}.
func (c *Client) UpdatePaymentInstrument(ctx context.Context, customerID, id string, patch MergePatch, opts CallOptions) (*Result[PaymentInstrument], error) {
	return patchObject[PaymentInstrument](ctx, c, opts, patch, paymentInstrumentPath, customerID, id)
}

// DeletePaymentInstrument sends DELETE …/payment-instruments/{paymentInstrumentId}. Like the
// default shipping address, the default instrument cannot be deleted while the customer has
// others (409), and deleting an instrument also deletes its instrument identifier when no other
// instrument uses it (tms-subresources.md §6.2, §6.3).
func (c *Client) DeletePaymentInstrument(ctx context.Context, customerID, id string, opts CallOptions) (*Receipt, error) {
	return deleteObject(ctx, c, opts, paymentInstrumentPath, customerID, id)
}

// ListPaymentInstruments returns every payment instrument of a customer, the default first.
func (c *Client) ListPaymentInstruments(ctx context.Context, customerID string, opts CallOptions) (*List[PaymentInstrument], error) {
	return listObjects[PaymentInstrument](ctx, c, opts, "paymentInstruments", paymentInstrumentsPath, customerID)
}
