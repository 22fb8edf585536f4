package simulator

import (
	"errors"
	"fmt"
	"strings"
)

// maxSignatureHeaderLen bounds the work done on hostile input; real headers are ~250 bytes.
const maxSignatureHeaderLen = 8 << 10

// signatureParams is the parsed `signature` header of tms-api.md §5a:
// keyid="…", algorithm="HmacSHA256", headers="host date request-target …", signature="<b64>".
type signatureParams struct {
	keyID     string
	algorithm string
	headers   []string // lower-cased, in the order the signer used
	signature string
}

// parseSignatureHeader parses the header and checks that all four parameters are present. It never
// panics: the header comes straight from the network (FuzzParseSignatureHeader holds it to that).
func parseSignatureHeader(value string) (signatureParams, error) {
	params, err := parseSignatureParams(value)
	if err != nil {
		return signatureParams{}, err
	}
	for _, name := range []string{"keyid", "algorithm", "headers", "signature"} {
		if params[name] == "" {
			return signatureParams{}, fmt.Errorf("signature header lacks %s", name)
		}
	}
	return signatureParams{
		keyID:     params["keyid"],
		algorithm: params["algorithm"],
		headers:   strings.Fields(strings.ToLower(params["headers"])),
		signature: params["signature"],
	}, nil
}

// parseSignatureParams splits `name="value", name=value, …` into a map with lower-cased names.
// Quoted values may contain commas and backslash escapes; a repeated name is an error because a
// verifier and a proxy could otherwise disagree on which one counts.
func parseSignatureParams(value string) (map[string]string, error) {
	if len(value) > maxSignatureHeaderLen {
		return nil, errors.New("signature header too long")
	}
	params := map[string]string{}
	i := 0
	for {
		i = skipSeparators(value, i)
		if i >= len(value) {
			break
		}
		eq := strings.IndexByte(value[i:], '=')
		if eq < 0 {
			return nil, fmt.Errorf("parameter %q has no value", strings.TrimSpace(value[i:]))
		}
		name := strings.ToLower(strings.TrimSpace(value[i : i+eq]))
		if name == "" || strings.ContainsAny(name, " \t,\"") {
			return nil, fmt.Errorf("malformed parameter name %q", name)
		}
		i += eq + 1
		for i < len(value) && (value[i] == ' ' || value[i] == '\t') {
			i++
		}
		var v string
		var err error
		if i < len(value) && value[i] == '"' {
			v, i, err = readQuoted(value, i+1)
			if err != nil {
				return nil, fmt.Errorf("parameter %s: %w", name, err)
			}
		} else {
			end := strings.IndexByte(value[i:], ',')
			if end < 0 {
				end = len(value) - i
			}
			v = strings.TrimSpace(value[i : i+end])
			if strings.ContainsRune(v, '"') {
				return nil, fmt.Errorf("parameter %s: stray quote", name)
			}
			i += end
		}
		if _, dup := params[name]; dup {
			return nil, fmt.Errorf("parameter %s repeated", name)
		}
		params[name] = v
		// After a value only whitespace and then a comma (or the end) may follow.
		for i < len(value) && (value[i] == ' ' || value[i] == '\t') {
			i++
		}
		if i < len(value) && value[i] != ',' {
			return nil, fmt.Errorf("unexpected %q after parameter %s", value[i], name)
		}
	}
	return params, nil
}

// readQuoted reads a quoted string whose opening quote precedes start and returns the unescaped
// value and the index just past the closing quote.
func readQuoted(s string, start int) (string, int, error) {
	var b strings.Builder
	for i := start; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 >= len(s) {
				return "", 0, errors.New("dangling escape")
			}
			i++
			b.WriteByte(s[i])
		case '"':
			return b.String(), i + 1, nil
		default:
			b.WriteByte(s[i])
		}
	}
	return "", 0, errors.New("unterminated quoted string")
}

func skipSeparators(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
		i++
	}
	return i
}
