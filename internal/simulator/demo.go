package simulator

// Demo credentials shared by the simulator's defaults, the command, the examples and the tests, so
// that everything runs offline with one well-known set of values. They are fake and only ever
// accepted here.
const (
	DemoMerchantID   = "tfdemo_merchant"
	DemoKeyID        = "278c728c-9a17-4d22-b0d8-8a070f07af52"
	DemoSharedSecret = "dGZkZW1vLXNpbXVsYXRvci1zaGFyZWQtc2VjcmV0ISE="
	// DemoProfileID is every demo merchant's only known profile (tms-api.md §2: exactly 36 characters).
	DemoProfileID = "F75AF380-9D1B-4117-83CD-FF2C0430ECE3"

	// The second merchant exists so tests can prove customers are scoped to their creator.
	OtherMerchantID   = "tfdemo_other"
	OtherKeyID        = "6b0d2c1e-3f4a-4b5c-8d9e-0f1a2b3c4d5e"
	OtherSharedSecret = "b3RoZXItbWVyY2hhbnQtc2hhcmVkLXNlY3JldC0zMiE="

	// The meta key belongs to a portfolio and may act for both demo merchants (tms-api.md §5a).
	DemoPortfolioID   = "tfdemo_portfolio"
	DemoMetaKeyID     = "9c1f7e2d-5a4b-4c3d-8e2f-1a0b9c8d7e6f"
	DemoMetaKeySecret = "bWV0YS1rZXktcG9ydGZvbGlvLXNoYXJlZC1zZWNyZXQhIQ=="
)

// DemoMerchants returns the two demo merchants, the default for Options.Merchants.
func DemoMerchants() []Merchant {
	return []Merchant{
		{ID: DemoMerchantID, KeyID: DemoKeyID, SharedSecret: DemoSharedSecret, ProfileIDs: []string{DemoProfileID}},
		{ID: OtherMerchantID, KeyID: OtherKeyID, SharedSecret: OtherSharedSecret, ProfileIDs: []string{DemoProfileID}},
	}
}

// DemoMetaKeys returns the demo portfolio's meta key, the default for Options.MetaKeys.
func DemoMetaKeys() []MetaKey {
	return []MetaKey{{
		KeyID:        DemoMetaKeyID,
		SharedSecret: DemoMetaKeySecret,
		PortfolioID:  DemoPortfolioID,
		MerchantIDs:  []string{DemoMerchantID, OtherMerchantID},
	}}
}
