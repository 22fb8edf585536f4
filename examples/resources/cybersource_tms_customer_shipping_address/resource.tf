resource "cybersource_tms_customer" "jane" {
  merchant_customer_id = "cust-000123"
}

# The customer's first shipping address becomes its default without being asked to.
resource "cybersource_tms_customer_shipping_address" "home" {
  customer_id         = cybersource_tms_customer.jane.id
  first_name          = "Jane"
  last_name           = "Doe"
  address1            = "1 Market St"
  address2            = "Apt 4B"
  locality            = "San Francisco"
  administrative_area = "CA"
  postal_code         = "94105"
  country             = "US"
  phone_number        = "4158880000"
}

# A second address that takes the default over. Say `default = true` on one address per
# customer only; the others follow what CyberSource reports.
resource "cybersource_tms_customer_shipping_address" "office" {
  customer_id = cybersource_tms_customer.jane.id
  first_name  = "Jane"
  last_name   = "Doe"
  company     = "Example Inc."
  address1    = "500 Howard St"
  locality    = "San Francisco"
  postal_code = "94105"
  country     = "US"
  email       = "jane.doe@example.com"
  default     = true
}

output "checkout_shipping_address_id" {
  value = cybersource_tms_customer_shipping_address.office.id
}
