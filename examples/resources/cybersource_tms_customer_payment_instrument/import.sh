# Import by <customer_id>/<payment_instrument_id>; the provider's profile_id (or the merchant's
# default profile) is used.
terraform import cybersource_tms_customer_payment_instrument.jane_visa F2F3ADA770102B51E053A2598D0A9078/F45FD8DE542A9E9CE053A2598D0AFDFA

# Import an instrument of a customer in a specific TMS profile: <profile_id>/<customer_id>/<payment_instrument_id>.
terraform import cybersource_tms_customer_payment_instrument.jane_visa F75AF380-9D1B-4117-83CD-FF2C0430ECE3/F2F3ADA770102B51E053A2598D0A9078/F45FD8DE542A9E9CE053A2598D0AFDFA
