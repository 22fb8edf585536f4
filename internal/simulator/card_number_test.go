package simulator

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/testsupport"
)

func TestMaskCardNumber(t *testing.T) {
	tests := map[string]string{
		"411111111111":        "411111XX1111",
		"4111111111111":       "411111XXX1111",
		"378282246310005":     "378282XXXXX0005",
		"4111111111111111":    "411111XXXXXX1111",
		"6011000990139424000": "601100XXXXXXXXX4000",
	}
	for number, want := range tests {
		if got := maskCardNumber(number); got != want {
			t.Errorf("maskCardNumber(%s) = %s, want %s", number, got, want)
		}
	}
}

// TestCardNumberNeverShown drives every operation that touches a card number and looks for the
// number everywhere it could surface: answers (bodies and headers), the Go API, the stats endpoint,
// the request log and the stored state (tms-subresources.md §7).
func TestCardNumberNeverShown(t *testing.T) {
	const pan = "4000056655665556"
	logs := &testsupport.SyncBuffer{}
	ts := startServer(t, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
	var seen strings.Builder
	record := func(a answer) {
		seen.Write(a.body)
		for name, values := range a.header {
			seen.WriteString(name + ": " + strings.Join(values, ",") + "\n")
		}
	}
	cid, _ := ts.create(t, `{}`)
	body := `{"card":{"number":"` + pan + `","securityCode":"737","expirationMonth":"03","expirationYear":"2030"}}`
	created := ts.do(t, http.MethodPost, identifiersPath, body)
	record(created)
	record(ts.do(t, http.MethodPost, identifiersPath, body)) // the 200 of tms-subresources.md §6.6
	iid, _ := created.json(t)["id"].(string)
	record(ts.do(t, http.MethodPost, identifiersPath, `{"card":{"number":"`+pan+`9999"}}`))  // 400: too long
	record(ts.do(t, http.MethodPatch, identifierPath(iid), `{"card":{"number":"`+pan+`"}}`)) // 400: create only
	record(ts.do(t, http.MethodPost, instrumentsPath(cid), instrumentBody(iid)))             // embeds the identifier
	record(ts.do(t, http.MethodPost, instrumentsPath(cid), `{"card":{"number":"`+pan+`"}}`)) // 400
	record(ts.do(t, http.MethodGet, identifierPath(iid), ""))                                // absolute links
	record(ts.do(t, http.MethodGet, identifierPath(iid)+"/paymentinstruments", ""))          // list
	record(ts.do(t, http.MethodGet, instrumentsPath(cid), ""))                               // list
	record(ts.get(t, cid))                                                                   // _embedded twice deep
	if _, err := ts.Sim.Seed(KindInstrumentIdentifier, DemoMerchantID, "", []byte(`{"card":{"number":"`+pan+`"}}`)); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []Kind{KindCustomer, KindShippingAddress, KindPaymentInstrument, KindInstrumentIdentifier} {
		for _, raw := range ts.Sim.Objects(kind, DemoMerchantID) {
			seen.Write(raw)
		}
	}
	resp, err := ts.client.Get(ts.URL + "/__simulator/stats")
	if err != nil {
		t.Fatal(err)
	}
	stats, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	seen.Write(stats)
	seen.WriteString(logs.String())
	ts.Sim.store.mu.RLock()
	for _, o := range ts.Sim.store.objects {
		fields, err := json.Marshal(o.fields)
		if err != nil {
			t.Fatal(err)
		}
		seen.Write(fields)
		seen.WriteString(o.uniqueKey)
	}
	for key := range ts.Sim.store.unique {
		seen.WriteString(key)
	}
	ts.Sim.store.mu.RUnlock()

	everything := seen.String()
	// The hidden digits, and the write-only members that went with them (tms-subresources.md §5).
	// Random ids and ETags make a short digit string a poor probe, hence the member names.
	for _, secret := range []string{pan, pan[6:12], `"securityCode"`, `"expirationYear":"2030"`} {
		if strings.Contains(everything, secret) {
			t.Errorf("%s appears in what the simulator shows or keeps", secret)
		}
	}
	if !strings.Contains(everything, "400005XXXXXX5556") || !strings.Contains(string(stats), "400005XXXXXX5556") {
		t.Error("the masked number is missing: the test did not see what it meant to see")
	}
}
