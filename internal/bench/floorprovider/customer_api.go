package floorprovider

import (
	"context"
	"errors"

	"github.com/cybersource-tf/terraform-provider-cybersource/internal/client"
)

// Every use of internal/client is in this file, so that a change of the client's API is fixed in
// one place. Each method is one request.

// apiSettings are what the floor provider reads from the CYBERSOURCE_* environment.
type apiSettings struct {
	merchantID, keyID, sharedSecret, endpoint string
}

// customerAPI is the floor provider's view of the TMS customers API: a name and an id.
type customerAPI struct {
	client *client.Client
}

// newCustomerAPI builds the client the way the provider does for HTTP Signature credentials: the
// shared transport (HTTP/2, system roots, so SSL_CERT_FILE applies) and the default retry budget.
func newCustomerAPI(s apiSettings, version string) (*customerAPI, error) {
	c, err := client.New(client.Config{
		MerchantID:   s.merchantID,
		KeyID:        s.keyID,
		SharedSecret: s.sharedSecret,
		BaseURL:      s.endpoint,
		MaxRetries:   client.DefaultMaxRetries,
		Version:      version,
		UserAgent:    "cybersource-floor-provider",
	})
	if err != nil {
		return nil, err
	}
	return &customerAPI{client: c}, nil
}

// create sends one POST carrying only merchantCustomerID and returns the new customer's id.
func (a *customerAPI) create(ctx context.Context, name string) (string, error) {
	res, err := a.client.CreateCustomer(ctx, customerNamed(name), client.CallOptions{})
	if err != nil {
		return "", err
	}
	if res.Value == nil || res.Value.ID == nil || *res.Value.ID == "" {
		return "", errors.New("the create answer carries no customer id")
	}
	return *res.Value.ID, nil
}

// read sends one GET and returns the customer's merchantCustomerID; found is false when the
// customer is gone.
func (a *customerAPI) read(ctx context.Context, id string) (name string, found bool, err error) {
	res, err := a.client.GetCustomer(ctx, id, client.CallOptions{})
	if client.IsNotFound(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	if res.Value != nil && res.Value.BuyerInformation != nil && res.Value.BuyerInformation.MerchantCustomerID != nil {
		name = *res.Value.BuyerInformation.MerchantCustomerID
	}
	return name, true, nil
}

// rename sends one PATCH that changes merchantCustomerID from one name to another.
func (a *customerAPI) rename(ctx context.Context, id, from, to string) error {
	patch, err := client.NewCustomerPatch(customerNamed(from), customerNamed(to))
	if err != nil {
		return err
	}
	_, err = a.client.UpdateCustomer(ctx, id, patch, client.CallOptions{})
	return err
}

// remove sends one DELETE; a customer that is already gone counts as removed.
func (a *customerAPI) remove(ctx context.Context, id string) error {
	_, err := a.client.DeleteCustomer(ctx, id, client.CallOptions{})
	if client.IsNotFound(err) {
		return nil
	}
	return err
}

func customerNamed(name string) *client.Customer {
	return &client.Customer{BuyerInformation: &client.BuyerInformation{MerchantCustomerID: &name}}
}
