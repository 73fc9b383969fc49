"""Ingest, extraction, embedding and rebuild on a Ray cluster (``ray_address``); Ray is imported
only here, and only when that setting is set."""
