"""corroborate: cross-source corroboration search for news.

Heavy parts (models, FAISS) are imported lazily so that ``corroborate --help`` is instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Engine
    from .settings import Settings

__all__ = ["Engine", "Settings", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "Engine":
        from .engine import Engine

        return Engine
    if name == "Settings":
        from .settings import Settings

        return Settings
    raise AttributeError(name)
