"""OAI-PMH 2.0 at /oai: the publications, in Dublin Core, for library aggregators."""
