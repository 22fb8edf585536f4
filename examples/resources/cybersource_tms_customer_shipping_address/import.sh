# Import by <customer_id>/<shipping_address_id>; the provider's profile_id (or the merchant's
# default profile) is used.
terraform import cybersource_tms_customer_shipping_address.home F2F3ADA770102B51E053A2598D0A9078/F2F4C2D1B966D631E053A2598D0AB155

# Import an address of a customer in a specific TMS profile: <profile_id>/<customer_id>/<shipping_address_id>.
terraform import cybersource_tms_customer_shipping_address.home F75AF380-9D1B-4117-83CD-FF2C0430ECE3/F2F3ADA770102B51E053A2598D0A9078/F2F4C2D1B966D631E053A2598D0AB155
