// The event map: country outlines from static/basemap.json (pre-projected at build time,
// see ../build-basemap.mjs) and one marker per located event, drawn as SVG.
// Wheel zooms, drag pans; markers keep their size on screen.

import { svg } from "./dom.js";

const WORLD = { x: -116, y: -84, width: 232, height: 150 };
const MIN_WIDTH = 0.5;
const MARKER_PX = 7; // radius of a one-document event; more documents, bigger (log scale, capped)
const MAX_MARKER_SIZE = 2.2;

const LABEL_PX = 11;
const COUNTRY_LABEL_PX = 12;
const COUNTRY_LABELS_BELOW_WIDTH = 60; // map units: wider views would be a clutter of names

export function eventPoint(event) {
  const located = (event.places || []).filter((p) => p.role !== "demonym" && p.lat != null && p.lon != null);
  if (!located.length) return null;
  const mean = (key) => located.reduce((sum, p) => sum + p[key], 0) / located.length;
  return { lat: mean("lat"), lon: mean("lon"), name: located[0].name || located[0].text };
}

export class EventMap {
  constructor(container, onSelect) {
    this.onSelect = onSelect;
    this.view = { x: 18, y: -58, width: 26, height: 14 };
    this.root = svg("svg", { class: "map", role: "img", "aria-label": "Map of events" });
    this.countries = svg("g", { class: "countries" });
    this.markers = svg("g", { class: "markers" });
    this.countryLabels = svg("g", { class: "country-labels", "aria-hidden": "true" });
    this.labels = svg("g", { class: "labels", "aria-hidden": "true" });
    this.root.append(
      svg("rect", { class: "sea", x: -200, y: -200, width: 400, height: 400 }),
      this.countries,
      this.countryLabels,
      this.labels,
      this.markers,
    );
    container.append(this.root);
    this.bindZoomAndPan();
    new ResizeObserver(() => this.apply()).observe(this.root);
  }

  setBasemap(basemap) {
    this.xScale = basemap.projection.x_scale;
    for (const country of basemap.countries) {
      this.countries.append(svg("path", { d: country.d }, svg("title", { text: country.name })));
      if (country.label) {
        const [x, y] = country.label;
        this.countryLabels.append(svg("text", { x, y, "text-anchor": "middle", text: country.name }));
      }
    }
  }

  project(point) {
    return { x: point.lon * this.xScale, y: -point.lat };
  }

  // The visible area as "minlon,minlat,maxlon,maxlat" (the API's bbox filter).
  bbox() {
    const v = this.view;
    const round = (n) => n.toFixed(3);
    return [v.x / this.xScale, -(v.y + v.height), (v.x + v.width) / this.xScale, -v.y].map(round).join(",");
  }

  setEvents(events, selectedId) {
    this.markers.replaceChildren();
    this.labels.replaceChildren();
    const placed = events.map((e) => ({ event: e, point: eventPoint(e) })).filter((p) => p.point);
    for (const { event, point } of placed) this.markers.append(this.marker(event, point, event.id === selectedId));
    const named = new Map(placed.map(({ point }) => [point.name, point]));
    const gaps = new Map(); // px from a place to its label: past the biggest marker there
    for (const m of this.markers.children)
      gaps.set(m.dataset.place, Math.max(gaps.get(m.dataset.place) || 0, m.dataset.size * MARKER_PX + 4));
    for (const point of named.values()) this.labels.append(this.label(point, gaps.get(point.name)));
    this.placed = placed;
    this.apply();
    return placed.length;
  }

  marker(event, point, selected) {
    const { x, y } = this.project(point);
    const size = Math.min(MAX_MARKER_SIZE, 1 + Math.log2(event.documents || 1) * 0.3);
    const circle = svg("circle", {
      cx: x,
      cy: y,
      class: `marker status-${event.status}${selected ? " selected" : ""}`,
      "data-event-id": event.id,
      "data-size": size,
      "data-place": point.name,
      tabindex: 0,
      role: "button",
      onclick: () => this.onSelect(event.id),
      onkeydown: (e) => {
        if (e.key === "Enter") this.onSelect(event.id);
      },
    });
    circle.append(svg("title", { text: `${event.summary} (${event.status})` }));
    return circle;
  }

  label(point, gap) {
    const { x, y } = this.project(point);
    return svg("text", { "data-x": x, "data-y": y, "data-gap": gap, text: point.name });
  }

  select(eventId) {
    for (const m of this.markers.children) m.classList.toggle("selected", m.dataset.eventId === eventId);
  }

  fit() {
    const points = (this.placed || []).map((p) => this.project(p.point));
    if (!points.length) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const pad = 0.8;
    const width = Math.max(Math.max(...xs) - Math.min(...xs) + 2 * pad, 9);
    const height = Math.max(Math.max(...ys) - Math.min(...ys) + 2 * pad, 5);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    this.setView({ x: cx - width / 2, y: cy - height / 2, width, height });
  }

  setView(view) {
    this.view = view;
    this.apply();
  }

  // Keeps the aspect ratio of the element, so one unit is the same on both axes.
  apply() {
    const box = this.root.getBoundingClientRect();
    if (!box.width || !box.height) return;
    const v = this.view;
    const ratio = box.width / box.height;
    const width = Math.max(MIN_WIDTH, Math.min(WORLD.width, Math.max(v.width, v.height * ratio)));
    const height = width / ratio;
    const cx = v.x + v.width / 2;
    const cy = v.y + v.height / 2;
    this.view = { x: cx - width / 2, y: cy - height / 2, width, height };
    this.root.setAttribute("viewBox", `${this.view.x} ${this.view.y} ${width} ${height}`);
    const unitsPerPx = width / box.width;
    for (const m of this.markers.children) m.setAttribute("r", MARKER_PX * Number(m.dataset.size) * unitsPerPx);
    this.countryLabels.setAttribute("font-size", COUNTRY_LABEL_PX * unitsPerPx);
    this.countryLabels.classList.toggle("hidden", width > COUNTRY_LABELS_BELOW_WIDTH);
    for (const t of this.labels.children) {
      t.setAttribute("x", Number(t.dataset.x) + Number(t.dataset.gap) * unitsPerPx);
      t.setAttribute("y", Number(t.dataset.y) + 0.35 * LABEL_PX * unitsPerPx);
      t.setAttribute("font-size", LABEL_PX * unitsPerPx);
    }
    this.hideCrowdedLabels(unitsPerPx);
  }

  // Greedy: a place label overlapping one already shown is hidden (its marker keeps its tooltip).
  hideCrowdedLabels(unitsPerPx) {
    const shown = [];
    for (const t of this.labels.children) {
      const box = {
        x: Number(t.getAttribute("x")) / unitsPerPx,
        y: Number(t.getAttribute("y")) / unitsPerPx,
        width: t.textContent.length * LABEL_PX * 0.62,
        height: LABEL_PX * 1.2,
      };
      const overlaps = shown.some(
        (o) => box.x < o.x + o.width && o.x < box.x + box.width && box.y - box.height < o.y && o.y - o.height < box.y,
      );
      t.classList.toggle("hidden", overlaps);
      if (!overlaps) shown.push(box);
    }
  }

  zoom(factor, cx = this.view.x + this.view.width / 2, cy = this.view.y + this.view.height / 2) {
    const v = this.view;
    const width = v.width * factor;
    const height = v.height * factor;
    this.setView({ x: cx - (cx - v.x) * factor, y: cy - (cy - v.y) * factor, width, height });
  }

  toMapPoint(clientX, clientY) {
    const box = this.root.getBoundingClientRect();
    return {
      x: this.view.x + ((clientX - box.left) / box.width) * this.view.width,
      y: this.view.y + ((clientY - box.top) / box.height) * this.view.height,
    };
  }

  bindZoomAndPan() {
    this.root.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const p = this.toMapPoint(e.clientX, e.clientY);
        this.zoom(e.deltaY > 0 ? 1.25 : 0.8, p.x, p.y);
        this.onViewChange?.();
      },
      { passive: false },
    );
    let drag = null;
    this.root.addEventListener("pointerdown", (e) => {
      if (e.target.classList.contains("marker")) return;
      drag = { x: e.clientX, y: e.clientY, view: { ...this.view } };
      this.root.setPointerCapture(e.pointerId);
    });
    this.root.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const scale = this.view.width / this.root.getBoundingClientRect().width;
      this.setView({
        ...drag.view,
        x: drag.view.x - (e.clientX - drag.x) * scale,
        y: drag.view.y - (e.clientY - drag.y) * scale,
      });
    });
    const stop = () => {
      if (drag) this.onViewChange?.();
      drag = null;
    };
    this.root.addEventListener("pointerup", stop);
    this.root.addEventListener("pointercancel", stop);
  }
}
