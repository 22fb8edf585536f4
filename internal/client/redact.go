package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// maxLoggedBodyBytes bounds a logged body after redaction; debug logs of a
// whole plan should stay readable.
const maxLoggedBodyBytes = 16 << 10

// redactedValue replaces every masked leaf. A fixed marker (not a length or a
// hash) leaks nothing about the value.
const redactedValue = `"***"`

// sensitiveKeys are JSON member names (lower-cased, without '-' and '_')
// whose values are personal data, card data or secrets and are masked in
// logged bodies (tms-api.md §3 and §6; the SDKs mask the same families).
// Masking is by key anywhere in the document so that it also covers the
// embedded payment instrument and shipping address and any field CyberSource
// adds later under a known name. "value" covers merchantDefinedInformation,
// whose sensitive1…4 entries are meant for secrets. "title" and "comment"
// (objectInformation) are free text, where people's names end up in practice.
// "name" is not masked: in this API it is a merchant-defined field name or a
// field path.
var sensitiveKeys = map[string]bool{
	"email": true, "emailaddress": true,
	"firstname": true, "lastname": true, "middlename": true, "fullname": true, "company": true,
	"address1": true, "address2": true, "address3": true, "address4": true, "postalcode": true,
	"phone": true, "phonenumber": true, "mobilephone": true, "homephone": true, "workphone": true,
	"merchantcustomerid": true, "value": true, "title": true, "comment": true,
	"number": true, "cardnumber": true, "accountnumber": true, "routingnumber": true,
	"securitycode": true, "cvv": true, "cvn": true, "expirationmonth": true, "expirationyear": true,
	"dateofbirth": true, "ipaddress": true, "taxid": true, "password": true,
	"sharedsecret": true, "secret": true, "signature": true, "authorization": true,
}

// keySeparators drops the separators that vary between spellings of a key.
// Built once: a Replacer is safe for concurrent use, and building one per key
// showed up in CPU and allocation profiles of large plans.
var keySeparators = strings.NewReplacer("-", "", "_", "")

func isSensitiveKey(key string) bool {
	return sensitiveKeys[keySeparators.Replace(strings.ToLower(key))]
}

// redactBody renders a body for the Logger. JSON is re-emitted compactly
// with sensitive values masked and the structure kept. Anything that is not
// valid JSON is never logged raw, because we cannot tell what it contains:
// only its size is reported.
func redactBody(body []byte) string {
	if len(bytes.TrimSpace(body)) == 0 {
		return ""
	}
	out, err := redactJSON(body)
	if err != nil {
		return "[non-JSON body omitted: " + strconv.Itoa(len(body)) + " bytes]"
	}
	if len(out) > maxLoggedBodyBytes {
		cut := maxLoggedBodyBytes
		// Masked output is ASCII apart from unmasked strings; back up to a
		// rune start so the log line stays valid UTF-8.
		for cut > 0 && out[cut]&0xC0 == 0x80 {
			cut--
		}
		return out[:cut] + "…[truncated " + strconv.Itoa(len(out)-cut) + " bytes]"
	}
	return out
}

// redactJSON walks the token stream instead of decoding into maps so that
// member order is preserved and duplicate keys cannot hide a value.
func redactJSON(body []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var out bytes.Buffer
	if err := redactValue(dec, &out, false); err != nil {
		return "", err
	}
	// Trailing data after the first value means this was not one JSON
	// document; treat it as opaque.
	if len(bytes.TrimSpace(body[dec.InputOffset():])) > 0 {
		return "", errors.New("trailing data after JSON value")
	}
	return out.String(), nil
}

func redactValue(dec *json.Decoder, out *bytes.Buffer, mask bool) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			return redactObject(dec, out, mask)
		case '[':
			return redactArray(dec, out, mask)
		default:
			return errors.New("unexpected JSON delimiter")
		}
	case nil:
		// null stays visible even under a masked key: "this field was
		// removed" is not personal data and matters when debugging patches.
		out.WriteString("null")
		return nil
	default:
		if mask {
			out.WriteString(redactedValue)
			return nil
		}
		return writeJSON(out, v)
	}
}

func redactObject(dec *json.Decoder, out *bytes.Buffer, mask bool) error {
	out.WriteByte('{')
	for first := true; dec.More(); first = false {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, ok := tok.(string)
		if !ok {
			return errors.New("non-string object key")
		}
		if !first {
			out.WriteByte(',')
		}
		if err := writeJSON(out, key); err != nil {
			return err
		}
		out.WriteByte(':')
		if err := redactValue(dec, out, mask || isSensitiveKey(key)); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return err
	}
	out.WriteByte('}')
	return nil
}

func redactArray(dec *json.Decoder, out *bytes.Buffer, mask bool) error {
	out.WriteByte('[')
	for first := true; dec.More(); first = false {
		if !first {
			out.WriteByte(',')
		}
		if err := redactValue(dec, out, mask); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		return err
	}
	out.WriteByte(']')
	return nil
}

func writeJSON(out *bytes.Buffer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	out.Write(b)
	return nil
}
