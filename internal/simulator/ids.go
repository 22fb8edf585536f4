package simulator

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
)

// randomHex returns n random bytes as hex. crypto/rand because customer ids stand in for real
// tokens, which are unguessable; its Read never fails (it aborts the process instead).
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// newTokenID returns an id shaped like a real TMS token id: 32 upper-case hex characters
// (tms-api.md §1, e.g. F2F3ADA770102B51E053A2598D0A9078; tms-subresources.md §2a). Used for
// customers, payment instruments and shipping addresses.
func newTokenID() string { return strings.ToUpper(randomHex(16)) }

// newInstrumentIdentifierID returns an id shaped like a card's instrument identifier: 19 decimal
// digits starting with 70 (tms-subresources.md §2a, e.g. 7010000000016241111).
func newInstrumentIdentifierID() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1e17)) // crypto/rand never fails
	return fmt.Sprintf("70%017d", n)
}

// newETag returns a fresh entity tag. It is short enough to fit the 1–32 character limit of
// if-match (tms-api.md §2) and sent unquoted, as the client is expected to echo it verbatim.
func newETag() string { return strings.ToUpper(randomHex(10)) }

// newCorrelationID returns a UUID-shaped v-c-correlation-id, the form CyberSource support asks for.
func newCorrelationID() string {
	h := randomHex(16)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// newUniqueTransactionID returns the uniqueTransactionID header value (tms-api.md §2).
func newUniqueTransactionID() string { return randomHex(16) }
