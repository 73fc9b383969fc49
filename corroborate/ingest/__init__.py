"""Ingest: feeds in, articles and passages out (fetch, parse, extract, split, store)."""
