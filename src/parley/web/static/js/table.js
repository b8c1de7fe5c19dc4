// The event table: one page of /api/events; clicking a row selects the event. The export
// links download the whole selection, not just the page.

import { apiURL } from "./api.js";
import { clear, h, partyCodes, quadColor } from "./dom.js";

const TEXT_CHARS = 120;

function parties(event) {
  const actors = partyCodes(event.actor);
  const recipients = partyCodes(event.recipient);
  return recipients ? `${actors || "?"} → ${recipients}` : actors;
}

function when(event) {
  if (!event.date) return "undated";
  return event.enddate && event.enddate !== event.date ? `${event.date} …` : event.date;
}

function span(event) {
  const days = event.date ? `${event.date} – ${event.enddate}` : "";
  return event.date_text ? `${days} (“${event.date_text}”)` : days;
}

export function renderTable(tbody, page, selectedId, onPick) {
  clear(tbody);
  if (!page.events.length) {
    tbody.append(h("tr", {}, [h("td", { colspan: 7, class: "empty", text: "No events match these filters." })]));
    return;
  }
  for (const event of page.events) {
    const text = event.text.length > TEXT_CHARS ? `${event.text.slice(0, TEXT_CHARS)}…` : event.text;
    tbody.append(
      h("tr", {
        class: event.id === selectedId ? "selected" : null,
        "data-event-id": event.id,
        "data-category": event.event,
        "data-status": event.status,
        on: { click: () => onPick(event) },
      }, [
        h("td", { class: "date", title: span(event) }, [
          when(event),
          event.date_precision ? h("span", { class: `precision ${event.date_precision}`, text: event.date_precision }) : null,
        ]),
        h("td", {}, [h("span", { class: "badge", style: `background:${quadColor(event.quad_code)}`, text: event.event })]),
        h("td", {}, [h("span", { class: `status ${event.status}`, text: event.status })]),
        h("td", { class: "parties", text: parties(event) }),
        h("td", { text: event.event_loc ? event.event_loc.name : "" }),
        h("td", { class: "sources", title: `reported by ${event.source_count} document(s)`, text: event.source_count ?? "" }),
        h("td", { class: "text", title: event.text, text }),
      ]),
    );
  }
}

// Point the export links at /api/export with the filters in view.
export function exportLinks(csv, parquet, filters) {
  csv.href = apiURL("/api/export", { ...filters, format: "csv" }).toString();
  parquet.href = apiURL("/api/export", { ...filters, format: "parquet" }).toString();
}
