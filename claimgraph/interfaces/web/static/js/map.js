// The event map, drawn with Leaflet (static/vendor, copied from npm by ../build-basemap.mjs):
// an offline basemap (static/basemap.json: land, lakes, coastlines, country and first-level
// borders, rivers, country and region names), towns from the gazetteer (/api/towns: the most
// populous in view, so zooming in shows smaller ones) and one marker per located event.
// Markers cluster below CLUSTER_BELOW_ZOOM; from there on, events at one place fan out around it.

import { el } from "./dom.js";
import { Labels } from "./labels.js";

const { L, topojson } = window;

const CLUSTER_BELOW_ZOOM = 8;
const FIT_MAX_ZOOM = 9;
const MARKER_PX = 7; // radius of a one-document event; more documents, bigger (log scale, capped)
const MAX_MARKER_SIZE = 2.2;
const FAN_GAP_PX = 2 * MARKER_PX + 4; // events sharing one place are spread on a ring, this far apart
const TOWNS_PER_VIEW = 150;
const COUNTRY_CHAR_WIDTH = 0.85; // of the font size: capitals, spaced out
// "Fit" frames the events within FIT_SPREAD times their median distance from the median place,
// or FIT_MIN_REACH_M, whichever is more.
const FIT_SPREAD = 5;
const FIT_MIN_REACH_M = 1_000_000;
// Precision ranks: the most specific place wins (claimgraph/store/rows.py ranks the same way).
const PRECISION_RANK = { point: 0, town: 1, region: 2 };
// A place this coarse says where in the world, not where the event was: it is not drawn
// (the same list as TOO_COARSE_FEATURES in claimgraph/resolve/position.py).
const TOO_COARSE_FEATURES = new Set(["CONT", "OCN", "STM"]);
const BASEMAP_STYLE = {
  land: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 },
  lakes: { stroke: false, fillColor: "#d4e3ef", fillOpacity: 1 },
  rivers: { color: "#9dbfdc", weight: 1, minZoom: 5 },
  admin1: { color: "#b7b3c7", weight: 0.8, dashArray: "4 3", minZoom: 4 },
  coast: { color: "#93a9bf", weight: 0.8 },
  borders: { color: "#8c8799", weight: 1.3 },
};

function located(place) {
  return place && place.lat != null && place.lon != null;
}

function drawable(place) {
  return located(place) && place.precision in PRECISION_RANK && !TOO_COARSE_FEATURES.has(place.feature);
}

// Where an event is drawn: its `location` when the ledger gives one; else its most specific
// place (a point or town before a region; the first listed on a tie), never an average.
// An event known only by country (or continent) gets no point: it is listed, not drawn.
export function eventPlace(event) {
  if (event.location) return drawable(event.location) ? event.location : null;
  const places = (event.places || []).filter((p) => p.role !== "demonym" && drawable(p));
  if (!places.length) return null;
  return places.reduce((best, p) => (PRECISION_RANK[p.precision] < PRECISION_RANK[best.precision] ? p : best));
}

// A div icon whose element carries data attributes and the selection state.
const EventIcon = L.DivIcon.extend({
  createIcon(oldIcon) {
    const div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
    Object.assign(div.dataset, this.options.data);
    div.classList.toggle("selected", this.options.isSelected(this.options.data.eventId));
    return div;
  },
});

function clusterIcon(cluster) {
  const count = cluster.getChildCount();
  const size = Math.round(26 + 6 * Math.log2(count));
  return L.divIcon({ className: "marker-cluster", html: el("span", { text: String(count) }), iconSize: [size, size] });
}

export class EventMap {
  constructor(container, onSelect, loadTowns) {
    this.container = container;
    this.onSelect = onSelect;
    this.loadTowns = loadTowns;
    this.selectedId = null;
    this.map = L.map(container, {
      zoomControl: false,
      minZoom: 2,
      maxZoom: 13,
      zoomSnap: 0.5,
      maxBounds: [
        [-85, -200],
        [85, 200],
      ],
      attributionControl: false,
    });
    L.control.attribution({ prefix: "Leaflet · Natural Earth · GeoNames" }).addTo(this.map);
    this.map.createPane("labels").classList.add("label-pane");
    this.renderer = L.canvas({ padding: 0.2 });
    this.basemap = {};
    this.labels = new Labels(this.map, ["events", "countries", "towns", "regions"]);
    this.clusters = L.markerClusterGroup({
      disableClusteringAtZoom: CLUSTER_BELOW_ZOOM,
      maxClusterRadius: 44,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: false,
      // No cluster animation: while one runs (200 ms after a zoom) the plugin ignores map moves,
      // so an event picked in the list right after another one far away got no marker.
      animate: false,
      iconCreateFunction: clusterIcon,
    }).addTo(this.map);
    this.map.setView([50, 30], 4);
    this.map.on("moveend", () => this.moved());
    new ResizeObserver(() => this.map.invalidateSize()).observe(container); // e.g. the timeline below grew
  }

  setBasemap(topology) {
    for (const [name, style] of Object.entries(BASEMAP_STYLE)) {
      const shapes = topojson.feature(topology, topology.objects[name]);
      this.basemap[name] = { layer: L.geoJSON(shapes, { style, renderer: this.renderer, interactive: false }), style };
    }
    const { countries, regions } = topology.labels;
    this.labels.set(
      "countries",
      countries.map(([text, lon, lat, minZoom]) => ({
        text,
        lat,
        lon,
        minZoom,
        maxZoom: 7,
        className: "country-label",
        charWidth: COUNTRY_CHAR_WIDTH,
      })),
    );
    this.labels.set(
      "regions",
      regions.map(([text, lon, lat, minZoom]) => ({
        text,
        lat,
        lon,
        className: "region-label",
        minZoom: Math.max(5, minZoom - 1),
        maxZoom: 11,
      })),
    );
    this.showBasemapLayers();
  }

  // Layers with a minZoom (rivers, admin1 borders) only from that zoom on; land first, borders last.
  showBasemapLayers() {
    const zoom = this.map.getZoom();
    for (const { layer, style } of Object.values(this.basemap)) {
      const wanted = zoom >= (style.minZoom || 0);
      if (wanted && !this.map.hasLayer(layer)) layer.addTo(this.map);
      if (!wanted && this.map.hasLayer(layer)) layer.remove();
    }
  }

  moved() {
    this.showBasemapLayers();
    const b = this.map.getBounds();
    this.container.dataset.view = [this.map.getZoom(), b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].join(",");
    this.refreshTowns();
    this.onViewChange?.();
  }

  async refreshTowns() {
    const bbox = this.bbox();
    const towns = await this.loadTowns(bbox, TOWNS_PER_VIEW);
    if (bbox !== this.bbox()) return; // the view moved on meanwhile
    this.labels.set(
      "towns",
      towns.map((t) => ({ text: t.name, lat: t.lat, lon: t.lon, className: "town-label", dot: true, px: townPx(t) })),
    );
  }

  // The visible area as "minlon,minlat,maxlon,maxlat" (the API's bbox), within the world's limits.
  bbox() {
    const b = this.map.getBounds();
    const clamp = (value, limit) => Math.max(-limit, Math.min(limit, value)).toFixed(3);
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(
      ",",
    );
  }

  // Draws the events that have a place; returns how many were drawn.
  setEvents(events, selectedId) {
    this.selectedId = selectedId;
    this.clusters.clearLayers();
    this.markers = new Map();
    const byPlace = new Map();
    for (const event of events) {
      const place = eventPlace(event);
      if (!place) continue;
      const key = `${place.lat.toFixed(3)},${place.lon.toFixed(3)}`;
      if (!byPlace.has(key)) byPlace.set(key, { place, events: [] });
      byPlace.get(key).events.push(event);
    }
    const markers = [...byPlace.values()].flatMap(({ place, events: here }) =>
      here.map((event, i) => this.marker(event, place, fanOffset(i, here.length))),
    );
    this.clusters.addLayers(markers);
    this.placed = [...byPlace.values()];
    this.labels.set(
      "events",
      this.placed.map(({ place, events: here }) => ({
        text: place.name || place.text,
        lat: place.lat,
        lon: place.lon,
        className: "event-label",
        minZoom: CLUSTER_BELOW_ZOOM,
        offset: fanRadius(here.length) + MARKER_PX * MAX_MARKER_SIZE,
      })),
    );
    return markers.length;
  }

  marker(event, place, [dx, dy]) {
    const size = Math.min(MAX_MARKER_SIZE, 1 + Math.log2(event.documents || 1) * 0.3);
    const px = Math.round(2 * MARKER_PX * size);
    const name = place.name || place.text;
    const where = place.precision === "region" ? `somewhere in ${name}` : name;
    const marker = L.marker([place.lat, place.lon], {
      icon: new EventIcon({
        className: `marker status-${event.status} precision-${place.precision}`,
        iconSize: [px, px],
        iconAnchor: [px / 2 - dx, px / 2 - dy],
        html: "",
        data: { eventId: event.id, place: name, lat: String(place.lat), lon: String(place.lon) },
        isSelected: (id) => id === this.selectedId,
      }),
      title: `${where}: ${event.summary} (${event.status})`,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on("click", () => this.onSelect(event.id));
    this.markers.set(event.id, marker);
    return marker;
  }

  // Brings an event's marker into view, out of its cluster (an event picked in the list or the
  // timeline); a view that shows it already stays. False when the event has no marker.
  reveal(eventId) {
    const marker = this.markers.get(eventId);
    if (!marker) return false;
    const shown = marker.getElement() && this.map.getBounds().contains(marker.getLatLng());
    if (!shown)
      this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), CLUSTER_BELOW_ZOOM), { animate: false });
    return true;
  }

  select(eventId) {
    this.selectedId = eventId;
    for (const marker of this.container.querySelectorAll(".marker"))
      marker.classList.toggle("selected", marker.dataset.eventId === eventId);
  }

  // Frames where the events are: places far from the median place of all events (a capital
  // that commented) do not zoom the view out to half the world; zooming out shows them.
  fit() {
    const points = (this.placed || []).flatMap(({ place, events }) => events.map(() => L.latLng(place.lat, place.lon)));
    if (!points.length) return;
    this.map.invalidateSize(); // the page's layout may have changed since the last resize callback
    const centre = L.latLng(median(points.map((p) => p.lat)), median(points.map((p) => p.lng)));
    const distances = points.map((p) => centre.distanceTo(p));
    const reach = Math.max(FIT_SPREAD * median(distances), FIT_MIN_REACH_M);
    const near = points.filter((p, i) => distances[i] <= reach);
    // at once, not animated: the page is ready (and markers clickable) when fit() returns
    this.map.fitBounds(L.latLngBounds(near), { padding: [48, 48], maxZoom: FIT_MAX_ZOOM, animate: false });
  }

  zoomIn() {
    this.map.zoomIn();
  }

  zoomOut() {
    this.map.zoomOut();
  }

  // After the map's element was hidden or resized.
  refresh() {
    this.map.invalidateSize();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

// Label size by population: 10 px for a village, up to 15 px for a city of millions.
function townPx(town) {
  return Math.round(Math.min(15, Math.max(10, 4 + 1.6 * Math.log10(Math.max(town.population, 1)))));
}

// The ring n events at one place are spread on: none for one, else wide enough to keep them apart.
function fanRadius(n) {
  return n < 2 ? 0 : Math.max(FAN_GAP_PX / 2 + 4, (n * FAN_GAP_PX) / (2 * Math.PI));
}

// Pixel offset of the i-th of n events at one place, clockwise from the top of the ring.
function fanOffset(i, n) {
  const angle = (2 * Math.PI * i) / n - Math.PI / 2;
  return [Math.round(fanRadius(n) * Math.cos(angle)), Math.round(fanRadius(n) * Math.sin(angle))];
}
