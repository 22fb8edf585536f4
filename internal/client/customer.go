package client

// Customer mirrors the TMS customer object (tms-api.md §3). Every field is a pointer or omitempty
// so that "not set" and "set to empty" stay distinct: the provider must tell a removed attribute
// from an empty one.
type Customer struct {
	ID                         *string                     `json:"id,omitempty"`
	ObjectInformation          *ObjectInformation          `json:"objectInformation,omitempty"`
	BuyerInformation           *BuyerInformation           `json:"buyerInformation,omitempty"`
	ClientReferenceInformation *ClientReferenceInformation `json:"clientReferenceInformation,omitempty"`
	MerchantDefinedInformation []MerchantDefinedField      `json:"merchantDefinedInformation,omitempty"`
	DefaultPaymentInstrument   *Reference                  `json:"defaultPaymentInstrument,omitempty"`
	DefaultShippingAddress     *Reference                  `json:"defaultShippingAddress,omitempty"`
	Metadata                   *Metadata                   `json:"metadata,omitempty"`  // read-only
	Links                      *CustomerLinks              `json:"_links,omitempty"`    // read-only
	Embedded                   *CustomerEmbedded           `json:"_embedded,omitempty"` // read-only
}

// writable is c without the server-owned members, which are never sent (a nil c is empty).
func (c *Customer) writable() Customer {
	if c == nil {
		return Customer{}
	}
	w := *c
	w.ID, w.Metadata, w.Links, w.Embedded = nil, nil, nil, nil
	return w
}

// NewCustomerPatch computes the merge patch that turns current into desired (see MergePatch).
// A nil current means "nothing known" (everything desired is sent); a nil desired means "remove
// every writable field". Read-only fields (id, metadata, _links, _embedded) are never patched.
func NewCustomerPatch(current, desired *Customer) (MergePatch, error) {
	return newMergePatch(current.writable(), desired.writable())
}

// ObjectInformation holds the customer's title (≤ 60) and comment (≤ 150).
type ObjectInformation struct {
	Title   *string `json:"title,omitempty"`
	Comment *string `json:"comment,omitempty"`
}

// BuyerInformation holds the merchant's own customer id and the email.
type BuyerInformation struct {
	// MerchantCustomerID is spelled with a capital "ID" on the wire.
	MerchantCustomerID *string `json:"merchantCustomerID,omitempty"`
	Email              *string `json:"email,omitempty"`
}

// ClientReferenceInformation holds the merchant's reference code (≤ 50).
type ClientReferenceInformation struct {
	Code *string `json:"code,omitempty"`
}

// MerchantDefinedField is one merchantDefinedInformation entry; names are documented as
// data1…data4 and sensitive1…sensitive4.
type MerchantDefinedField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// CustomerLinks holds the HAL links. The spec names the shipping link "shippingAddress" while
// live answers say "shippingAddresses" (tms-api.md §3), so both are decoded.
type CustomerLinks struct {
	Self               *Link `json:"self,omitempty"`
	PaymentInstruments *Link `json:"paymentInstruments,omitempty"`
	ShippingAddress    *Link `json:"shippingAddress,omitempty"`
	ShippingAddresses  *Link `json:"shippingAddresses,omitempty"`
}

// CustomerEmbedded holds the default payment instrument and shipping address that CyberSource
// embeds in customer answers.
type CustomerEmbedded struct {
	DefaultPaymentInstrument *PaymentInstrument `json:"defaultPaymentInstrument,omitempty"`
	DefaultShippingAddress   *ShippingAddress   `json:"defaultShippingAddress,omitempty"`
}
