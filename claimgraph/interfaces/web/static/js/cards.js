// Event cards, claim cards and the source view. Sentences are split into text nodes at
// span boundaries; highlighted pieces are <mark> elements filled with textContent.

import { el, externalLink } from "./dom.js";

function relative(span, offset, length) {
  if (!Array.isArray(span) || span.length !== 2) return null;
  const start = Math.max(0, span[0] - offset);
  const end = Math.min(length, span[1] - offset);
  return end > start ? [start, end] : null;
}

// Every highlight of a claim, as [start, end, kind, title] relative to its sentence.
function highlights(claim, offset, length) {
  const marks = [];
  const add = (span, kind, title) => {
    const r = relative(span, offset, length);
    if (r) marks.push([r[0], r[1], kind, title]);
  };
  add(claim.span, "claim", "claim");
  for (const ref of claim.source_chain || []) add(ref.span, "source", `source: ${ref.canonical || ref.name}`);
  for (const cue of claim.status_cues || [])
    add(cue.span, claim.status === "hedged" ? "hedge" : "status", `status cue: ${claim.status}`);
  return marks;
}

export function highlightedSentence(claim) {
  const context = claim.context;
  const text = context ? context.sentence : claim.text;
  const offset = context ? context.sentence_start : claim.span[0];
  const marks = highlights(claim, offset, text.length);
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m[0], m[1]])])].sort((a, b) => a - b);
  const p = el("p", { class: "sentence" });
  for (let i = 0; i < cuts.length - 1; i += 1) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const covering = marks.filter((m) => m[0] <= start && m[1] >= end);
    const piece = text.slice(start, end);
    if (!covering.length) p.append(piece);
    else
      p.append(
        el("mark", {
          class: covering.map((m) => `hl-${m[2]}`).join(" "),
          title: covering.map((m) => m[3]).join("; "),
          text: piece,
        }),
      );
  }
  return p;
}

export function chip(kind, value) {
  return el("span", { class: `chip ${kind}-${value}`, text: words(value) });
}

function words(value) {
  return String(value).replaceAll("_", " ");
}

function figureText(unit, figures) {
  const range = [figures.min, figures.max].filter((v) => v != null).join(" – ") || "?";
  const values = figures.values ? ` (${plural(figures.values.length, "value")})` : "";
  return `${words(unit)}: ${range}${values}`;
}

function eventMeta(event) {
  const sources = plural(event.independent_sources, "independent source");
  return `${words(event.event_type)} · ${sources} · ${plural(event.documents, "document")}`;
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function sourceChain(claim) {
  const chain = claim.source_chain || [];
  if (!chain.length) return el("div", { class: "chain muted", text: "In the author's own voice (no attribution)" });
  const items = chain.flatMap((ref, i) => [
    i ? el("span", { class: "arrow", "aria-hidden": "true", text: "→" }) : null,
    el(
      "span",
      {
        class: `chain-link kind-${ref.kind || "unknown"}`,
        title: [ref.kind, ref.side, ref.cue && `cue “${ref.cue}”`].filter(Boolean).join(" · "),
      },
      ref.canonical || ref.name,
      ref.side ? el("small", { text: ` ${ref.side}` }) : null,
    ),
  ]);
  return el("div", { class: "chain" }, el("span", { class: "label", text: "Chain: " }), items);
}

function documentLine(claim) {
  const doc = claim.context?.document;
  const date = claim.time?.start || doc?.published || "date unknown";
  if (!doc) return el("div", { class: "doc-line", text: date });
  const who = [doc.outlet, doc.author].filter(Boolean).join(" · ") || "document";
  return el(
    "div",
    { class: "doc-line" },
    el("span", { text: `${date} · ${who} · ` }),
    externalLink(doc.url, doc.title || "original"),
    el("span", { text: " · " }),
    el("a", {
      href: `/api/documents/${encodeURIComponent(doc.id)}`,
      class: "doc-json",
      title: "the document as JSON",
      text: "JSON",
    }),
  );
}

export function claimCard(claim) {
  return el(
    "li",
    { class: "claim", "data-claim-id": claim.id },
    el(
      "div",
      { class: "claim-head" },
      chip("claim-status", claim.status),
      chip("type", claim.event_type),
      claim.negated ? el("span", { class: "chip negated", text: "negated" }) : null,
    ),
    highlightedSentence(claim),
    sourceChain(claim),
    documentLine(claim),
  );
}

function facts(event) {
  const rows = [
    ["Seen", [event.first_seen, event.last_seen].filter(Boolean).join(" – ") || "undated"],
    ["Independent sources", String(event.independent_sources)],
    ["Documents", String(event.documents)],
    ["Sides", (event.sides || []).join(", ") || "—"],
    ["Origins", (event.origins || []).join("; ") || "—"],
    [
      "Places",
      [...new Set((event.places || []).filter((p) => p.role !== "demonym").map((p) => p.name || p.text))].join(", ") ||
        "—",
    ],
  ];
  return el(
    "dl",
    { class: "facts" },
    rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]),
  );
}

function quantities(event) {
  const entries = Object.entries(event.quantities || {});
  if (!entries.length) return null;
  return el(
    "section",
    {},
    el("h4", { text: "Numbers" }),
    el(
      "ul",
      { class: "plain" },
      entries.map(([unit, q]) => el("li", { text: figureText(unit, q) })),
    ),
  );
}

function contradictions(event) {
  if (!(event.contradictions || []).length) return null;
  return el(
    "section",
    { class: "contradictions" },
    el("h4", { text: "Contradictions" }),
    el(
      "ul",
      { class: "plain" },
      event.contradictions.map((c) => el("li", {}, chip("contradiction", c.kind), ` ${c.note}`)),
    ),
  );
}

function history(event) {
  if (!(event.history || []).length) return null;
  return el(
    "section",
    {},
    el("h4", { text: "Status history" }),
    el(
      "ol",
      { class: "history" },
      event.history.map((h) =>
        el(
          "li",
          {},
          el("span", { class: "date", text: h.date || "undated" }),
          chip("status", h.status),
          // the state the causing claim reports: a place changing hands reads as one record
          h.outcome ? el("span", { class: "outcome", text: `reported ${h.outcome}` }) : null,
        ),
      ),
    ),
  );
}

function assessment(event) {
  if (!event.assessment) return null;
  return el(
    "section",
    { class: "assessment" },
    el("h4", { text: "Analyst assessment" }),
    el("p", {}, chip("status", event.assessment.status || "?"), ` ${event.assessment.note || ""}`),
  );
}

export function eventCard(event, claims) {
  return el(
    "article",
    { class: "event-card", "data-event-id": event.id },
    el("div", { class: "card-head" }, chip("status", event.status), chip("type", event.event_type)),
    el("h2", { text: event.summary }),
    facts(event),
    quantities(event),
    contradictions(event),
    history(event),
    assessment(event),
    el("h4", { text: `Claims (${claims.total})` }),
    el("ul", { class: "claims" }, claims.items.map(claimCard)),
    claims.total > claims.items.length
      ? el("p", { class: "muted", text: `Showing ${claims.items.length} of ${claims.total}` })
      : null,
  );
}

// "2024-08-07", or "2024-08-07 – 2024-08-12" for an event reported over several days.
function seenDates(event) {
  const [first, last] = [event.first_seen || "", event.last_seen || ""];
  return last && last !== first ? `${first} – ${last}` : first;
}

export function eventListItem(event, onSelect) {
  return el(
    "li",
    {
      class: `event-item status-border-${event.status}`,
      "data-event-id": event.id,
      tabindex: 0,
      onclick: () => onSelect(event.id),
      onkeydown: (e) => {
        if (e.key === "Enter") onSelect(event.id);
      },
    },
    el(
      "div",
      { class: "item-head" },
      chip("status", event.status),
      el("span", { class: "date", text: seenDates(event) }),
    ),
    el("div", { class: "summary", text: event.summary }),
    el("div", { class: "muted small", text: eventMeta(event) }),
  );
}

export function sourceRow(source, onSelect) {
  return el(
    "tr",
    { class: "source-row", "data-source": source.canonical, tabindex: 0, onclick: () => onSelect(source.canonical) },
    el("td", { text: source.canonical }),
    el("td", { text: source.kind || "—" }),
    el("td", { text: source.side || "—" }),
    el("td", { class: "num", text: String(source.claims) }),
  );
}

export function sourceCard(canonical, claims) {
  return el(
    "article",
    { class: "source-card" },
    el("div", { class: "card-head" }, el("span", { class: "chip", text: "source" })),
    el("h2", { text: canonical }),
    el("h4", { text: `What this source claimed (${claims.total})` }),
    el("ul", { class: "claims" }, claims.items.map(claimCard)),
  );
}
