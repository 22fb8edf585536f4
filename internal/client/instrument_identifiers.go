package client

import (
	"context"
	"errors"
)

// Instrument identifier paths (tms-subresources.md §1d): v1, and no hyphen.
const (
	instrumentIdentifiersPath = "/tms/v1/instrumentidentifiers"
	instrumentIdentifierPath  = instrumentIdentifiersPath + "/{instrumentIdentifierId}"
)

// Card number lengths an instrument identifier accepts (tms-subresources.md §5).
const (
	CardNumberMinLength = 12
	CardNumberMaxLength = 19
)

// InstrumentIdentifier is a card token (tms-subresources.md §5), as CyberSource returns it: the
// card number is always masked (first six and last four digits, §7).
type InstrumentIdentifier struct {
	ID       *string                   `json:"id,omitempty"`
	Object   *string                   `json:"object,omitempty"`
	State    *string                   `json:"state,omitempty"` // ACTIVE or CLOSED
	Card     *InstrumentIdentifierCard `json:"card,omitempty"`
	Metadata *Metadata                 `json:"metadata,omitempty"`
}

// InstrumentIdentifierCard is the card of a token. In answers Number is masked, e.g.
// 411111XXXXXX1111.
type InstrumentIdentifierCard struct {
	Number *string `json:"number,omitempty"`
}

// cardInstrumentIdentifierRequest is the only body that ever carries a full card number. It is
// built inside CreateCardInstrumentIdentifier and dropped once sent; the logged copy of the body
// is redacted ("number" is a masked key, redact.go).
type cardInstrumentIdentifierRequest struct {
	Card struct {
		Number string `json:"number"`
	} `json:"card"`
}

// CheckCardNumber reports whether number can be tokenised: 12 to 19 ASCII digits. The error
// never contains the number.
func CheckCardNumber(number string) error {
	if len(number) < CardNumberMinLength || len(number) > CardNumberMaxLength {
		return errors.New("must be 12 to 19 digits long")
	}
	for i := 0; i < len(number); i++ {
		if number[i] < '0' || number[i] > '9' {
			return errors.New("must contain digits only (no spaces or dashes)")
		}
	}
	return nil
}

// CreateCardInstrumentIdentifier sends POST /tms/v1/instrumentidentifiers with a card number.
// CyberSource de-duplicates cards: a number it already holds for this merchant comes back with
// 200 and the existing token instead of 201 (Receipt.Created tells which, tms-subresources.md §6.6).
func (c *Client) CreateCardInstrumentIdentifier(ctx context.Context, cardNumber string, opts CallOptions) (*Result[InstrumentIdentifier], error) {
	if err := CheckCardNumber(cardNumber); err != nil {
		return nil, errors.New("client: the card number " + err.Error())
	}
	var body cardInstrumentIdentifierRequest
	body.Card.Number = cardNumber
	return createObject[InstrumentIdentifier](ctx, c, opts, &body, instrumentIdentifiersPath)
}

// GetInstrumentIdentifier sends GET /tms/v1/instrumentidentifiers/{id}.
func (c *Client) GetInstrumentIdentifier(ctx context.Context, id string, opts CallOptions) (*Result[InstrumentIdentifier], error) {
	return getObject[InstrumentIdentifier](ctx, c, opts, instrumentIdentifierPath, id)
}

// DeleteInstrumentIdentifier sends DELETE /tms/v1/instrumentidentifiers/{id}. CyberSource
// refuses (409) while a payment instrument uses the token (tms-subresources.md §6.4).
func (c *Client) DeleteInstrumentIdentifier(ctx context.Context, id string, opts CallOptions) (*Receipt, error) {
	return deleteObject(ctx, c, opts, instrumentIdentifierPath, id)
}
