package client

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// maxSnippetBytes bounds APIError.BodySnippet: enough to recognise a
	// proxy's error page, small enough for a diagnostic.
	maxSnippetBytes = 512
	// maxMessageBytes bounds decoded messages, which end up in diagnostics.
	maxMessageBytes = 1024
	// maxErrorBodyBytes bounds how much of an error body is read at all.
	maxErrorBodyBytes = 64 << 10
	// maxErrorDetails bounds APIError.Details: a 400 names a handful of
	// fields, and a hostile or broken body must not make Error() megabytes long.
	maxErrorDetails = 32
)

// Response headers present on every answer, errors included (tms-api.md §2).
const (
	headerCorrelationID       = "v-c-correlation-id"
	headerUniqueTransactionID = "uniqueTransactionID"
)

// newAPIError builds the error for a non-2xx answer. It never fails: an
// undecodable body leaves Type/Message empty and fills BodySnippet.
func newAPIError(method, path string, resp *http.Response, body []byte) *APIError {
	e := &APIError{
		StatusCode:          resp.StatusCode,
		Status:              sanitizeText(resp.Status, 128), // the reason phrase is server text too
		CorrelationID:       sanitizeText(resp.Header.Get(headerCorrelationID), 128),
		UniqueTransactionID: sanitizeText(resp.Header.Get(headerUniqueTransactionID), 128),
		Method:              method,
		Path:                path,
	}
	if e.Status == "" {
		e.Status = e.statusText()
	}
	decoded := decodeErrorBody(body)
	e.Type, e.Message, e.Details = decoded.typ, decoded.message, decoded.details
	switch {
	case e.Type == "" && repeatsStatus(e.Message, e.Status):
		e.Message = "" // a gateway's {"message":"Bad Gateway"} says nothing Error() does not
	case e.Type == "" && e.Message == "":
		e.BodySnippet = withoutStatusText(bodySnippet(body), e.Status)
	}
	return e
}

// withoutStatusText drops the status line from a snippet: proxies' error pages repeat it in their
// title and heading ("502 Bad Gateway 502 Bad Gateway"), with or without the code, and Error()
// already says it once.
func withoutStatusText(snippet, status string) string {
	if status == "" {
		return snippet
	}
	snippet = strings.ReplaceAll(snippet, status, " ")
	if reason := reasonPhrase(status); reason != "" {
		snippet = strings.ReplaceAll(snippet, reason, " ")
	}
	return strings.Join(strings.Fields(snippet), " ")
}

// repeatsStatus reports whether a message is nothing but the status line or its reason phrase.
func repeatsStatus(message, status string) bool {
	message = strings.TrimSpace(message)
	return message != "" && (strings.EqualFold(message, status) || strings.EqualFold(message, reasonPhrase(status)))
}

// reasonPhrase is the status line without its code: "Bad Gateway" for "502 Bad Gateway".
func reasonPhrase(status string) string {
	return strings.TrimSpace(strings.TrimLeft(status, "0123456789"))
}

type decodedError struct {
	typ, message string
	details      []ErrorDetail
}

// decodeErrorBody understands every body shape we know of and ignores the
// rest rather than failing:
//
//   - TMS: {"errors":[{"type","message","details":[{"name","location"}]}]} (tms-api.md §4)
//   - gateway 401: {"response":{"rmsg": "…" | {…}}} (tms-api.md §4)
//   - other CyberSource v2 APIs: {"status","reason","message","details":[{"field","reason"}]}
//   - generic gateways: {"message"} or {"error": "…" | {…}, "error_description"}
func decodeErrorBody(body []byte) decodedError {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return decodedError{}
	}
	var d decodedError

	if list := rawArray(top["errors"]); len(list) > 0 {
		for i, item := range list {
			obj := rawObject(item)
			if obj == nil {
				continue
			}
			if i == 0 || (d.typ == "" && d.message == "") {
				d.typ, d.message = jsonString(obj["type"]), jsonString(obj["message"])
			}
			d.details = append(d.details, decodeDetails(obj["details"])...)
		}
	}

	if d.typ == "" && d.message == "" {
		if resp := rawObject(top["response"]); resp != nil {
			d.message = rmsgText(resp["rmsg"])
		}
	}

	if d.typ == "" && d.message == "" {
		d.typ = firstNonEmpty(jsonString(top["reason"]), jsonString(top["status"]))
		d.message = jsonString(top["message"])
		if errObj := rawObject(top["error"]); errObj != nil {
			d.typ = firstNonEmpty(d.typ, jsonString(errObj["type"]), jsonString(errObj["code"]))
			d.message = firstNonEmpty(d.message, jsonString(errObj["message"]))
		} else {
			d.typ = firstNonEmpty(d.typ, jsonString(top["error"]))
		}
		d.message = firstNonEmpty(d.message, jsonString(top["error_description"]))
		d.details = append(d.details, decodeDetails(top["details"])...)
	}
	d.details = d.details[:min(len(d.details), maxErrorDetails)]

	d.typ = sanitizeText(d.typ, 128)
	d.message = sanitizeText(d.message, maxMessageBytes)
	return d
}

func decodeDetails(raw json.RawMessage) []ErrorDetail {
	var out []ErrorDetail
	for _, item := range rawArray(raw) {
		if len(out) == maxErrorDetails {
			break
		}
		obj := rawObject(item)
		if obj == nil {
			continue
		}
		detail := ErrorDetail{
			Name:     sanitizeText(firstNonEmpty(jsonString(obj["name"]), jsonString(obj["field"])), 256),
			Location: sanitizeText(firstNonEmpty(jsonString(obj["location"]), jsonString(obj["reason"])), 64),
		}
		if detail.Name != "" || detail.Location != "" {
			out = append(out, detail)
		}
	}
	return out
}

// rmsgText reads the 401 "rmsg", which is a string or an object
// (tms-api.md §4). For an object we look for a message-like member and
// otherwise fall back to its compact JSON, which is still more useful than
// nothing.
func rmsgText(raw json.RawMessage) string {
	if s := jsonString(raw); s != "" {
		return s
	}
	obj := rawObject(raw)
	if obj == nil {
		return ""
	}
	for _, key := range []string{"message", "rmsg", "reason", "description", "errorMessage", "error"} {
		if s := jsonString(obj[key]); s != "" {
			return s
		}
	}
	if len(obj) == 0 {
		return ""
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		return ""
	}
	return compact.String()
}

// jsonString returns raw's value when it is a JSON string, else "". Numbers
// are deliberately ignored: {"status":400} is not an error type.
func jsonString(raw json.RawMessage) string {
	if len(raw) == 0 || raw[0] != '"' {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return ""
	}
	return strings.TrimSpace(s)
}

func rawObject(raw json.RawMessage) map[string]json.RawMessage {
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil
	}
	return obj
}

func rawArray(raw json.RawMessage) []json.RawMessage {
	if len(raw) == 0 || raw[0] != '[' {
		return nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil
	}
	return list
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// bodySnippet turns an undecodable body into one readable line: JSON of an
// unknown shape is redacted like a logged body (it may echo personal data,
// and the snippet ends up in diagnostics and logs), markup is stripped (a
// proxy's HTML error page reads as its text), whitespace and control
// characters collapse to single spaces, invalid UTF-8 is dropped, and the
// result is cut to maxSnippetBytes.
func bodySnippet(body []byte) string {
	if len(body) > maxErrorBodyBytes {
		body = body[:maxErrorBodyBytes]
	}
	if redacted, err := redactJSON(body); err == nil {
		return sanitizeText(redacted, maxSnippetBytes)
	}
	text := string(body)
	if strings.HasPrefix(strings.TrimSpace(text), "<") {
		text = stripMarkup(text)
	}
	return sanitizeText(text, maxSnippetBytes)
}

func stripMarkup(s string) string {
	var b strings.Builder
	inTag := false
	for _, r := range s {
		switch {
		case r == '<':
			inTag = true
			b.WriteByte(' ')
		case r == '>' && inTag:
			inTag = false
		case !inTag:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sanitizeText makes server-provided text safe to put in an error message:
// valid UTF-8, no control characters (no log or terminal injection), single
// spaces, and at most maxBytes bytes, cut on a rune boundary with "…".
func sanitizeText(s string, maxBytes int) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := b.String()
	if len(out) <= maxBytes {
		return out
	}
	const ellipsis = "…"
	cut := maxBytes - len(ellipsis)
	for cut > 0 && !utf8.RuneStart(out[cut]) {
		cut--
	}
	return out[:cut] + ellipsis
}
