"""The public read-only JSON API (/api/v1/) and its OpenAPI description (/api/openapi.json)."""
