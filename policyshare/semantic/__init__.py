"""Semantic search: multilingual-e5-small passage embeddings, exact vector search, and the
fusion of keyword and semantic rankings."""
