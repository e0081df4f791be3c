// The JSON API the page reads: the same endpoints documented at /api/openapi.json.

function describe(detail) {
  if (Array.isArray(detail)) return detail.map((d) => `${(d.loc || []).join(".")}: ${d.msg}`).join("; ");
  return String(detail ?? "request failed");
}

export function apiUrl(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  return url;
}

export async function getJSON(path, params = {}) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(describe(body.detail));
  return body;
}

export const api = {
  stats: () => getJSON("/api/stats"),
  events: (filters, limit = 500) => getJSON("/api/events", { ...filters, order: "newest", limit }),
  event: (id) => getJSON(`/api/events/${encodeURIComponent(id)}`),
  eventClaims: (id) => getJSON("/api/claims", { event_id: id, context: "true", limit: 500 }),
  sources: () => getJSON("/api/sources", { limit: 500 }),
  stories: () => getJSON("/api/stories", { limit: 200 }),
  towns: (bbox, limit) => getJSON("/api/towns", { bbox, limit }),
  sourceClaims: (canonical) => getJSON("/api/claims", { source: canonical, context: "true", limit: 200 }),
};
