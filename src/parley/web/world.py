"""Country outlines for the dashboard's map, from the packaged Natural Earth TopoJSON.

TopoJSON stores each shared border once (an "arc", quantised and delta-encoded) and builds
polygons from arc indices; browsers draw GeoJSON-like rings. Decoding here, once per process,
keeps the front end free of a TopoJSON library. See ``parley/data/world/README.md``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import pycountry

from parley.web.schemas import (
    CountryFeaturePublic,
    CountryPropertiesPublic,
    GeometryPublic,
    WorldPublic,
)

Point = tuple[float, float]
_DECIMALS = 2  # about 1 km: finer than the 1:110m source, and a third of the bytes


@cache
def world() -> WorldPublic:
    """Every country of the packaged geometry as a GeoJSON MultiPolygon feature."""
    source = resources.files("parley.data").joinpath("world", "countries-110m.json")
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    features = [
        _feature(geometry, arcs)
        for geometry in topology["objects"]["countries"]["geometries"]
        if geometry.get("type") in ("Polygon", "MultiPolygon")
    ]
    return WorldPublic(features=features)


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Arcs in degrees: undo the delta encoding, then the quantisation transform."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for step_x, step_y in arc:
            x, y = x + step_x, y + step_y
            points.append((round(x * kx + dx, _DECIMALS), round(y * ky + dy, _DECIMALS)))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs; index ~i is arc i reversed, and each arc repeats the previous
    arc's last point, which is dropped."""
    ring: list[Point] = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _feature(geometry: dict[str, Any], arcs: list[list[Point]]) -> CountryFeaturePublic:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    numeric = geometry.get("id")
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return CountryFeaturePublic(
        id=numeric,
        properties=CountryPropertiesPublic(
            name=geometry.get("properties", {}).get("name", ""),
            iso3=country.alpha_3 if country else None,
        ),
        geometry=GeometryPublic(
            coordinates=[[_ring(ring, arcs) for ring in polygon] for polygon in polygons]
        ),
    )
