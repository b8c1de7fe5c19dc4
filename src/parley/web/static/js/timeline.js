// The timeline: bars per bucket on a true time axis, stacked by quad class (or category), in
// two bands: events the text dates above, events dated only by their story's window below
// (paler), so a reader sees at once how much of the picture rests on stated dates. The API
// puts the axis where the bulk of the events is; the few far outside it are counted in stubs
// at its edges, and undated events in the legend.

import { emptyNote, h, quadColor, s, size } from "./dom.js";

const DAY = 86400000;
const MARGIN = { left: 36, right: 12, top: 16, bottom: 24 };
const EDGE = 54; // width of an edge stub counting the events off the axis
const BAND_GAP = 22;
const CATEGORY_PALETTE = [
  "#4aa38f", "#62b6a4", "#7fc7b7", "#9dd6c8", "#1d6b57", "#2d826c", "#3f9a82",
  "#e0a43a", "#e6b45c", "#ecc47e", "#d68f2a", "#c97f1c", "#c4453c", "#d0625a", "#b13a32", "#8f2b24",
];

// The two ways an event on the axis is dated, as the API's buckets split them.
const DATINGS = [
  { key: "stated", label: "dated by the text", share: 0.58 },
  { key: "window", label: "in a story window", share: 0.42 },
];

function parseDay(text) {
  const [y, m, d] = text.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function formatDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

// The first day after the bucket that starts at `start`.
function bucketEnd(start, interval) {
  if (interval === "day") return start + DAY;
  if (interval === "week") return start + 7 * DAY;
  const d = new Date(start);
  if (interval === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function niceStep(max, count) {
  const raw = Math.max(1, max / count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((v) => v >= raw);
  return Math.max(1, step);
}

function timeTicks(start, end) {
  const years = (end - start) / (365 * DAY);
  const ticks = [];
  const first = new Date(start);
  if (years > 2) {
    const stride = Math.ceil(years / 10);
    for (let y = first.getUTCFullYear() + 1; Date.UTC(y, 0, 1) < end; y += stride) {
      ticks.push({ at: Date.UTC(y, 0, 1), label: String(y) });
    }
  } else if ((end - start) / DAY > 45) {
    const months = (end - start) / (30 * DAY);
    const stride = Math.max(1, Math.ceil(months / 10));
    for (let m = first.getUTCMonth() + 1, y = first.getUTCFullYear(); Date.UTC(y, m, 1) < end; m += stride) {
      const at = Date.UTC(y, m, 1);
      const label = new Date(at).toLocaleDateString("en", { month: "short", year: "2-digit", timeZone: "UTC" });
      ticks.push({ at, label });
    }
  } else {
    const stride = Math.max(1, Math.ceil((end - start) / DAY / 10));
    for (let at = start; at < end; at += stride * DAY) ticks.push({ at, label: formatDay(at).slice(5) });
  }
  return ticks;
}

function seriesColor(data) {
  if (data.by === "quad") return (key) => quadColor(key);
  const index = new Map(data.series.map((serie, i) => [serie.key, i]));
  return (key) => CATEGORY_PALETTE[index.get(key) % CATEGORY_PALETTE.length] || "#9aa5b1";
}

function sum(counts) {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// A stub at one end of the plot counting the dated events off the axis on that side.
function edgeStub(x, top, height, count, side, first, last) {
  const words = side === "before" ? ["earlier", `start before ${first}`] : ["later", `start after ${last}`];
  const stub = s("g", { class: `edge ${side}`, "data-count": count });
  stub.append(s("title", { text: `${plural(count, "dated event")} ${words[1]}: off the axis, which covers where most events are` }));
  stub.append(s("rect", { x, y: top, width: EDGE - 8, height, rx: 4 }));
  const middle = x + (EDGE - 8) / 2;
  stub.append(s("text", { x: middle, y: top + height / 2 - 2, "text-anchor": "middle", class: "edge-count", text: `${side === "before" ? "‹ " : ""}${count}${side === "after" ? " ›" : ""}` }));
  stub.append(s("text", { x: middle, y: top + height / 2 + 12, "text-anchor": "middle", text: words[0] }));
  return stub;
}

// Draws `data` (a TimelinePublic) into `svg`; clicking a bar calls onPick(since, until).
export function renderTimeline(svg, data, onPick) {
  svg.replaceChildren();
  const { width, height } = size(svg);
  if (!data.buckets.length) {
    emptyNote(svg, width, height, "No dated events match these filters.");
    return;
  }
  const starts = data.buckets.map((b) => parseDay(b.start));
  const domainStart = starts[0];
  const domainEnd = bucketEnd(starts[starts.length - 1], data.interval);
  const left = MARGIN.left + (data.before ? EDGE : 0);
  const right = width - MARGIN.right - (data.after ? EDGE : 0);
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (ms) => left + ((ms - domainStart) / (domainEnd - domainStart)) * (right - left);
  const color = seriesColor(data);
  const labels = new Map(data.series.map((serie) => [serie.key, serie.label]));

  const axis = s("g", { class: "axis" });
  const bars = s("g");
  let top = MARGIN.top;
  for (const dating of DATINGS) {
    const bandH = (plotH - BAND_GAP) * dating.share;
    const band = s("g", { class: `band ${dating.key}`, "data-dating": dating.key });
    const maxTotal = Math.max(1, ...data.buckets.map((b) => sum(b[dating.key])));
    const step = niceStep(maxTotal, 2);
    const ceiling = Math.ceil(maxTotal / step) * step;
    const bandTop = top;
    const y = (n) => bandTop + bandH - (n / ceiling) * bandH;
    for (let n = 0; n <= ceiling; n += step) {
      axis.append(s("line", { x1: left, x2: right, y1: y(n), y2: y(n) }));
      axis.append(s("text", { x: left - 6, y: y(n) + 4, "text-anchor": "end", text: String(n) }));
    }
    band.append(s("text", { x: left + 4, y: bandTop - 6, class: "band-label", text: dating.label[0].toUpperCase() + dating.label.slice(1) }));
    data.buckets.forEach((bucket, i) => {
      const counts = bucket[dating.key];
      const total = sum(counts);
      if (!total) return;
      const start = starts[i];
      const end = bucketEnd(start, data.interval);
      const barX = x(start);
      const barW = Math.max(1.5, x(end) - barX - Math.min(2, (x(end) - barX) * 0.15));
      const parts = data.series.filter((serie) => counts[serie.key]);
      const detail = parts.map((serie) => `${labels.get(serie.key)}: ${counts[serie.key]}`).join("\n");
      const group = s("g", {
        class: "bar",
        "data-start": bucket.start,
        "data-count": total,
        on: { click: () => onPick(formatDay(start), formatDay(end - DAY)) },
      });
      group.append(s("title", { text: `${bucket.start} (${data.interval}): ${plural(total, "event")} ${dating.label}\n${detail}` }));
      let base = 0;
      for (const serie of parts) {
        const n = counts[serie.key];
        group.append(s("rect", { x: barX, y: y(base + n), width: barW, height: y(base) - y(base + n), fill: color(serie.key) }));
        base += n;
      }
      band.append(group);
    });
    bars.append(band);
    top += bandH + BAND_GAP;
  }
  const bottom = MARGIN.top + plotH;
  for (const tick of timeTicks(domainStart, domainEnd)) {
    axis.append(s("line", { x1: x(tick.at), x2: x(tick.at), y1: bottom, y2: bottom + 4 }));
    axis.append(s("text", { x: x(tick.at), y: height - 6, "text-anchor": "middle", text: tick.label }));
  }
  svg.append(axis, bars);
  if (data.before) svg.append(edgeStub(4, MARGIN.top, plotH, data.before, "before", data.first, data.last));
  if (data.after) svg.append(edgeStub(width - EDGE + 4, MARGIN.top, plotH, data.after, "after", data.first, data.last));
}

// The legend of how events are dated, with the counts of the selection: the two bands, the
// undated events no axis can show, and those off the axis.
export function renderDatingLegend(element, data) {
  const keys = DATINGS.map((dating) =>
    h("span", { class: "key", "data-dating": dating.key }, [
      h("span", { class: `swatch dating ${dating.key}` }),
      `${data[dating.key]} ${dating.label}`,
    ]),
  );
  keys.push(h("span", { class: "key", "data-dating": "undated", text: `${data.undated} undated (not drawn)` }));
  const off = [data.before && `${data.before} earlier`, data.after && `${data.after} later`].filter(Boolean);
  if (off.length) keys.push(h("span", { class: "key", "data-dating": "off-axis", text: `${off.join(", ")} than the axis (at its edges)` }));
  element.replaceChildren(...keys);
}
