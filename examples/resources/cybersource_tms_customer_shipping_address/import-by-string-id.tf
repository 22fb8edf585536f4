# The id is <customer_id>/<shipping_address_id> or <profile_id>/<customer_id>/<shipping_address_id>.
import {
  to = cybersource_tms_customer_shipping_address.home
  id = "F2F3ADA770102B51E053A2598D0A9078/F2F4C2D1B966D631E053A2598D0AB155"
}
