# The id is <customer_id>/<payment_instrument_id> or <profile_id>/<customer_id>/<payment_instrument_id>.
import {
  to = cybersource_tms_customer_payment_instrument.jane_visa
  id = "F2F3ADA770102B51E053A2598D0A9078/F45FD8DE542A9E9CE053A2598D0AFDFA"
}
