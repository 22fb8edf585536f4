# A customer with everything it can hold: two shipping addresses and two cards (a card token and a
# payment instrument each), one default of each kind. The step chooses the cards, which payment
# instrument claims the default and whether the first card stays.
variable "first_card" {
  type = object({ number = string, type = string })
}

variable "second_card" {
  type = object({ number = string, type = string })
}

variable "default_card" {
  type    = string
  default = "first"
}

variable "with_first_card" {
  type    = bool
  default = true
}

resource "cybersource_tms_customer" "test" {
  merchant_customer_id = "acc-graph"
}

resource "cybersource_tms_customer_shipping_address" "home" {
  customer_id = cybersource_tms_customer.test.id
  first_name  = "Jane"
  address1    = "1 Market St"
  locality    = "San Francisco"
  country     = "US"
  default     = true
}

resource "cybersource_tms_customer_shipping_address" "work" {
  customer_id = cybersource_tms_customer.test.id
  first_name  = "Jane"
  company     = "Example Inc."
  address1    = "500 Howard St"
  locality    = "San Francisco"
  country     = "US"
}

resource "cybersource_tms_instrument_identifier" "first" {
  count          = var.with_first_card ? 1 : 0
  card_number_wo = var.first_card.number
}

resource "cybersource_tms_instrument_identifier" "second" {
  card_number_wo = var.second_card.number
}

resource "cybersource_tms_customer_payment_instrument" "first" {
  count                    = var.with_first_card ? 1 : 0
  customer_id              = cybersource_tms_customer.test.id
  instrument_identifier_id = cybersource_tms_instrument_identifier.first[0].id
  card_type                = var.first_card.type
  card_expiration_month    = "12"
  card_expiration_year     = "2031"
  default                  = var.default_card == "first" ? true : null
}

resource "cybersource_tms_customer_payment_instrument" "second" {
  customer_id              = cybersource_tms_customer.test.id
  instrument_identifier_id = cybersource_tms_instrument_identifier.second.id
  card_type                = var.second_card.type
  card_expiration_month    = "01"
  card_expiration_year     = "2032"
  default                  = var.default_card == "second" ? true : null

  bill_to = {
    first_name = "Jane"
    company    = "Example Inc."
    country    = "US"
  }
}
