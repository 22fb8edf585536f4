variable "card_number" {
  description = "Card number to tokenise. In the sandbox, a public test number such as 4111111111111111."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "cybersource_tms_customer" "jane" {
  merchant_customer_id = "cust-000123"
}

resource "cybersource_tms_instrument_identifier" "jane_visa" {
  card_number_wo = var.card_number
}

resource "cybersource_tms_customer_payment_instrument" "jane_visa" {
  customer_id              = cybersource_tms_customer.jane.id
  instrument_identifier_id = cybersource_tms_instrument_identifier.jane_visa.id
  card_type                = "001" # Visa
  card_expiration_month    = "12"
  card_expiration_year     = "2031"

  # The customer's first payment instrument becomes its default anyway; `true` also takes the
  # default over from any instrument added later, by Terraform or by the checkout.
  default = true

  bill_to = {
    first_name          = "Jane"
    last_name           = "Doe"
    address1            = "1 Market St"
    locality            = "San Francisco"
    administrative_area = "CA"
    postal_code         = "94105"
    country             = "US"
    email               = "jane.doe@example.com"
  }
}

output "jane_default_card" {
  value = {
    payment_instrument_id = cybersource_tms_customer_payment_instrument.jane_visa.id
    masked_number         = cybersource_tms_customer_payment_instrument.jane_visa.card_number_masked
  }
}
