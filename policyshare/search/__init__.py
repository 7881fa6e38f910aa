"""Search: text analysers (this package), later the index, embedder and hybrid ranking.

The ground floor: imports no content app. Content types declare their searchable text.
"""
