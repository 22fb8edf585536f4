package simulator

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Paths of the customer sub-resources and instrument identifiers (tms-subresources.md §1).
const identifiersPath = "/tms/v1/instrumentidentifiers"

func addressesPath(customerID string) string {
	return customersPath + "/" + customerID + "/shipping-addresses"
}
func instrumentsPath(customerID string) string {
	return customersPath + "/" + customerID + "/payment-instruments"
}
func identifierPath(id string) string { return identifiersPath + "/" + id }

// identifierIDPattern is a card identifier's id: 19 digits starting with 70
// (tms-subresources.md §2a).
var identifierIDPattern = regexp.MustCompile(`^70[0-9]{17}$`)

// A test card number and its masked form (tms-subresources.md §7).
const (
	testPAN       = "4111111111111111"
	testPANMasked = "411111XXXXXX1111"
	otherPAN      = "5555555555554444"
)

// do sends a request signed by the demo merchant.
func (ts *testServer) do(t testing.TB, method, path, body string, mods ...func(*http.Request)) answer {
	t.Helper()
	return ts.request(t, method, path, []byte(body), signSpec{}, mods...)
}

// post creates an object and returns its id and ETag; any status but 201 fails the test.
func (ts *testServer) post(t testing.TB, path, body string) (id, etag string) {
	t.Helper()
	a := ts.do(t, http.MethodPost, path, body)
	if a.status != http.StatusCreated {
		t.Fatalf("POST %s: %d %s, want 201", path, a.status, a.body)
	}
	id, _ = a.json(t)["id"].(string)
	return id, a.header.Get("ETag")
}

// identifier creates (or finds) the demo merchant's instrument identifier for a card number.
func (ts *testServer) identifier(t testing.TB, pan string) string {
	t.Helper()
	a := ts.do(t, http.MethodPost, identifiersPath, `{"card":{"number":"`+pan+`"}}`)
	if a.status != http.StatusCreated && a.status != http.StatusOK {
		t.Fatalf("POST instrument identifier: %d %s", a.status, a.body)
	}
	id, _ := a.json(t)["id"].(string)
	return id
}

// instrumentBody is a payment instrument body naming an identifier, plus extra members.
func instrumentBody(identifierID string, extra ...string) string {
	members := append([]string{`"card":{"expirationMonth":"12","expirationYear":"2031","type":"001"}`,
		`"instrumentIdentifier":{"id":"` + identifierID + `"}`}, extra...)
	return "{" + strings.Join(members, ",") + "}"
}

// etagOf returns the ETag a GET of path answers with.
func (ts *testServer) etagOf(t testing.TB, path string) string {
	t.Helper()
	a := ts.do(t, http.MethodGet, path, "")
	if a.status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, a.status, a.body)
	}
	return a.header.Get("ETag")
}

// expectError checks an error answer's status and type.
func (a answer) expectError(t testing.TB, status int, errorType string) {
	t.Helper()
	if a.status != status || a.errorType(t) != errorType {
		t.Errorf("got %d %s, want %d %s", a.status, a.body, status, errorType)
	}
}

// jsonEqual compares two decoded JSON values.
func jsonEqual(a, b any) bool { return reflect.DeepEqual(a, b) }

// bodyCase is one POST body and the answer it must get.
type bodyCase struct {
	name, body string
	status     int
	errorType  string   // for errors
	details    []string // for errors: errors[0].details names
}

// postCases POSTs each body to path as the demo merchant and checks the answer, and that the
// merchant's count of kind grew by one exactly when the answer was 201.
func (ts *testServer) postCases(t *testing.T, kind Kind, path string, cases []bodyCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			before := len(ts.Sim.IDs(kind, DemoMerchantID))
			a := ts.do(t, http.MethodPost, path, tt.body)
			if a.status != tt.status {
				t.Fatalf("status %d, want %d: %s", a.status, tt.status, a.body)
			}
			grown := len(ts.Sim.IDs(kind, DemoMerchantID)) - before
			if tt.status == http.StatusCreated {
				if grown != 1 {
					t.Errorf("%d new objects, want 1", grown)
				}
				return
			}
			a.expectError(t, tt.status, tt.errorType)
			if got := a.detailNames(t); !slices.Equal(got, tt.details) {
				t.Errorf("details %v, want %v", got, tt.details)
			}
			if grown != 0 {
				t.Errorf("a refused POST stored %d objects", grown)
			}
		})
	}
}

// embeddedIDs returns the ids of a list answer's _embedded items, in order.
func (a answer) embeddedIDs(t testing.TB, member string) []string {
	t.Helper()
	items, _ := dig(a.json(t), "_embedded", member).([]any)
	ids := make([]string, 0, len(items))
	for _, item := range items {
		id, _ := dig(item, "id").(string)
		ids = append(ids, id)
	}
	return ids
}

// created POSTs body to path, expects 201 and a 32-hex id (tms-subresources.md §2a), and returns
// the answer and the id.
func (ts *testServer) created(t testing.TB, path, body string) (answer, string) {
	t.Helper()
	a := ts.do(t, http.MethodPost, path, body)
	if a.status != http.StatusCreated {
		t.Fatalf("POST %s: %d %s, want 201", path, a.status, a.body)
	}
	id, _ := a.json(t)["id"].(string)
	if !tokenIDPattern.MatchString(id) {
		t.Errorf("id %q is not 32 upper-case hex characters", id)
	}
	return a, id
}

// hookCall is one call of the before hook.
type hookCall struct{ method, route, id string }

// recordHookCalls installs a before hook that records its calls and then runs also (nil: nothing);
// the returned function reads the calls so far.
func recordHookCalls(sim *Simulator, also func(hookCall)) func() []hookCall {
	var mu sync.Mutex
	var calls []hookCall
	sim.SetBeforeHook(func(method, route, id string) {
		c := hookCall{method, route, id}
		mu.Lock()
		calls = append(calls, c)
		mu.Unlock()
		if also != nil {
			also(c)
		}
	})
	return func() []hookCall {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(calls)
	}
}

// adminStats decodes GET /__simulator/stats into into.
func (ts *testServer) adminStats(t testing.TB, into any) {
	t.Helper()
	resp, err := ts.client.Get(ts.URL + "/__simulator/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
		t.Fatal(err)
	}
}
