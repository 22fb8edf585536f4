# One customer with one payment instrument, and two card tokens for it to use. The step chooses
# the cards, which token the instrument uses, its expiration month and its billing city.
variable "card_a" {
  type = string
}

variable "card_b" {
  type = string
}

variable "card_type" {
  type    = string
  default = "001"
}

variable "use_card_b" {
  type    = bool
  default = false
}

variable "expiration_month" {
  type    = string
  default = "12"
}

variable "locality" {
  type    = string
  default = "San Francisco"
}

resource "cybersource_tms_customer" "test" {
  merchant_customer_id = "acc-payment-instrument"
}

resource "cybersource_tms_instrument_identifier" "a" {
  card_number_wo = var.card_a
}

resource "cybersource_tms_instrument_identifier" "b" {
  card_number_wo = var.card_b
}

resource "cybersource_tms_customer_payment_instrument" "test" {
  customer_id              = cybersource_tms_customer.test.id
  instrument_identifier_id = var.use_card_b ? cybersource_tms_instrument_identifier.b.id : cybersource_tms_instrument_identifier.a.id
  card_type                = var.card_type
  card_expiration_month    = var.expiration_month
  card_expiration_year     = "2031"

  bill_to = {
    first_name          = "Jane"
    last_name           = "Doe"
    address1            = "1 Market St"
    locality            = var.locality
    administrative_area = "CA"
    postal_code         = "94105"
    country             = "US"
    email               = "jane@example.com"
  }
}
