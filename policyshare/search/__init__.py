"""Search: the text analysers (``analysis``), the keyword index (``documents``, ``indexing``,
``fulltext``), the ranking seam (``ranking``), and the search page and API (``views``).

The ground floor: imports no content app. Content types declare their searchable text.
"""
