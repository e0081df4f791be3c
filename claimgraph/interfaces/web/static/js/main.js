// The page: filters -> /api/events -> map, timeline and list; a selection -> event card.

import { api, apiUrl } from "./api.js";
import { eventCard, eventListItem, sourceCard, sourceRow } from "./cards.js";
import { clear, debounce, el } from "./dom.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const state = { events: [], selectedId: null };
const map = new EventMap($("map"), selectEvent, loadTowns);
const timeline = new Timeline($("timeline"), revealEvent);

function showError(error) {
  $("error").textContent = error ? `Error: ${error.message || error}` : "";
  $("error").hidden = !error;
}

function currentFilters() {
  const form = new FormData($("filters"));
  const filters = {};
  for (const [key, value] of form) if (key !== "in_view" && value) filters[key] = value;
  if (form.get("in_view")) filters.bbox = map.bbox();
  return filters;
}

// The filters live in the address (?status=disputed&q=…), so a view can be bookmarked or shared.
function restoreFilters() {
  const params = new URLSearchParams(window.location.search);
  for (const field of $("filters").elements) {
    if (field.name && field.type !== "checkbox" && params.has(field.name)) field.value = params.get(field.name);
  }
}

function rememberFilters(filters) {
  const { bbox, ...kept } = filters; // the map view is not part of the address
  const query = new URLSearchParams(kept).toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

// Towns for the map's labels; a failure leaves the map without them and says so.
async function loadTowns(bbox, limit) {
  try {
    return await api.towns(bbox, limit);
  } catch (error) {
    showError(error);
    return [];
  }
}

function renderEvents(page) {
  state.events = page.items;
  const list = clear($("event-list"));
  list.append(...page.items.map((e) => eventListItem(e, revealEvent)));
  if (!page.items.length) list.append(el("li", { class: "muted empty", text: "No events match these filters." }));
  const onMap = map.setEvents(page.items, state.selectedId);
  $("event-count").textContent = `${page.items.length} of ${page.total} · ${onMap} on map`;
  $("event-count").title = "Events known only by country, or not located at all, are listed but not drawn.";
  timeline.render(page.items, state.selectedId);
}

function updateReportLink(filters) {
  const url = apiUrl("/api/report", { fmt: "html", since: filters.date_from, until: filters.date_to });
  $("report-link").href = url.pathname + url.search;
}

async function loadEvents() {
  try {
    const filters = currentFilters();
    renderEvents(await api.events(filters));
    updateReportLink(filters);
    rememberFilters(filters);
    showError(null);
  } catch (error) {
    showError(error);
  }
}

// Picked in the list or on the timeline: the map shows where, too.
function revealEvent(eventId) {
  map.reveal(eventId);
  return selectEvent(eventId);
}

async function selectEvent(eventId) {
  state.selectedId = eventId;
  map.select(eventId);
  timeline.select(eventId);
  for (const item of $("event-list").children) item.classList.toggle("selected", item.dataset.eventId === eventId);
  try {
    const [event, claims] = await Promise.all([api.event(eventId), api.eventClaims(eventId)]);
    $("detail").replaceChildren(eventCard(event, claims));
    $("detail").scrollTop = 0;
  } catch (error) {
    showError(error);
  }
}

async function selectSource(canonical) {
  for (const row of $("source-rows").children) row.classList.toggle("selected", row.dataset.source === canonical);
  try {
    $("detail").replaceChildren(sourceCard(canonical, await api.sourceClaims(canonical)));
  } catch (error) {
    showError(error);
  }
}

// Stories (topic threads) for the story filter: its title, how many events, when last reported.
async function loadStories() {
  const page = await api.stories();
  const chosen = $("f-story").value || new URLSearchParams(window.location.search).get("story_id") || "";
  $("f-story").replaceChildren(
    el("option", { value: "", text: "all stories" }),
    ...page.items.map((s) =>
      el("option", { value: s.id, text: `${s.title} (${s.events} event${s.events === 1 ? "" : "s"}, ${s.last_seen || "undated"})` }),
    ),
  );
  $("f-story").value = chosen;
}

async function loadSources() {
  const page = await api.sources();
  $("source-rows").replaceChildren(...page.items.map((s) => sourceRow(s, selectSource)));
  $("source-options").replaceChildren(...page.items.map((s) => el("option", { value: s.canonical })));
  $("source-count").textContent = `${page.items.length} of ${page.total}`;
}

function showView(view) {
  for (const tab of document.querySelectorAll(".tabs button"))
    tab.classList.toggle("active", tab.dataset.view === view);
  $("events-view").hidden = view !== "events";
  $("sources-view").hidden = view !== "sources";
  if (view === "events") map.refresh();
}

async function loadStats() {
  const stats = await api.stats();
  // Claims and events come counted by status: the header shows their sums.
  const total = (value) => (typeof value === "object" ? Object.values(value).reduce((a, b) => a + b, 0) : value);
  const figures = ["documents", "claims", "events", "sources"].filter((k) => k in stats);
  $("stats").replaceChildren(
    ...figures.map((k) => el("span", {}, el("b", { text: Number(total(stats[k])).toLocaleString("en") }), ` ${k}`)),
  );
}

function bindControls() {
  const reload = debounce(loadEvents, 250);
  $("filters").addEventListener("input", reload);
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    loadEvents();
  });
  $("filters").addEventListener("reset", () => setTimeout(loadEvents, 0));
  map.onViewChange = debounce(() => {
    if ($("in-view").checked) loadEvents();
  }, 300);
  $("zoom-in").addEventListener("click", () => map.zoomIn());
  $("zoom-out").addEventListener("click", () => map.zoomOut());
  $("zoom-fit").addEventListener("click", () => map.fit());
  for (const tab of document.querySelectorAll(".tabs button"))
    tab.addEventListener("click", () => showView(tab.dataset.view));
  window.addEventListener(
    "resize",
    debounce(() => timeline.render(state.events, state.selectedId), 200),
  );
}

async function start() {
  restoreFilters();
  bindControls();
  try {
    const basemap = await (await fetch("/static/basemap.json")).json();
    map.setBasemap(basemap);
    await loadStories(); // before the events: the address may name a story to show
    await Promise.all([loadStats(), loadSources(), loadEvents()]);
    map.fit();
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error);
  }
}

start();
