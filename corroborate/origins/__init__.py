"""Independent origins: which articles are copies, excerpts or wire rewrites of one story."""
