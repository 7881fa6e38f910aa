"""``policyshare import``: feeds, CSV and JSON files, board listings and portable archives."""
