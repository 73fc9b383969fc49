"""The vector index: FAISS files and manifest, the indexing sink, rebuilds and search."""
