package provider

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// exampleProfileID is the profile id shown in import id examples.
const exampleProfileID = "F75AF380-9D1B-4117-83CD-FF2C0430ECE3"

// importID is a parsed import id: the ids of the kind's parts, in order, and the profile id,
// empty for the short form, in which case the provider's default profile applies.
type importID struct {
	ProfileID string
	IDs       []string
}

// String renders the id back in the form it was parsed from.
func (id importID) String() string {
	parts := id.IDs
	if id.ProfileID != "" {
		parts = append([]string{id.ProfileID}, parts...)
	}
	return strings.Join(parts, "/")
}

// parseImportID accepts `[<profile_id>/]<part>[/<part>…]` with the kind's parts. It is strict on
// purpose: a typo caught here is cheaper than a 404 (or, worse, a 424 "Profile not found") during
// the refresh that follows an import.
func (k *tmsKind) parseImportID(raw string) (importID, error) {
	if raw == "" {
		return importID{}, errors.New("the import id is empty")
	}
	parts := strings.Split(raw, "/")
	var id importID
	switch len(parts) {
	case len(k.idParts):
		id.IDs = parts
	case len(k.idParts) + 1:
		id.ProfileID, id.IDs = parts[0], parts[1:]
		if err := client.CheckProfileID(id.ProfileID); err != nil {
			return importID{}, fmt.Errorf("the profile id part of %q %w", raw, err)
		}
	default:
		if len(parts) < len(k.idParts) {
			return importID{}, fmt.Errorf("the import id %q has %d part(s); it needs %d", raw, len(parts), len(k.idParts))
		}
		return importID{}, fmt.Errorf("the import id %q has more than %s '/'", raw, countWord(len(k.idParts)))
	}
	for i, part := range k.idParts {
		if err := part.check(id.IDs[i]); err != nil {
			return importID{}, fmt.Errorf("the %s part of %q %w", part.label, raw, err)
		}
	}
	return id, nil
}

// check applies the id rules: 1 (or minLength) to maxLength characters, letters and digits only.
// Real ids are upper-case hex or digits; letters and digits are accepted so that ids from other
// environments (and the simulator) work too.
func (p idPart) check(id string) error {
	minLength := max(p.minLength, 1)
	switch {
	case id == "":
		return errors.New("is empty")
	case len(id) > p.maxLength:
		return fmt.Errorf("is %d characters long; it must be at most %d", len(id), p.maxLength)
	case len(id) < minLength:
		return fmt.Errorf("is %d characters long; it must be at least %d", len(id), minLength)
	}
	for _, r := range id {
		if !isASCIIAlphanumeric(r) {
			return fmt.Errorf("contains %q; only letters and digits are allowed", r)
		}
	}
	return nil
}

// importIDForms is shown whenever an import id cannot be parsed, so that the error itself says
// what would have worked.
func (k *tmsKind) importIDForms() string {
	var names, examples, rules []string
	for _, p := range k.idParts {
		names = append(names, "<"+p.identity+">")
		examples = append(examples, p.example)
		length := fmt.Sprintf("1-%d", p.maxLength)
		if p.minLength > 1 {
			length = fmt.Sprintf("%d-%d", p.minLength, p.maxLength)
		}
		rules = append(rules, fmt.Sprintf("%s is %s letters or digits", p.identity, length))
	}
	short, long := strings.Join(names, "/"), "<profile_id>/"+strings.Join(names, "/")
	width := len(long) + 2
	return fmt.Sprintf("Accepted forms:\n  %-*se.g. %s\n  %-*se.g. %s/%s\nwhere %s, and profile_id is the "+
		"36-character TMS profile id.",
		width, short, strings.Join(examples, "/"), width, long, exampleProfileID, strings.Join(examples, "/"),
		strings.Join(rules, ", "))
}

func countWord(n int) string {
	if words := []string{"no", "one", "two", "three"}; n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}

func isASCIIAlphanumeric(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
}
