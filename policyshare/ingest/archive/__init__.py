"""Portable archives of all public content: ``policyshare export`` writes one,
``policyshare import`` reads it back into an empty or an existing site."""
