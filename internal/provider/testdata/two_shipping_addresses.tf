# One customer with two shipping addresses; the step chooses which one claims the default and
# whether the second exists at all.
variable "first_default" {
  type    = bool
  default = null
}

variable "second_default" {
  type    = bool
  default = null
}

variable "with_first" {
  type    = bool
  default = true
}

resource "cybersource_tms_customer" "test" {
  merchant_customer_id = "acc-two-addresses"
}

resource "cybersource_tms_customer_shipping_address" "first" {
  count       = var.with_first ? 1 : 0
  customer_id = cybersource_tms_customer.test.id
  first_name  = "First"
  country     = "US"
  default     = var.first_default
}

resource "cybersource_tms_customer_shipping_address" "second" {
  customer_id = cybersource_tms_customer.test.id
  first_name  = "Second"
  country     = "CA"
  default     = var.second_default
}
