# One customer with one shipping address; the step chooses the address's values.
variable "last_name" {
  type    = string
  default = null
}

variable "country" {
  type    = string
  default = "US"
}

resource "cybersource_tms_customer" "test" {
  merchant_customer_id = "acc-shipping-address"
}

resource "cybersource_tms_customer_shipping_address" "test" {
  customer_id         = cybersource_tms_customer.test.id
  first_name          = "Jane"
  last_name           = var.last_name
  company             = "Example Inc."
  address1            = "1 Market St"
  address2            = "Suite 200"
  locality            = "San Francisco"
  administrative_area = "CA"
  postal_code         = "94105"
  country             = var.country
  email               = "jane@example.com"
  phone_number        = "4158880000"
}
