# The id is either <customer_id> or <profile_id>/<customer_id>.
import {
  to = cybersource_tms_customer.jane
  id = "F2F3ADA770102B51E053A2598D0A9078"
}
