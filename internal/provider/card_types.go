package provider

import (
	"fmt"
	"slices"
	"strings"
)

// cardTypeCodes are the card type codes a payment instrument's card.type takes, with the names
// CyberSource gives them (tms-subresources.md §4, card.type; the list is the one in the official
// SDKs' documentation of the field). The codes are what the customer payment instrument API
// documents and what its examples send; the names are only used to suggest a code.
var cardTypeCodes = map[string]string{
	"001": "visa", "002": "mastercard", "003": "american express", "004": "discover", "005": "diners club",
	"006": "carte blanche", "007": "jcb", "008": "optima", "011": "twinpay credit", "012": "twinpay debit",
	"013": "walmart", "014": "enroute", "015": "lowes consumer", "016": "home depot consumer", "017": "mbna",
	"018": "dicks sportswear", "019": "casual corner", "020": "sears", "021": "jal", "023": "disney",
	"024": "maestro uk domestic", "025": "sams club consumer", "026": "sams club business", "028": "bill me later",
	"029": "bebe", "030": "restoration hardware", "031": "delta online", "032": "solo", "033": "visa electron",
	"034": "dankort", "035": "laser", "036": "carte bleue", "037": "carta si", "038": "pinless debit",
	"039": "encoded account", "040": "uatp", "041": "household", "042": "maestro international",
	"043": "ge money uk", "044": "korean cards", "045": "style", "046": "jcrew",
	"047": "payease china processing ewallet", "048": "payease china processing bank transfer",
	"049": "meijer private label", "050": "hipercard", "051": "aura", "052": "redecard", "054": "elo",
	"055": "capital one private label", "056": "synchrony private label", "057": "costco private label",
	"060": "mada", "062": "china union pay", "063": "falabella private label",
}

// checkCardType accepts a documented code. A card name gets its code suggested: the standalone
// payment instrument examples send names, so users copy them (tms-subresources.md §10.3).
func checkCardType(value string) error {
	if _, ok := cardTypeCodes[value]; ok {
		return nil
	}
	name := strings.ToLower(strings.TrimSpace(value))
	for code, known := range cardTypeCodes {
		if known == name || (name == "amex" && code == "003") {
			return fmt.Errorf("is a card name; use its code %q", code)
		}
	}
	return fmt.Errorf("is not a CyberSource card type code; use a three-digit code such as 001 (Visa), 002 "+
		"(Mastercard), 003 (American Express), 004 (Discover) or 007 (JCB); all codes: %s", strings.Join(sortedCardTypeCodes(), ", "))
}

func sortedCardTypeCodes() []string {
	codes := make([]string, 0, len(cardTypeCodes))
	for code := range cardTypeCodes {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	return codes
}
