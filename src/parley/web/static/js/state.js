// What the dashboard shows, mirrored in the URL hash so a view can be shared, bookmarked and
// walked back: each change of filters or view is a history entry (Back returns to the
// previous one), and a hash typed or pasted into the address bar is read like a link.

export const FILTERS = [
  "since", "until", "overlap", "precision", "event", "party", "actor", "recipient", "country",
  "status", "q", "sort",
];
export const VIEWS = ["overview", "dyad", "agenda"];

// `hash` is the URL hash the state was last read from or written to: Back fires both
// `popstate` and `hashchange`, and the second must not redraw the page again.
export const state = { view: "overview", filters: {}, offset: 0, selected: null, docId: null, a: "", b: "", hash: null };

export function readLocation() {
  state.hash = window.location.hash;
  const params = new URLSearchParams(window.location.hash.slice(1));
  state.view = VIEWS.includes(params.get("view")) ? params.get("view") : "overview";
  state.filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) || ""]));
  state.offset = Number(params.get("offset")) || 0;
  state.selected = params.get("sel");
  state.docId = params.get("doc");
  state.a = (params.get("a") || "").toUpperCase();
  state.b = (params.get("b") || "").toUpperCase();
}

function hash() {
  const params = new URLSearchParams();
  if (state.view !== "overview") params.set("view", state.view);
  if (state.view === "dyad") {
    if (state.a) params.set("a", state.a);
    if (state.b) params.set("b", state.b);
  }
  for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.offset) params.set("offset", state.offset);
  if (state.selected) params.set("sel", state.selected);
  if (state.docId) params.set("doc", state.docId);
  return `#${params}`;
}

// Record the state in the URL: a new history entry when `push` (a change the reader made),
// else in place (a detail such as the selected row).
export function writeLocation(push) {
  const next = hash();
  if (next === window.location.hash || (next === "#" && !window.location.hash)) return;
  if (push) history.pushState(null, "", next);
  else history.replaceState(null, "", next);
  state.hash = window.location.hash;
}

// The filters as the API takes them: empty ones left out, so the API's defaults apply
// (status: what happened).
export function apiFilters() {
  return Object.fromEntries(Object.entries(state.filters).filter(([, value]) => value));
}
