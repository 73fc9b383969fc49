"""The installed version of corroborate, in one place."""

__version__ = "0.1.0"
