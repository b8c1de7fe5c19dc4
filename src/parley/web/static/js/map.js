// The map: packaged country outlines (equirectangular, no tiles) with event places as dots.
// Two things on one map, told apart by the legend beside it: dots are where events took
// place, shading is which countries take part in them. The view zooms to the places when
// they cluster; clicking a country or a dot filters by where events took place.

import { emptyNote, quadColor, s } from "./dom.js";

const K = 960 / 360; // SVG units per degree
const NORTH = 84;
const SOUTH = -58; // below this is Antarctica, which hosts no events worth the space
const WORLD = { x: 0, y: 0, w: 360 * K, h: (NORTH - SOUTH) * K };

const project = ([lon, lat]) => [(lon + 180) * K, (NORTH - lat) * K];

function ringPath(ring) {
  return ring.map((point, i) => {
    const [x, y] = project(point);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

function countryPath(feature) {
  return feature.geometry.coordinates.flatMap((polygon) => polygon.map(ringPath)).join("");
}

function shade(share) {
  const from = [230, 234, 239];
  const to = [125, 163, 204];
  return `rgb(${from.map((v, i) => Math.round(v + (to[i] - v) * share)).join(",")})`;
}

// The part of the world to show: all of it, or the places' bounding box with a margin,
// widened to the drawing's aspect ratio.
function view(points, aspect) {
  if (!points.length) return WORLD;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  let w = Math.max(Math.max(...xs) - Math.min(...xs), 40 * K) * 1.3;
  let h = Math.max(Math.max(...ys) - Math.min(...ys), 20 * K) * 1.3;
  if (w / h < aspect) w = h * aspect; else h = w / aspect;
  if (w >= WORLD.w || h >= WORLD.h) return WORLD;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const x = Math.min(Math.max(cx - w / 2, 0), WORLD.w - w);
  const y = Math.min(Math.max(cy - h / 2, 0), WORLD.h - h);
  return { x, y, w, h };
}

// Draws `world` (WorldPublic), `places` (PlacesPublic) and shading from `actors`
// (ActorsPublic); `selected` is the country filter, outlined; clicking calls onPick(iso3).
export function renderMap(svg, world, places, actors, selected, onPick) {
  svg.replaceChildren();
  const box = svg.getBoundingClientRect();
  const pixelWidth = Math.max(300, box.width);
  const aspect = pixelWidth / Math.max(120, box.height);
  const points = places.places.map((p) => project([p.lon, p.lat]));
  const v = view(points, aspect);
  svg.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const unit = v.w / pixelWidth; // SVG units per screen pixel, so dots keep their size

  const involvement = new Map(actors.actors.filter((a) => a.kind === "country").map((a) => [a.id, a]));
  const most = Math.max(1, ...[...involvement.values()].map((a) => a.events));
  svg.append(s("rect", { class: "ocean", x: WORLD.x - WORLD.w, y: WORLD.y - WORLD.h, width: 3 * WORLD.w, height: 3 * WORLD.h }));
  const land = s("g");
  for (const feature of world.features) {
    const iso3 = feature.properties.iso3;
    const actor = involvement.get(iso3);
    const title = actor ? `${feature.properties.name}: takes part in ${actor.events} events` : feature.properties.name;
    land.append(
      s("path", {
        class: `country${actor ? " involved" : ""}${iso3 && iso3 === selected ? " selected" : ""}`,
        d: countryPath(feature),
        "fill-rule": "evenodd",
        "data-iso3": iso3,
        style: actor ? `fill:${shade(Math.sqrt(actor.events / most))}` : null,
        on: iso3 ? { click: () => onPick(iso3) } : null,
      }, [s("title", { text: `${title} · click: events that took place here` })]),
    );
  }
  svg.append(land);

  const busiest = Math.max(1, ...places.places.map((p) => p.events));
  const dots = s("g");
  places.places.forEach((place, i) => {
    const [x, y] = points[i];
    const r = (4 + 8 * Math.sqrt(place.events / busiest)) * unit;
    dots.append(
      s("circle", {
        class: "place",
        cx: x,
        cy: y,
        r,
        fill: quadColor(place.quad_code),
        "data-name": place.name,
        "data-country": place.country,
        on: place.country ? { click: () => onPick(place.country) } : null,
      }, [
        s("title", { text: `${place.name} (${place.country || "?"}): ${place.events} events, ${place.conflict} conflictual` }),
      ]),
    );
  });
  svg.append(dots);
  if (!places.places.length) {
    emptyNote(svg, WORLD.w, WORLD.h * 0.96, "No selected event has a resolved place.");
  }
}
