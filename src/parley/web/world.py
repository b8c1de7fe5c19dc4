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
_ANTARCTICA = "010"  # no events, and its ring runs along the pole: left off the map


@cache
def world_json() -> bytes:
    """`world()` as JSON, serialised once: it is the largest and least changing response."""
    return world().model_dump_json().encode()


@cache
def world() -> WorldPublic:
    """Every country of the packaged geometry as a GeoJSON MultiPolygon feature."""
    source = resources.files("parley.data").joinpath("world", "countries-110m.json")
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    features = [
        _feature(geometry, arcs)
        for geometry in topology["objects"]["countries"]["geometries"]
        if geometry.get("type") in ("Polygon", "MultiPolygon") and geometry.get("id") != _ANTARCTICA
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
    return _unwrapped(ring)


def _unwrapped(ring: list[Point]) -> list[Point]:
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps by ~360° of
    longitude, which a flat map draws as a line across the world; shifting the points after
    each jump keeps the ring in one piece, its bulk on the map and its tip past ±180°."""
    out: list[Point] = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            previous = out[-1][0] - shift
            if lon - previous > 180:
                shift -= 360
            elif previous - lon > 180:
                shift += 360
        out.append((round(lon + shift, _DECIMALS), lat))
    centre = sum(lon for lon, _ in out) / len(out) if out else 0.0
    back = 360.0 if centre < -180 else -360.0 if centre > 180 else 0.0
    return [(round(lon + back, _DECIMALS), lat) for lon, lat in out] if back else out


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
