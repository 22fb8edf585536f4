package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
)

// Receipt is what every successful answer tells, whatever its body.
type Receipt struct {
	StatusCode    int
	CorrelationID string // v-c-correlation-id, for logs and for CyberSource support
}

// Created reports a 201. Instrument identifiers answer 200 instead when the card was already
// tokenised, with the existing token (tms-subresources.md §6.6).
func (r Receipt) Created() bool { return r.StatusCode == http.StatusCreated }

// Result is a successful answer carrying one API object.
type Result[T any] struct {
	Receipt
	ETag  string // as sent by the server; pass it back as CallOptions.IfMatch
	Value *T
}

// decodeResult decodes the body of a 2xx answer that must carry an object; it passes a failed
// call's error through, so that callers can write decodeResult[T](c.do(...)).
func decodeResult[T any](resp *response, err error) (*Result[T], error) {
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(resp.body)) == 0 {
		return nil, resp.undecodable(errors.New("empty body"))
	}
	value := new(T)
	if err := json.Unmarshal(resp.body, value); err != nil {
		return nil, resp.undecodable(err)
	}
	return &Result[T]{Receipt: resp.receipt(), ETag: resp.header.Get("ETag"), Value: value}, nil
}
