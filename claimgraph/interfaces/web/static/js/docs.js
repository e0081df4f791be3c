// /docs: the endpoints of /api/openapi.json, listed without any third-party viewer.

import { getJSON } from "./api.js";
import { el } from "./dom.js";

function parameterRow(parameter) {
  const schema = parameter.schema || {};
  const type =
    schema.type ||
    (schema.anyOf || [])
      .map((s) => s.type)
      .filter((t) => t !== "null")
      .join(" | ");
  return el(
    "tr",
    {},
    el("td", {}, el("code", { text: parameter.name })),
    el("td", { text: parameter.in }),
    el("td", { text: type || "" }),
    el("td", { text: parameter.description || "" }),
  );
}

function operation(path, method, spec) {
  const parameters = spec.parameters || [];
  return el(
    "section",
    { class: "endpoint panel" },
    el(
      "h3",
      {},
      el("span", { class: `method method-${method}`, text: method.toUpperCase() }),
      el("code", { text: path }),
    ),
    el("p", { text: spec.description || spec.summary || "" }),
    parameters.length
      ? el(
          "table",
          { class: "sources" },
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              ["name", "in", "type", "meaning"].map((h) => el("th", { text: h })),
            ),
          ),
          el("tbody", {}, parameters.map(parameterRow)),
        )
      : null,
    spec.requestBody ? el("p", { class: "muted", text: "Takes a JSON body (see openapi.json)." }) : null,
  );
}

const spec = await getJSON("/api/openapi.json");
const sections = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, details]) => operation(path, method, details)),
);
document.getElementById("endpoints").replaceChildren(...sections);
document.body.dataset.ready = "true";
