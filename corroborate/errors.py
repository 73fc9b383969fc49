"""The one exception hierarchy of corroborate.

    CorroborateError                 base of everything the library raises on purpose
    ├── ConfigError                  a bad setting, config file or environment variable
    ├── ClaimError                   a claim that cannot be searched (empty, or an article)
    ├── DateError                    a date that cannot be read (names the option)
    ├── EvidenceWindowError          an evidence window other than before/after
    ├── DataFileError                a labelled data file's row (names the file and row)
    ├── FeedListError                a bad feed list (names the file and the line)
    ├── FetchError                   one URL could not be fetched; ``reason`` says why
    │   ├── BlockedAddressError      the host resolves to a private/loopback/reserved address
    │   ├── RobotsDisallowedError    robots.txt forbids the URL for our user agent
    │   ├── HTTPStatusError          a 4xx/5xx answer (after retries where they apply)
    │   ├── TooLargeError            the body exceeded the size cap while streaming
    │   ├── ContentTypeError         the body is not of a type we can use
    │   ├── RedirectError            too many redirects, or a redirect loop
    │   └── FetchTimeoutError        connect/read/total timeout
    ├── ParseError                   a feed or page could not be parsed; ``reason`` says why
    ├── StoreError                   the SQLite store is unusable (e.g. a newer schema)
    ├── ModelError                   a model is missing, unprepared or mismatched
    ├── ServiceError                 the engine service (``engine_url``) could not answer
    └── IndexError_                  the vector index is missing or does not match the model

In batch work (ingest) per-item errors are recorded with their reason and the run goes on;
configuration and programming errors raise. The CLI turns these into a clean message.
"""

from __future__ import annotations


class CorroborateError(Exception):
    """Base class for the errors corroborate raises on purpose."""


class ConfigError(CorroborateError):
    """A setting, config file or environment variable is invalid."""


class FeedListError(CorroborateError):
    """A feed list file is invalid; the message names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class FetchError(CorroborateError):
    """A URL could not be fetched. ``reason`` is a short, human-readable cause."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        self.url = url
        self.reason = reason
        self.status = status
        super().__init__(f"{url}: {reason}")


class BlockedAddressError(FetchError):
    """The URL's host resolves to an address we refuse without an explicit opt-in."""


class RobotsDisallowedError(FetchError):
    """robots.txt forbids fetching the URL."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""


class TooLargeError(FetchError):
    """The response exceeded the configured size cap."""


class ContentTypeError(FetchError):
    """The response's content type is not one we can use."""


class RedirectError(FetchError):
    """Too many redirects, a loop, or a redirect to a forbidden scheme."""


class FetchTimeoutError(FetchError):
    """A connect, read or total timeout expired."""


class ParseError(CorroborateError):
    """A feed or page could not be parsed."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class StoreError(CorroborateError):
    """The article store cannot be used as it is."""


class ModelError(CorroborateError):
    """A model is missing, unprepared, or does not match what was expected."""


class ServiceError(CorroborateError):
    """The engine service at ``engine_url`` could not be reached or could not answer."""


class IndexError_(CorroborateError):
    """The vector index is missing, corrupt, or was built with another model."""



class ClaimError(CorroborateError, ValueError):
    """A claim that cannot be searched: empty, or an article rather than a claim."""


class DateError(CorroborateError, ValueError):
    """A date that could not be read (the message names the option and the accepted forms)."""


class EvidenceWindowError(CorroborateError, ValueError):
    """``evidence`` is neither ``before`` nor ``after``."""


class DataFileError(CorroborateError):
    """A row of a labelled data file cannot be read; the message names the file and the row."""

    def __init__(self, path: object, row: str, message: str) -> None:
        self.path = str(path)
        self.row = row
        super().__init__(f"{path}, {row}: {message}")


__all__ = [
    "BlockedAddressError",
    "ClaimError",
    "ConfigError",
    "ContentTypeError",
    "CorroborateError",
    "DataFileError",
    "DateError",
    "EvidenceWindowError",
    "FeedListError",
    "FetchError",
    "FetchTimeoutError",
    "HTTPStatusError",
    "IndexError_",
    "ModelError",
    "ParseError",
    "RedirectError",
    "RobotsDisallowedError",
    "ServiceError",
    "StoreError",
    "TooLargeError",
]
