// The dyad view: two parties' relationship over time (their events by quad class, month by
// month), every event between them with its evidence, and what they plan, with its fate.
// One `between` filter, the same the CLI's `--between A B` reads, on top of the form's.

import { getJSON } from "./api.js";
import { agendaItem, loadAgenda } from "./agenda.js";
import { clear, emptyNote, h, partyCodes, QUAD_COLORS, QUAD_LABELS, quadColor, size } from "./dom.js";
import { renderTimeline } from "./timeline.js";

const LIMIT = 500;
const $ = (id) => document.getElementById(id);

export async function loadDyad(filters, a, b) {
  if (!a || !b || a === b) return null;
  const between = `${a},${b}`;
  const { sort, ...rest } = filters;
  const [timeline, events, plans] = await Promise.all([
    getJSON("/api/timeline", { ...rest, between, by: "quad" }),
    getJSON("/api/events", { ...rest, between, sort: "-date", limit: LIMIT }),
    loadAgenda(rest, { between }),
  ]);
  return { a, b, timeline, events, plans };
}

function quadCounts(events) {
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const event of events) if (event.quad_code in counts) counts[event.quad_code] += 1;
  return counts;
}

function eventItem(event) {
  const recipients = partyCodes(event.recipient);
  const when = event.date ? (event.enddate !== event.date ? `${event.date} – ${event.enddate}` : event.date) : "undated";
  return h("li", { class: "dyad-event", "data-event-id": event.id, "data-quad": event.quad_code }, [
    h("p", { class: "head" }, [
      h("span", { class: "day", text: when }),
      h("span", { class: "badge", style: `background:${quadColor(event.quad_code)}`, text: event.event }),
      h("span", { class: `status ${event.status}`, text: event.status }),
      h("span", { class: "parties", text: `${partyCodes(event.actor) || "?"}${recipients ? ` → ${recipients}` : " (together)"}` }),
      h("span", { class: "sources", text: `${event.source_count} source${event.source_count === 1 ? "" : "s"}` }),
    ]),
    h("p", { class: "evidence", text: event.text }),
    h("p", { class: "meta" }, [
      h("a", { href: `#sel=${encodeURIComponent(event.id)}&doc=${encodeURIComponent(event.doc_id)}&status=all`, text: `Read it in ${event.doc_id}` }),
    ]),
  ]);
}

// Draws `data` (from loadDyad, or null until two parties are chosen); `names` maps codes to
// names; clicking a bar of the timeline calls onPick(since, until).
export function renderDyad(data, names, onPick) {
  const quads = $("dyad-quads");
  const list = $("dyad-events");
  const plans = $("dyad-plans");
  const svg = $("dyad-timeline");
  clear(quads);
  clear(list);
  clear(plans);
  svg.replaceChildren();
  if (!data) {
    const { width, height } = size(svg);
    emptyNote(svg, width, height, "Choose two different parties.");
    return;
  }
  const name = (code) => `${names.get(code) || code} (${code})`;
  const events = data.events.events;
  const counts = quadCounts(events);
  const shown = data.events.total > events.length ? ` (the latest ${events.length} listed)` : "";
  $("dyad-note").textContent = `${name(data.a)} and ${name(data.b)}: ${data.events.total} events${shown}, ${data.plans.items.length} planned.`;
  quads.append(
    ...Object.entries(QUAD_LABELS).map(([quad, label]) =>
      h("span", { class: "quad", "data-quad": quad }, [
        h("span", { class: "swatch", style: `background:${QUAD_COLORS[quad]}` }),
        `${label}: ${counts[quad]}`,
      ]),
    ),
  );
  renderTimeline(svg, data.timeline, onPick);
  if (!events.length) list.append(h("li", { class: "empty", text: "No events between them match these filters." }));
  list.append(...events.map(eventItem));
  if (!data.plans.items.length) plans.append(h("li", { class: "empty", text: "No planned events between them." }));
  plans.append(...data.plans.items.map(agendaItem));
}
