package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAPIErrorDecodesEveryShape(t *testing.T) {
	tests := []struct {
		name        string
		status      int
		body        string
		wantType    string
		wantMessage string
		wantDetails []ErrorDetail
		wantSnippet string
		wantText    []string // substrings of Error()
	}{
		{
			name: "400 with details", status: 400,
			body:        `{"errors":[{"type":"invalidFields","message":"Field contains an invalid value","details":[{"name":"buyerInformation.email","location":"body"},{"name":"clientReferenceInformation.code","location":"body"}]}]}`,
			wantType:    "invalidFields",
			wantMessage: "Field contains an invalid value",
			wantDetails: []ErrorDetail{{"buyerInformation.email", "body"}, {"clientReferenceInformation.code", "body"}},
			wantText:    []string{"400 Bad Request", "invalidFields: Field contains an invalid value", "fields at fault: buyerInformation.email (body), clientReferenceInformation.code (body)", "correlation id corr-1"},
		},
		{name: "403", status: 403, body: `{"errors":[{"type":"forbidden","message":"Request not permitted"}]}`, wantType: "forbidden", wantMessage: "Request not permitted", wantText: []string{"403 Forbidden"}},
		{name: "404", status: 404, body: `{"errors":[{"type":"notFound","message":"Token not found"}]}`, wantType: "notFound", wantMessage: "Token not found"},
		{name: "409", status: 409, body: `{"errors":[{"type":"conflict","message":"Action cannot be performed"}]}`, wantType: "conflict", wantMessage: "Action cannot be performed"},
		{name: "410", status: 410, body: `{"errors":[{"type":"notAvailable","message":"Token not available."}]}`, wantType: "notAvailable", wantMessage: "Token not available."},
		{name: "412", status: 412, body: `{"errors":[{"type":"conflict","message":"the if-match header value does not match the token etag"}]}`, wantType: "conflict", wantMessage: "the if-match header value does not match the token etag"},
		{name: "424", status: 424, body: `{"errors":[{"type":"notFound","message":"Profile not found"}]}`, wantType: "notFound", wantMessage: "Profile not found", wantText: []string{"424 Failed Dependency"}},
		{name: "500", status: 500, body: `{"errors":[{"type":"serverError","message":"Internal server error"}]}`, wantType: "serverError", wantMessage: "Internal server error"},
		{name: "second error's details kept", status: 400,
			body:     `{"errors":[{"type":"missingFields","message":"m"},{"type":"invalidFields","details":[{"name":"x","location":"body"}]}]}`,
			wantType: "missingFields", wantMessage: "m", wantDetails: []ErrorDetail{{"x", "body"}}},
		{name: "401 rmsg string", status: 401, body: `{"response":{"rmsg":"Authentication Failed"}}`, wantMessage: "Authentication Failed", wantText: []string{"401 Unauthorized for GET /tms/v2/customers/x: Authentication Failed"}},
		{name: "401 rmsg object with message", status: 401, body: `{"response":{"rmsg":{"message":"Signature mismatch"}}}`, wantMessage: "Signature mismatch"},
		{name: "401 rmsg object without message", status: 401, body: `{"response":{"rmsg":{"code": 7, "flags": [1]}}}`, wantMessage: `{"code":7,"flags":[1]}`},
		{name: "flat v2 shape", status: 400,
			body:     `{"submitTimeUtc":"2026-01-01T00:00:00Z","status":"INVALID_REQUEST","reason":"MISSING_FIELD","message":"Declined - missing field","details":[{"field":"buyerInformation.email","reason":"MISSING_FIELD"}]}`,
			wantType: "MISSING_FIELD", wantMessage: "Declined - missing field", wantDetails: []ErrorDetail{{"buyerInformation.email", "MISSING_FIELD"}}},
		{name: "gateway message only", status: 429, body: `{"message":"Rate limit exceeded"}`, wantMessage: "Rate limit exceeded"},
		{name: "oauth style", status: 401, body: `{"error":"invalid_token","error_description":"expired"}`, wantType: "invalid_token", wantMessage: "expired"},
		{name: "nested error object", status: 503, body: `{"error":{"code":"unavailable","message":"try later"}}`, wantType: "unavailable", wantMessage: "try later"},
		{name: "numeric status is not a type", status: 502, body: `{"status":502}`, wantSnippet: `{"status":502}`},
		{name: "HTML from a proxy", status: 502,
			body: "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center></body></html>",
			// The page only repeats the status line, which Error() already gives once.
			wantSnippet: "",
			wantText:    []string{"502 Bad Gateway for GET /tms/v2/customers/x; correlation id corr-1"}},
		{name: "HTML with more than the status", status: 502,
			body:        "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>upstream timed out</p></body></html>",
			wantSnippet: "upstream timed out",
			wantText:    []string{"502 Bad Gateway for GET /tms/v2/customers/x: unexpected response body: upstream timed out"}},
		{name: "gateway message repeating the status", status: 502, body: `{"message":"Bad Gateway"}`,
			wantText: []string{"502 Bad Gateway for GET /tms/v2/customers/x; correlation id corr-1"}},
		{name: "HTML page repeating the reason phrase only", status: 502,
			body:        "<html><head><title>Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
			wantSnippet: "",
			wantText:    []string{"502 Bad Gateway for GET /tms/v2/customers/x; correlation id corr-1"}},
		{name: "empty body", status: 503, body: "", wantText: []string{"503 Service Unavailable for GET /tms/v2/customers/x; correlation id corr-1"}},
		{name: "truncated JSON", status: 500, body: `{"errors":[{"type":"serverEr`, wantSnippet: `{"errors":[{"type":"serverEr`},
		{name: "wrong types", status: 400, body: `{"errors":{"type":"x"},"response":"y","message":12}`, wantSnippet: `{"errors":{"type":"x"},"response":"y","message":12}`},
		{name: "top-level array", status: 400, body: `[{"type":"x"}]`, wantSnippet: `[{"type":"x"}]`},
		{name: "control characters stripped", status: 400, body: "{\"errors\":[{\"type\":\"t\",\"message\":\"line1\\nline2\\u001b[31m\"}]}", wantType: "t", wantMessage: "line1 line2 [31m"},
		{name: "invalid UTF-8 dropped", status: 502, body: "bad \xff\xfe bytes", wantSnippet: "bad bytes"},
		// An unknown JSON shape may echo what was sent; the snippet reaches
		// diagnostics and logs, so it is masked like a logged body.
		{name: "unknown JSON shape is redacted", status: 400,
			body:        `{"detail":{"email":"jane@example.com","firstName":"Jane","code":7}}`,
			wantSnippet: `{"detail":{"email":"***","firstName":"***","code":7}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{
				StatusCode: tt.status,
				Status:     strconv.Itoa(tt.status) + " " + http.StatusText(tt.status),
				Header:     http.Header{},
			}
			resp.Header.Set(headerCorrelationID, "corr-1")
			resp.Header.Set(headerUniqueTransactionID, "utx-1")
			e := newAPIError(http.MethodGet, "/tms/v2/customers/x", resp, []byte(tt.body))
			if e.Type != tt.wantType || e.Message != tt.wantMessage {
				t.Errorf("Type, Message = %q, %q; want %q, %q", e.Type, e.Message, tt.wantType, tt.wantMessage)
			}
			if !reflect.DeepEqual(e.Details, tt.wantDetails) {
				t.Errorf("Details = %+v, want %+v", e.Details, tt.wantDetails)
			}
			if e.BodySnippet != tt.wantSnippet {
				t.Errorf("BodySnippet = %q, want %q", e.BodySnippet, tt.wantSnippet)
			}
			if e.CorrelationID != "corr-1" || e.UniqueTransactionID != "utx-1" || e.StatusCode != tt.status {
				t.Errorf("ids/status = %q, %q, %d", e.CorrelationID, e.UniqueTransactionID, e.StatusCode)
			}
			for _, want := range append(tt.wantText, "correlation id corr-1", strconv.Itoa(tt.status)) {
				if !strings.Contains(e.Error(), want) {
					t.Errorf("Error() = %q, want it to contain %q", e.Error(), want)
				}
			}
		})
	}
}

func TestBodySnippetIsBounded(t *testing.T) {
	for _, body := range []string{
		strings.Repeat("x", 10_000),
		strings.Repeat("é", 5_000), // multi-byte runes must not be cut in half
		"<p>" + strings.Repeat("word ", 5_000) + "</p>",
	} {
		s := bodySnippet([]byte(body))
		if len(s) > maxSnippetBytes || !utf8.ValidString(s) || !strings.HasSuffix(s, "…") {
			t.Errorf("snippet of %d bytes: len %d, valid UTF-8 %v, %q…", len(body), len(s), utf8.ValidString(s), s[:20])
		}
	}
}

func TestAPIErrorBoundsServerText(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"errors":[{"type":"invalidFields","message":"m","details":[`)
	for i := range 1000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"field%d","location":"body"}`, i)
	}
	b.WriteString(`]}]}`)
	resp := &http.Response{StatusCode: 400, Status: "400 Bad\x1b[31mRequest\x07", Header: http.Header{}}
	e := newAPIError(http.MethodPost, customersPath, resp, []byte(b.String()))
	if len(e.Details) != maxErrorDetails || e.Details[0].Name != "field0" {
		t.Errorf("kept %d details starting with %+v, want the first %d", len(e.Details), e.Details[0], maxErrorDetails)
	}
	if strings.ContainsFunc(e.Error(), isControl) {
		t.Errorf("Error() carries control characters from the reason phrase: %q", e.Error())
	}
	if !strings.HasPrefix(e.Error(), "CyberSource returned 400 Bad [31mRequest for POST") {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestErrorHelpers(t *testing.T) {
	apiErr := func(status int, applied bool) error {
		// Wrapped, as callers are likely to do.
		return fmt.Errorf("reading customer: %w", &APIError{StatusCode: status, MayHaveBeenApplied: applied})
	}
	transport := &TransportError{Method: "POST", Path: customersPath, Err: context.DeadlineExceeded, MayHaveBeenApplied: true}
	tests := []struct {
		name                                    string
		err                                     error
		notFound, precondition, auth, ambiguous bool
	}{
		{"404", apiErr(404, false), true, false, false, false},
		{"410", apiErr(410, false), true, false, false, false},
		{"412", apiErr(412, false), false, true, false, false},
		{"401", apiErr(401, false), false, false, true, false},
		{"403", apiErr(403, false), false, false, true, false},
		{"400", apiErr(400, false), false, false, false, false},
		{"502 after POST", apiErr(502, true), false, false, false, true},
		{"transport", transport, false, false, false, true},
		{"plain error", errors.New("x"), false, false, false, false},
		{"nil", nil, false, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if IsNotFound(tt.err) != tt.notFound || IsPreconditionFailed(tt.err) != tt.precondition ||
				IsAuthFailure(tt.err) != tt.auth || MayHaveBeenApplied(tt.err) != tt.ambiguous {
				t.Errorf("helpers = %v %v %v %v", IsNotFound(tt.err), IsPreconditionFailed(tt.err), IsAuthFailure(tt.err), MayHaveBeenApplied(tt.err))
			}
		})
	}
	if !errors.Is(transport, context.DeadlineExceeded) {
		t.Error("TransportError does not unwrap to its cause")
	}
	if want := "request POST /tms/v2/customers failed: context deadline exceeded; the request may have reached CyberSource and been applied"; transport.Error() != want {
		t.Errorf("TransportError.Error() = %q", transport.Error())
	}
}

func TestAPIErrorTextForAmbiguousPost(t *testing.T) {
	e := &APIError{StatusCode: 502, Status: "502 Bad Gateway", Method: "POST", Path: customersPath, MayHaveBeenApplied: true, CorrelationID: "abc"}
	want := "CyberSource returned 502 Bad Gateway for POST /tms/v2/customers; the request may nevertheless have been applied; correlation id abc"
	if e.Error() != want {
		t.Errorf("Error() =\n  %s\nwant\n  %s", e.Error(), want)
	}
	if got := (&APIError{StatusCode: 599}).Error(); got != "CyberSource returned HTTP 599" {
		t.Errorf("unknown status: %q", got)
	}
}

// FuzzDecodeError feeds arbitrary bodies and statuses to the error decoder:
// it must never panic, and what it produces must stay bounded, valid UTF-8
// and free of control characters.
func FuzzDecodeError(f *testing.F) {
	seeds := []string{
		`{"errors":[{"type":"invalidFields","message":"m","details":[{"name":"a","location":"body"}]}]}`,
		`{"response":{"rmsg":"Authentication Failed"}}`,
		`{"response":{"rmsg":{"message":"x"}}}`,
		`{"response":{"rmsg":{"a":[1,2,{"b":null}]}}}`,
		`{"status":"INVALID_REQUEST","reason":"MISSING_FIELD","message":"m","details":[{"field":"f","reason":"r"}]}`,
		`{"error":{"code":"c","message":"m"}}`,
		`{"error":"e","error_description":"d"}`,
		"<html><body>502</body></html>",
		"",
		`{"errors":[`,
		"\xff\xfe\x00",
		`[[[[[[[[[[]]]]]]]]]]`,
	}
	for i, s := range seeds {
		f.Add([]byte(s), 400+i)
	}
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		resp := &http.Response{StatusCode: status, Header: http.Header{}}
		e := newAPIError(http.MethodPost, customersPath, resp, body)
		text := e.Error()
		if text == "" {
			t.Fatal("empty Error()")
		}
		for name, s := range map[string]string{"type": e.Type, "message": e.Message, "snippet": e.BodySnippet, "error": text} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
			if strings.ContainsFunc(s, isControl) {
				t.Fatalf("%s contains control characters: %q", name, s)
			}
		}
		if len(e.BodySnippet) > maxSnippetBytes || len(e.Message) > maxMessageBytes || len(e.Details) > maxErrorDetails {
			t.Fatalf("unbounded output: snippet %d, message %d bytes, %d details", len(e.BodySnippet), len(e.Message), len(e.Details))
		}
		if e.BodySnippet != "" && (e.Type != "" || e.Message != "") {
			t.Fatal("snippet set although the body decoded")
		}
		// The redactor sees the same bodies in logs and must not panic either.
		_ = redactBody(body)
	})
}
