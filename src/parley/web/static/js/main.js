// The dashboard: filter state (mirrored in the URL hash, so a view can be shared), and one
// refresh that asks the API for every panel with the same filters.

import { getJSON } from "./api.js";
import { renderDocument } from "./document.js";
import { h, QUAD_COLORS, QUAD_LABELS } from "./dom.js";
import { renderMap } from "./map.js";
import { renderNetwork } from "./network.js";
import { renderTable } from "./table.js";
import { renderDatingLegend, renderTimeline } from "./timeline.js";

const PAGE = 50;
const FILTERS = ["since", "until", "overlap", "precision", "event", "actor", "status", "q"];

const state = { filters: {}, offset: 0, selected: null, docId: null };
let world = null;
let generation = 0;

const $ = (id) => document.getElementById(id);

function readHash() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  state.filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) || ""]));
  state.offset = Number(params.get("offset")) || 0;
  state.selected = params.get("sel");
  state.docId = params.get("doc");
}

function writeHash() {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.offset) params.set("offset", state.offset);
  if (state.selected) params.set("sel", state.selected);
  if (state.docId) params.set("doc", state.docId);
  history.replaceState(null, "", `#${params}`);
}

function syncForm() {
  for (const key of FILTERS) {
    const field = $(`f-${key}`);
    if (field.type === "checkbox") field.checked = state.filters[key] === "true";
    else field.value = state.filters[key] || "";
  }
}

// A filter's value as the URL and the API take it: a ticked box is "true", an unticked one unset.
function fieldValue(field) {
  if (field.type === "checkbox") return field.checked ? "true" : "";
  return field.value;
}

function fill(select, options) {
  const current = select.value;
  select.replaceChildren(h("option", { value: "", text: "All" }), ...options.map(([value, label]) => h("option", { value, text: label })));
  select.value = current;
}

function setFilters(changes) {
  Object.assign(state.filters, changes);
  state.offset = 0;
  syncForm();
  refresh();
}

function showError(error) {
  $("summary").replaceChildren(h("span", { class: "error", text: `Could not load: ${error.message}` }));
  document.body.dataset.state = "error";
}

async function showDocument(docId, eventId) {
  state.selected = eventId;
  state.docId = docId;
  writeHash();
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.eventId === eventId);
  }
  try {
    const doc = await getJSON(`/api/documents/${encodeURIComponent(docId)}`);
    renderDocument($("document"), doc, eventId, (event) => showDocument(event.doc_id, event.id));
  } catch (error) {
    showError(error);
  }
}

async function refresh() {
  const mine = ++generation;
  document.body.dataset.state = "loading";
  writeHash();
  const filters = state.filters;
  try {
    const [summary, timeline, network, places, actors, page] = await Promise.all([
      getJSON("/api/summary", filters),
      getJSON("/api/timeline", { ...filters, by: "quad" }),
      getJSON("/api/network", { ...filters, limit: 30 }),
      getJSON("/api/places", filters),
      getJSON("/api/actors", filters),
      getJSON("/api/events", { ...filters, limit: PAGE, offset: state.offset }),
    ]);
    world = world || (await getJSON("/api/world"));
    if (mine !== generation) return; // a newer refresh has started; let it draw
    const range = summary.first_date ? `, ${summary.first_date} to ${summary.last_date}` : "";
    $("summary").textContent = `${summary.events} events in view · ${summary.documents} documents in the store${range}`;
    $("timeline-note").textContent = `per ${timeline.interval}, stacked by quad class · click a bar to zoom`;
    renderDatingLegend($("dating-legend"), timeline);
    renderTimeline($("timeline"), timeline, (since, until) => setFilters({ since, until }));
    renderNetwork($("network"), network, filters.actor, (id) => setFilters({ actor: filters.actor === id ? "" : id }));
    renderMap($("map"), world, places, actors);
    renderTable($("events").tBodies[0], page, state.selected, (event) => showDocument(event.doc_id, event.id));
    const last = Math.min(page.total, state.offset + page.events.length);
    $("page-label").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "0 events";
    $("prev").disabled = state.offset === 0;
    $("next").disabled = last >= page.total;
    document.body.dataset.state = "ready";
  } catch (error) {
    if (mine === generation) showError(error);
  }
}

async function start() {
  readHash();
  $("quad-legend").replaceChildren(
    ...Object.entries(QUAD_LABELS).map(([quad, label]) =>
      h("span", {}, [h("span", { class: "swatch", style: `background:${QUAD_COLORS[quad]}` }), label]),
    ),
  );
  try {
    const [summary, actors] = await Promise.all([getJSON("/api/summary"), getJSON("/api/actors", { limit: 300 })]);
    fill($("f-event"), summary.categories.map((c) => [c, c]));
    fill($("f-status"), summary.statuses.map((c) => [c, c]));
    fill($("f-actor"), actors.actors.map((a) => [a.id, `${a.name} (${a.id}) · ${a.events}`]));
  } catch (error) {
    showError(error);
    return;
  }
  syncForm();
  $("filters").addEventListener("change", (e) => setFilters({ [e.target.name]: fieldValue(e.target) }));
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  $("f-q").addEventListener("keydown", (e) => {
    if (e.key === "Enter") setFilters({ q: e.target.value });
  });
  $("filters").addEventListener("reset", (e) => {
    e.preventDefault();
    setFilters(Object.fromEntries(FILTERS.map((key) => [key, ""])));
  });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; refresh(); });
  let resizing;
  window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(refresh, 250); });
  await refresh();
  if (state.docId && state.selected) showDocument(state.docId, state.selected);
}

start();
