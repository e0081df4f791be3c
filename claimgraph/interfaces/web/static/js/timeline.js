// The timeline: one lane per event status; each event is a bar from first to last seen,
// with a dot for every status change in its history (coloured by the status it took).

import { svg } from "./dom.js";

export const EVENT_STATUSES = ["confirmed", "corroborated", "claimed", "disputed"];
const LANE = 34;
const LEFT = 124; // px for the lane labels
const RIGHT = 16;
const TOP = 8;
const AXIS = 22;
const DAY = 86400000;
const MIN_BAR = 10; // px: a one-day event still shows as a bar
const DENSE_ABOVE = 60; // events: more than this and bars are drawn thin

const toTime = (date) => (date ? Date.parse(date.slice(0, 10)) : NaN);

function eventDates(event) {
  return [event.first_seen, event.last_seen, ...(event.history || []).map((h) => h.date)]
    .map(toTime)
    .filter((t) => !Number.isNaN(t));
}

function ticks(start, end, count) {
  const step = Math.max(DAY, Math.ceil((end - start) / count / DAY) * DAY);
  const out = [];
  for (let t = start; t <= end; t += step) out.push(t);
  return out;
}

export class Timeline {
  constructor(container, onSelect) {
    this.container = container;
    this.onSelect = onSelect;
  }

  render(events, selectedId) {
    const dated = events.filter((e) => eventDates(e).length);
    const times = dated.flatMap(eventDates);
    const width = Math.max(this.container.clientWidth, 320);
    const height = TOP + LANE * EVENT_STATUSES.length + AXIS;
    const dense = dated.length > DENSE_ABOVE ? " dense" : "";
    const root = svg("svg", { class: `timeline${dense}`, width, height, viewBox: `0 0 ${width} ${height}` });
    if (!times.length) {
      root.append(svg("text", { x: LEFT, y: height / 2, class: "empty", text: "No dated events" }));
      this.container.replaceChildren(root);
      return;
    }
    const start = Math.min(...times) - DAY / 2;
    const end = Math.max(...times) + DAY / 2;
    const x = (t) => LEFT + ((t - start) / (end - start)) * (width - LEFT - RIGHT);
    root.append(this.lanes(width), this.axis(start, end, x, height));
    dated.forEach((event, i) => root.append(this.bar(event, i, x, event.id === selectedId)));
    this.container.replaceChildren(root);
  }

  lanes(width) {
    return svg(
      "g",
      { class: "lanes" },
      EVENT_STATUSES.map((status, i) =>
        svg(
          "g",
          {},
          svg("rect", { x: 0, y: TOP + i * LANE, width, height: LANE, class: `lane lane-${i % 2}` }),
          svg("text", {
            x: 8,
            y: TOP + i * LANE + LANE / 2 + 4,
            class: `lane-label status-text-${status}`,
            text: status,
          }),
        ),
      ),
    );
  }

  axis(start, end, x, height) {
    const g = svg("g", { class: "axis" });
    for (const t of ticks(start + DAY / 2, end, 8)) {
      const label = new Date(t).toISOString().slice(0, 10);
      g.append(
        svg("line", { x1: x(t), x2: x(t), y1: TOP, y2: height - AXIS + 4 }),
        svg("text", { x: x(t), y: height - 6, "text-anchor": "middle", text: label }),
      );
    }
    return g;
  }

  bar(event, index, x, selected) {
    const lane = Math.max(0, EVENT_STATUSES.indexOf(event.status));
    const y = TOP + lane * LANE + 7 + ((index * 7) % (LANE - 14));
    const dates = eventDates(event);
    const g = svg(
      "g",
      {
        class: `tl-event status-${event.status}${selected ? " selected" : ""}`,
        "data-event-id": event.id,
        onclick: () => this.onSelect(event.id),
      },
      svg("title", { text: event.summary }),
    );
    const [x1, x2] = [x(Math.min(...dates)), x(Math.max(...dates))];
    g.append(svg("line", { x1: x1 - MIN_BAR / 2, x2: Math.max(x2, x1) + MIN_BAR / 2, y1: y, y2: y, class: "tl-bar" }));
    for (const change of event.history || []) {
      const t = toTime(change.date);
      if (!Number.isNaN(t))
        g.append(
          svg(
            "circle",
            { cx: x(t), cy: y, r: 3.5, class: `tl-change status-${change.status}` },
            svg("title", { text: `${change.date}: ${change.status}` }),
          ),
        );
    }
    return g;
  }

  select(eventId) {
    for (const g of this.container.querySelectorAll(".tl-event"))
      g.classList.toggle("selected", g.dataset.eventId === eventId);
  }
}
