"""The demo content that ``policyshare load-demo`` writes into an empty portal.

``content/`` holds what is shown, as data, in Korean and English; ``pictures`` draws the logos,
covers and brochure PDFs; ``loader`` writes it all into Wagtail, creating only what is missing.
"""
