// The document view: the article text with the selected event's evidence highlighted and
// its parties marked. Spans come from /api/documents/{id}; the text is set as text nodes.

import { clear, h, partyCodes, quadColor } from "./dom.js";

// The party spans of `event` as [start, end, role, label], inside the text's bounds.
function partySpans(event, length) {
  const spans = [];
  for (const role of ["actor", "recipient"]) {
    for (const entity of event[role]) {
      if (!entity.span) continue;
      const start = Math.max(0, entity.span.start);
      const end = Math.min(length, entity.span.end);
      if (start < end) spans.push([start, end, role, `${role}: ${entity.name || entity.text} (${entity.code || "?"})`]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

// `text[from, to)` as nodes, with the party spans that fall in it wrapped (clipped to it).
function marked(text, from, to, spans) {
  const nodes = [];
  let at = from;
  for (const [start, end, role, label] of spans) {
    const s0 = Math.max(start, at);
    const e0 = Math.min(end, to);
    if (s0 >= e0) continue;
    if (s0 > at) nodes.push(document.createTextNode(text.slice(at, s0)));
    nodes.push(h("span", { class: `party ${role}`, title: label, text: text.slice(s0, e0) }));
    at = e0;
  }
  if (at < to) nodes.push(document.createTextNode(text.slice(at, to)));
  return nodes;
}

function details(event) {
  const rows = [
    ["Event", `${event.event} (${event.status})${event.mode.length ? ` · ${event.mode.join(", ")}` : ""}`],
    ["Parties", `${partyCodes(event.actor) || "?"}${event.recipient.length ? ` → ${partyCodes(event.recipient)}` : ""}`],
    ["When", event.date ? `${event.date}${event.enddate !== event.date ? ` – ${event.enddate}` : ""}${event.date_text ? ` (“${event.date_text}”)` : ""}` : "undated"],
    ["Where", event.event_loc ? `${event.event_loc.name}${event.event_loc.country ? `, ${event.event_loc.country}` : ""}` : "not stated"],
    ["Confidence", event.confidence.toFixed(2)],
  ];
  return h("dl", { class: "details" }, rows.flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: v })]));
}

// Only a web address becomes a link: a stored URL is data from the input, and one such as
// "javascript:…" would run in the dashboard when clicked.
function webLink(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url.trim());
}

export function clearDocument(container) {
  container.replaceChildren(h("p", { class: "empty", text: "Click an event to read the article it was coded from." }));
}

// Draws `doc` (DocumentPublic) with event `eventId` selected; chips select another event.
export function renderDocument(container, doc, eventId, onPick) {
  clear(container);
  const event = doc.events.find((e) => e.id === eventId) || doc.events[0];
  const title = webLink(doc.url) ? h("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer", text: doc.title || doc.id }) : doc.title || doc.id;
  container.append(h("h3", {}, [title]));
  const meta = [doc.source, doc.published && `published ${doc.published}`, doc.id].filter(Boolean).join(" · ");
  container.append(h("p", { class: "meta", text: meta }));
  container.append(
    h("div", { class: "chips" }, doc.events.map((e) =>
      h("button", {
        type: "button",
        class: `chip${event && e.id === event.id ? " selected" : ""}`,
        style: `border-left: 4px solid ${quadColor(e.quad_code)}`,
        title: e.text,
        on: { click: () => onPick(e) },
        text: `${e.event} · ${e.status}`,
      }),
    )),
  );
  const text = doc.text;
  const body = h("div", { class: "doc-text" });
  if (!event) {
    body.append(document.createTextNode(text));
    container.append(body);
    return;
  }
  container.append(details(event));
  const spans = partySpans(event, text.length);
  const start = Math.max(0, event.evidence.start);
  const end = Math.min(text.length, event.evidence.end);
  const evidence = h("mark", { class: "evidence", "data-event-id": event.id }, marked(text, start, end, spans));
  body.append(...marked(text, 0, start, spans), evidence, ...marked(text, end, text.length, spans));
  container.append(body);
  // Scroll the text, not the page, to the evidence (the text box is its offset parent).
  body.scrollTop = Math.max(0, evidence.offsetTop - body.clientHeight / 3);
}
