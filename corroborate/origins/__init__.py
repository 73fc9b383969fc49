"""Independent origins: which articles are copies, excerpts or wire rewrites of one story."""

from .cluster import cluster_origins
from .results import CoverageCount, Fold, Origin, OriginClustering, origin_counts
from .wire import WIRE_AGENCIES, WireAgency, detect_wire_credit, detect_wire_credits

__all__ = [
    "WIRE_AGENCIES",
    "CoverageCount",
    "Fold",
    "Origin",
    "OriginClustering",
    "WireAgency",
    "cluster_origins",
    "detect_wire_credit",
    "detect_wire_credits",
    "origin_counts",
]
