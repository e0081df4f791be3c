// The timeline: one lane per event status; each event is a bar from first to last seen,
// with a dot for every status change in its history (coloured by the status it took).
// The axis zooms to where the events are: runs of dates more than GAP_DAYS apart become
// separate stretches of the axis, and the empty time between them is cut out (drawn as a
// break), so one event dated years off cannot squash a busy fortnight into a spike.

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
const GAP_DAYS = 30; // dates further apart than this start a new stretch of the axis
const PAD_DAYS = 3; // each stretch is this much wider than its dates, so one day still has room
const BREAK = 18; // px drawn for the time cut out between two stretches
const TICK_PX = 76; // px wanted between two tick labels
const LABEL_CHAR_PX = 6.2; // px: the width of one character of an axis label, roughly
const TICK_DAYS = [1, 2, 7, 14, 30.4375, 91.3125, 365.25];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const toTime = (date) => (date ? Date.parse(date.slice(0, 10)) : NaN);

function eventDates(event) {
  return [event.first_seen, event.last_seen, ...(event.history || []).map((h) => h.date)]
    .map(toTime)
    .filter((t) => !Number.isNaN(t));
}

// Sorted times -> stretches [{start, end}] (ms), split where two times are GAP_DAYS apart.
export function stretchesOf(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const stretches = [];
  for (const t of sorted) {
    const last = stretches[stretches.length - 1];
    if (last && t - last.end <= GAP_DAYS * DAY) last.end = t;
    else stretches.push({ start: t, end: t });
  }
  return stretches.map(({ start, end }) => ({ start: start - DAY / 2, end: end + DAY / 2 }));
}

// Each stretch gets width in proportion to its days (plus PAD_DAYS); the cut-out time between
// two stretches gets BREAK px. x(t) interpolates linearly between these knots, so a bar that
// spans a break still runs from its first to its last date.
export function brokenScale(stretches, left, right) {
  const days = (s) => (s.end - s.start) / DAY + PAD_DAYS;
  const total = stretches.reduce((sum, s) => sum + days(s), 0);
  const usable = right - left - BREAK * (stretches.length - 1);
  const knots = [];
  let px = left;
  stretches.forEach((s, i) => {
    if (i) px += BREAK;
    const width = (usable * days(s)) / total;
    const pad = (PAD_DAYS / 2) * (width / days(s));
    knots.push({ t: s.start, x: px + pad }, { t: s.end, x: px + width - pad });
    px += width;
  });
  const x = (t) => {
    if (t <= knots[0].t) return knots[0].x;
    const i = knots.findIndex((k) => k.t >= t);
    if (i < 0) return knots[knots.length - 1].x;
    const [a, b] = [knots[i - 1], knots[i]];
    return b.t === a.t ? b.x : a.x + ((t - a.t) / (b.t - a.t)) * (b.x - a.x);
  };
  return { x, knots };
}

// Tick times inside one stretch: whole days, weeks or months, as many as fit TICK_PX apart.
function stretchTicks(stretch, x) {
  const pxPerDay = (x(stretch.end) - x(stretch.start)) / ((stretch.end - stretch.start) / DAY) || 1;
  const stepDays = TICK_DAYS.find((d) => d * pxPerDay >= TICK_PX) || TICK_DAYS[TICK_DAYS.length - 1];
  const first = Math.ceil(stretch.start / DAY) * DAY;
  const out = [];
  for (let t = first; t <= stretch.end; t += Math.round(stepDays) * DAY) out.push(t);
  return out;
}

function tickLabel(t, withYear) {
  const date = new Date(t);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return withYear ? `${day} ${date.getUTCFullYear()}` : day;
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
    const stretches = stretchesOf(times);
    const { x, knots } = brokenScale(stretches, LEFT, width - RIGHT);
    root.append(this.lanes(width), this.axis(stretches, x, height), this.breaks(knots, height));
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

  // The year is written on the first tick of each stretch and where it changes; a label that
  // would overlap the one before it is left out (its tick line stays).
  axis(stretches, x, height) {
    const g = svg("g", { class: "axis" });
    let year = null;
    let free = -Infinity; // px: where the previous label ends
    for (const stretch of stretches) {
      stretchTicks(stretch, x).forEach((t, i) => {
        const newYear = new Date(t).getUTCFullYear();
        const label = tickLabel(t, i === 0 || newYear !== year);
        const width = label.length * LABEL_CHAR_PX;
        const left = i === 0 ? x(t) : x(t) - width / 2;
        g.append(svg("line", { x1: x(t), x2: x(t), y1: TOP, y2: height - AXIS + 4 }));
        if (left < free + 6) return;
        year = newYear;
        free = left + width;
        g.append(svg("text", { x: left, y: height - 6, text: label }));
      });
    }
    return g;
  }

  // A hatched gap where time was cut out of the axis, titled with how much.
  breaks(knots, height) {
    const g = svg("g", { class: "axis-breaks" });
    for (let i = 1; i + 1 < knots.length; i += 2) {
      const [before, after] = [knots[i], knots[i + 1]];
      const [x1, x2] = [before.x + 4, after.x - 4];
      const days = Math.round((after.t - before.t) / DAY);
      g.append(
        svg(
          "rect",
          { class: "axis-break", x: x1, y: TOP, width: Math.max(2, x2 - x1), height: height - TOP - AXIS + 4 },
          svg("title", { text: `${days} days without events left out` }),
        ),
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
