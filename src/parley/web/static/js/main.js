// The dashboard: the filter form and the views (overview, dyad, agenda), all drawn from the
// API with the same filters. The state lives in the URL hash (state.js), so a view can be
// shared, Back walks back through the reader's changes, and a hash typed by hand is read.

import { getJSON } from "./api.js";
import { clearDocument, renderDocument } from "./document.js";
import { h, QUAD_COLORS, QUAD_LABELS } from "./dom.js";
import { loadAgenda, renderAgenda } from "./agenda.js";
import { loadDyad, renderDyad } from "./dyad.js";
import { renderMap } from "./map.js";
import { renderNetwork } from "./network.js";
import { FILTERS, VIEWS, apiFilters, readLocation, state, writeLocation } from "./state.js";
import { exportLinks, renderTable } from "./table.js";
import { renderDatingLegend, renderTimeline } from "./timeline.js";

const PAGE = 50;
let world = null;
let generation = 0;
let filtersChanged = false;
const names = new Map();

const $ = (id) => document.getElementById(id);

// Selects `value` in `select`, matching its options in any case ("protest" is PROTEST); a
// value no option has is added, marked unknown, so the form never says "All" while the
// view is filtered by something else.
function choose(select, value) {
  if (!value) {
    select.value = "";
    return;
  }
  const wanted = value.toUpperCase();
  let option = [...select.options].find((o) => o.value.toUpperCase() === wanted);
  if (!option) {
    option = h("option", { value, text: `${value} (unknown)`, "data-unknown": "true" });
    select.append(option);
  }
  select.value = option.value;
}

function syncForm() {
  for (const key of FILTERS) {
    const field = $(`f-${key}`);
    if (field.type === "checkbox") field.checked = state.filters[key] === "true";
    else if (field.tagName === "SELECT") choose(field, state.filters[key]);
    else field.value = state.filters[key] || "";
  }
  choose($("dyad-a"), state.a);
  choose($("dyad-b"), state.b);
}

function fieldValue(field) {
  if (field.type === "checkbox") return field.checked ? "true" : "";
  return field.value;
}

function fill(select, first, options) {
  select.replaceChildren(h("option", { value: "", text: first }), ...options.map(([value, label]) => h("option", { value, text: label })));
}

function setFilters(changes) {
  Object.assign(state.filters, changes);
  state.offset = 0;
  filtersChanged = true;
  syncForm();
  writeLocation(true);
  refresh();
}

function setView(view) {
  state.view = view;
  writeLocation(true);
  showView();
  refresh();
}

function showView() {
  for (const view of VIEWS) {
    $(`view-${view}`).hidden = view !== state.view;
    document.querySelector(`nav.views a[data-view=${view}]`).classList.toggle("current", view === state.view);
  }
}

function showProblem(error) {
  const problem = $("problem");
  problem.hidden = !error;
  problem.textContent = error ? `Nothing shown: ${error.message}` : "";
  if (error) {
    $("summary").replaceChildren(h("span", { class: "error", text: "Could not load these filters" }));
    document.body.dataset.state = "error";
  }
}

async function showDocument(docId, eventId) {
  state.selected = eventId;
  state.docId = docId;
  writeLocation(false);
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.eventId === eventId);
  }
  try {
    const doc = await getJSON(`/api/documents/${encodeURIComponent(docId)}`);
    renderDocument($("document"), doc, eventId, (event) => showDocument(event.doc_id, event.id));
    // In one column (a narrow window) the article sits below the table: bring it into view.
    const card = $("document").closest("section");
    const box = card.getBoundingClientRect();
    if (box.top > window.innerHeight * 0.6 || box.bottom < 0) card.scrollIntoView({ block: "start" });
  } catch (error) {
    showProblem(error);
  }
}

function statusLine(summary) {
  const shown = state.filters.status || "occurred";
  const others = Object.entries(summary.by_status)
    .filter(([status, n]) => n && shown !== "all" && !shown.split(",").includes(status))
    .map(([status, n]) => `${n} ${status}`);
  const hidden = others.length ? ` · not shown: ${others.join(", ")} (Status to include them)` : "";
  const what = shown === "all" ? "events" : shown === "occurred" ? "events that happened" : `${shown} events`;
  const range = summary.first_date ? `, ${summary.first_date} to ${summary.last_date}` : "";
  return `${summary.events} ${what} in view${range}${hidden} · ${summary.documents} documents in the store`;
}

async function refreshOverview(mine) {
  const filters = apiFilters();
  const [timeline, network, places, actors, page] = await Promise.all([
    getJSON("/api/timeline", { ...filters, by: "quad" }),
    getJSON("/api/network", { ...filters, limit: 30 }),
    getJSON("/api/places", filters),
    getJSON("/api/actors", filters),
    getJSON("/api/events", { ...filters, limit: PAGE, offset: state.offset }),
  ]);
  if (mine !== generation) return;
  $("timeline-note").textContent = `per ${timeline.interval}, stacked by quad class · click a bar to zoom`;
  renderDatingLegend($("dating-legend"), timeline);
  renderTimeline($("timeline"), timeline, (since, until) => setFilters({ since, until }));
  renderNetwork($("network"), network, filters.party, (id) => setFilters({ party: filters.party === id ? "" : id }));
  $("map-note").textContent = `${places.located} of ${places.total} events in view have a place on the map`;
  renderMap($("map"), world, places, actors, filters.country, (iso3) => setFilters({ country: filters.country === iso3 ? "" : iso3 }));
  renderTable($("events").tBodies[0], page, state.selected, (event) => showDocument(event.doc_id, event.id));
  exportLinks($("export-csv"), $("export-parquet"), filters);
  const last = Math.min(page.total, state.offset + page.events.length);
  $("page-label").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "0 events";
  $("prev").disabled = state.offset === 0;
  $("next").disabled = last >= page.total;
  if (filtersChanged && !page.events.some((event) => event.id === state.selected)) {
    // The filters left the article on show out of the selection: do not keep showing it.
    state.selected = null;
    state.docId = null;
    writeLocation(false);
    clearDocument($("document"));
  }
  filtersChanged = false;
}

async function refresh() {
  const mine = ++generation;
  document.body.dataset.state = "loading";
  try {
    const summary = getJSON("/api/summary", apiFilters());
    summary.catch(() => null); // a view's own failure is reported first; this one is awaited below
    if (state.view === "overview") await refreshOverview(mine);
    else if (state.view === "dyad") {
      const data = await loadDyad(apiFilters(), state.a, state.b);
      if (mine === generation) renderDyad(data, names, (since, until) => setFilters({ since, until }));
    } else {
      const data = await loadAgenda(apiFilters());
      if (mine === generation) renderAgenda($("agenda"), $("agenda-note"), data);
    }
    const line = statusLine(await summary);
    if (mine !== generation) return;
    $("summary").textContent = line;
    showProblem(null);
    document.body.dataset.state = "ready";
  } catch (error) {
    if (mine !== generation) return;
    if (state.view === "overview") {
      renderTable($("events").tBodies[0], { events: [], total: 0 }, null, () => {});
      clearDocument($("document"));
    }
    showProblem(error);
  }
}

// The URL changed under the page (Back, Forward, a hash typed or pasted): read it again.
function fromLocation() {
  if (window.location.hash === state.hash) return;
  readLocation();
  syncForm();
  showView();
  refresh();
  if (state.view === "overview" && state.docId && state.selected) showDocument(state.docId, state.selected);
}

async function start() {
  readLocation();
  $("quad-legend").replaceChildren(
    ...Object.entries(QUAD_LABELS).map(([quad, label]) =>
      h("span", {}, [h("span", { class: "swatch", style: `background:${QUAD_COLORS[quad]}` }), label]),
    ),
  );
  try {
    const [summary, actors, outlines] = await Promise.all([
      getJSON("/api/summary"),
      getJSON("/api/actors", { limit: 300 }),
      getJSON("/api/world"),
    ]);
    world = outlines;
    fill($("f-event"), "All", summary.categories.map((c) => [c, c]));
    const all = actors.actors;
    for (const actor of all) names.set(actor.id, actor.name);
    const label = (a, n) => `${a.name} (${a.id}) · ${n}`;
    fill($("f-party"), "All", all.map((a) => [a.id, label(a, a.events)]));
    fill($("f-actor"), "All", all.filter((a) => a.as_actor).sort((x, y) => y.as_actor - x.as_actor).map((a) => [a.id, label(a, a.as_actor)]));
    fill($("f-recipient"), "All", all.filter((a) => a.as_recipient).sort((x, y) => y.as_recipient - x.as_recipient).map((a) => [a.id, label(a, a.as_recipient)]));
    // Every country of the map, and those too small for its outlines that events name.
    const countries = new Map(world.features.filter((f) => f.properties.iso3).map((f) => [f.properties.iso3, f.properties.name]));
    for (const a of all) if (a.kind === "country" && !countries.has(a.id)) countries.set(a.id, a.name);
    const byName = [...countries].sort((x, y) => x[1].localeCompare(y[1]));
    fill($("f-country"), "All", byName.map(([iso3, name]) => [iso3, `${name} (${iso3})`]));
    for (const id of ["dyad-a", "dyad-b"]) fill($(id), "Choose a party", all.map((a) => [a.id, label(a, a.events)]));
  } catch (error) {
    showProblem(error);
    return;
  }
  syncForm();
  showView();
  $("filters").addEventListener("change", (e) => setFilters({ [e.target.name]: fieldValue(e.target) }));
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  $("f-q").addEventListener("keydown", (e) => {
    if (e.key === "Enter") setFilters({ q: e.target.value });
  });
  $("filters").addEventListener("reset", (e) => {
    e.preventDefault();
    setFilters(Object.fromEntries(FILTERS.map((key) => [key, ""])));
  });
  for (const id of ["dyad-a", "dyad-b"]) {
    $(id).addEventListener("change", (e) => {
      state[e.target.name] = e.target.value;
      writeLocation(true);
      refresh();
    });
  }
  for (const link of document.querySelectorAll("nav.views a")) {
    link.addEventListener("click", (e) => {
      e.preventDefault();
      setView(link.dataset.view);
    });
  }
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); writeLocation(true); refresh(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; writeLocation(true); refresh(); });
  window.addEventListener("popstate", fromLocation);
  window.addEventListener("hashchange", fromLocation);
  let resizing;
  window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(refresh, 250); });
  await refresh();
  if (state.view === "overview" && state.docId && state.selected) showDocument(state.docId, state.selected);
}

start();
