# A customer with every writable attribute set. Only what you set is sent to CyberSource; every
# attribute is optional, and an empty resource block creates an empty customer.
resource "cybersource_tms_customer" "jane" {
  merchant_customer_id  = "cust-000123"
  email                 = "jane.doe@example.com"
  client_reference_code = "crm-sync"
  title                 = "Loyalty programme member"
  comment               = "Imported from the CRM in 2021"

  # Names are CyberSource's: data1..data4 and sensitive1..sensitive4. Do not put personal data here.
  merchant_defined_information = {
    data1 = "loyalty-gold"
    data2 = "newsletter"
  }
}

output "jane_customer_id" {
  value = cybersource_tms_customer.jane.id
}
