// The agenda: planned events by the date the news expects them, each with its fate (upcoming,
// occurred with the report of it, overdue), from /api/agenda. Plans the text gives no date
// for come last, apart.

import { getJSON } from "./api.js";
import { clear, h, partyCodes, quadColor } from "./dom.js";

export function loadAgenda(filters, extra = {}) {
  const { status, sort, ...rest } = filters; // the agenda is of plans, in date order
  return getJSON("/api/agenda", { ...rest, ...extra });
}

function expected(event) {
  if (!event.date) return "undated";
  return event.enddate !== event.date ? `${event.date} – ${event.enddate}` : event.date;
}

function parties(event) {
  const recipients = partyCodes(event.recipient);
  return `${partyCodes(event.actor) || "?"}${recipients ? ` → ${recipients}` : ""}`;
}

function outcome(item) {
  if (item.state === "occurred") {
    const done = item.occurrence;
    return h("p", { class: "outcome" }, [
      h("span", { class: "label", text: `Reported ${done.date || ""}: ` }),
      h("a", { href: `#sel=${encodeURIComponent(done.id)}&doc=${encodeURIComponent(done.doc_id)}&status=all`, text: done.text }),
    ]);
  }
  if (item.state === "overdue") return h("p", { class: "outcome", text: "No report of it by the latest news in the store." });
  return null;
}

export function agendaItem(item) {
  const event = item.event;
  const source = [item.title || event.doc_id, item.published && `published ${item.published}`].filter(Boolean).join(" · ");
  return h("li", {
    class: `agenda-item ${item.state}`,
    "data-event-id": event.id,
    "data-state": item.state,
    "data-date": event.date || "",
    "data-stated": String(item.stated),
  }, [
    h("div", { class: "when" }, [
      h("span", { class: "day", text: expected(event) }),
      h("span", { class: "precision", text: item.stated ? event.date_precision : "no date stated" }),
    ]),
    h("div", { class: "what" }, [
      h("p", { class: "head" }, [
        h("span", { class: `state ${item.state}`, text: item.state }),
        h("span", { class: "badge", style: `background:${quadColor(event.quad_code)}`, text: event.event }),
        h("span", { class: "parties", text: parties(event) }),
        event.event_loc ? h("span", { class: "place", text: `in ${event.event_loc.name}` }) : null,
      ]),
      h("p", { class: "evidence", text: event.text }),
      h("p", { class: "meta" }, [
        h("a", { href: `#sel=${encodeURIComponent(event.id)}&doc=${encodeURIComponent(event.doc_id)}&status=all`, text: `Announced in ${source}` }),
      ]),
      outcome(item),
    ]),
  ]);
}

// Draws `agenda` (AgendaPublic) into the list `ol`, with its reference day in `note`.
export function renderAgenda(ol, note, agenda) {
  clear(ol);
  const asOf = agenda.as_of ? ` Overdue is judged as of ${agenda.as_of}, the latest publication date in the store.` : "";
  note.dataset.asOf = agenda.as_of || "";
  note.textContent = `${agenda.items.length} planned events, by expected date.${asOf}`;
  if (!agenda.items.length) {
    ol.append(h("li", { class: "empty", text: "No planned events match these filters." }));
    return;
  }
  const stated = agenda.items.filter((item) => item.stated);
  const vague = agenda.items.filter((item) => !item.stated);
  ol.append(...stated.map(agendaItem));
  if (vague.length) {
    ol.append(h("li", { class: "agenda-break", text: "No date stated: expected within a year of their story" }));
    ol.append(...vague.map(agendaItem));
  }
}
