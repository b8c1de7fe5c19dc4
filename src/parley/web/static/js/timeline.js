// The timeline: one bar per bucket on a true time axis, stacked by quad class (or category).

import { emptyNote, quadColor, s, size } from "./dom.js";

const DAY = 86400000;
const MARGIN = { left: 36, right: 12, top: 10, bottom: 24 };
const CATEGORY_PALETTE = [
  "#4aa38f", "#62b6a4", "#7fc7b7", "#9dd6c8", "#1d6b57", "#2d826c", "#3f9a82",
  "#e0a43a", "#e6b45c", "#ecc47e", "#d68f2a", "#c97f1c", "#c4453c", "#d0625a", "#b13a32", "#8f2b24",
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
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

// A bucket size that gives readable bars for the span of the selection.
export function intervalFor(first, last) {
  if (!first || !last) return "month";
  const days = (parseDay(last) - parseDay(first)) / DAY;
  if (days <= 120) return "day";
  if (days <= 730) return "week";
  return "month";
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
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (ms) => MARGIN.left + ((ms - domainStart) / (domainEnd - domainStart)) * plotW;
  const maxTotal = Math.max(...data.buckets.map((b) => b.total));
  const step = niceStep(maxTotal, 4);
  const top = Math.ceil(maxTotal / step) * step;
  const y = (n) => MARGIN.top + plotH - (n / top) * plotH;
  const color = seriesColor(data);
  const labels = new Map(data.series.map((serie) => [serie.key, serie.label]));

  const axis = s("g", { class: "axis" });
  for (let n = 0; n <= top; n += step) {
    axis.append(s("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(n), y2: y(n) }));
    axis.append(s("text", { x: MARGIN.left - 6, y: y(n) + 4, "text-anchor": "end", text: String(n) }));
  }
  for (const tick of timeTicks(domainStart, domainEnd)) {
    axis.append(s("line", { x1: x(tick.at), x2: x(tick.at), y1: MARGIN.top + plotH, y2: MARGIN.top + plotH + 4 }));
    axis.append(s("text", { x: x(tick.at), y: height - 6, "text-anchor": "middle", text: tick.label }));
  }
  svg.append(axis);

  const bars = s("g");
  data.buckets.forEach((bucket, i) => {
    const start = starts[i];
    const end = bucketEnd(start, data.interval);
    const left = x(start);
    const barW = Math.max(1.5, x(end) - left - Math.min(2, (x(end) - left) * 0.15));
    const parts = data.series.filter((serie) => bucket.counts[serie.key]);
    const detail = parts.map((serie) => `${labels.get(serie.key)}: ${bucket.counts[serie.key]}`).join("\n");
    const group = s("g", {
      class: "bar",
      "data-start": bucket.start,
      on: { click: () => onPick(formatDay(start), formatDay(end - DAY)) },
    });
    group.append(s("title", { text: `${bucket.start} (${data.interval}): ${bucket.total} events\n${detail}` }));
    let base = 0;
    for (const serie of parts) {
      const n = bucket.counts[serie.key];
      group.append(s("rect", { x: left, y: y(base + n), width: barW, height: y(base) - y(base + n), fill: color(serie.key) }));
      base += n;
    }
    bars.append(group);
  });
  svg.append(bars);
}
