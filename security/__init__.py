"""Attack tools run against a throwaway portal: ``python -m security.scan`` (see scan.py)."""
