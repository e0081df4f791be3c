// DOM helpers. Every piece of ledger text goes in through textContent or a text node:
// nothing here parses HTML, so article text can never become markup or script.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function el(tag, props = {}, ...children) {
  return fill(document.createElement(tag), props, children);
}

export function svg(tag, props = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

export function isHttpUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url.trim());
}

// A link only for http(s) URLs; anything else (javascript:, data:, …) stays plain text.
export function externalLink(url, label) {
  if (!isHttpUrl(url)) return el("span", { class: "url-text", text: label || url || "" });
  return el("a", { href: url.trim(), target: "_blank", rel: "noopener noreferrer nofollow", text: label || url });
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
