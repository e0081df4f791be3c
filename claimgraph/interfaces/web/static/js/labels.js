// Map labels: names of event places, countries, regions and towns, drawn as text in a Leaflet
// pane after each move. Sources are placed in the order given (event places first), each
// source's items in their own order (most important first); a label that would overlap one
// already placed is left out, so a crowded view shows the important names, not a heap.
// Text goes in through textContent only.

const { L } = window;

const DEFAULT_PX = 11;
const CHAR_WIDTH = 0.6; // of the font size: the width of an average character, roughly
const MAX_LABELS = 400;
const MARGIN_PX = 3;

export class Labels {
  constructor(map, sources) {
    this.map = map;
    this.items = new Map(sources.map((name) => [name, []]));
    this.root = L.DomUtil.create("div", "map-labels", map.getPane("labels"));
    map.on("zoomstart", () => this.root.classList.add("hidden"));
    map.on("moveend", () => this.draw());
  }

  // items: [{text, lat, lon, className, px, charWidth, minZoom, maxZoom, dot, offset}]
  set(source, items) {
    this.items.set(source, items);
    this.draw();
  }

  draw() {
    const zoom = this.map.getZoom();
    const view = this.map.getBounds().pad(0.1);
    const placed = [];
    const nodes = [];
    for (const items of this.items.values()) {
      for (const item of items) {
        if (nodes.length >= MAX_LABELS) break;
        if (zoom < (item.minZoom ?? 0) || zoom > (item.maxZoom ?? 99)) continue;
        if (!view.contains([item.lat, item.lon])) continue;
        const box = this.box(item);
        if (placed.some((other) => overlaps(box, other))) continue;
        placed.push(box);
        nodes.push(this.node(item, box));
      }
    }
    this.root.replaceChildren(...nodes);
    this.root.classList.remove("hidden");
  }

  // Where the label goes, in layer pixels: beside its point (after `offset` px, or a dot),
  // or centred on it when it has neither.
  box(item) {
    const px = item.px || DEFAULT_PX;
    const point = this.map.latLngToLayerPoint([item.lat, item.lon]);
    const width = item.text.length * px * (item.charWidth || CHAR_WIDTH);
    const beside = item.dot || item.offset;
    const x = beside ? point.x + (item.offset || 0) : point.x - width / 2;
    const dot = item.dot ? px * 0.8 : 0;
    return { x: x - dot, y: point.y - px * 0.6, width: width + dot, height: px * 1.2, px, point };
  }

  node(item, box) {
    const node = L.DomUtil.create("div", `map-label ${item.className}`);
    if (item.dot) node.append(L.DomUtil.create("i", "town-dot"));
    node.append(document.createTextNode(item.text));
    node.style.fontSize = `${box.px}px`;
    L.DomUtil.setPosition(node, L.point(box.x, box.y));
    return node;
  }
}

function overlaps(a, b) {
  return (
    a.x < b.x + b.width + MARGIN_PX &&
    b.x < a.x + a.width + MARGIN_PX &&
    a.y < b.y + b.height + MARGIN_PX &&
    b.y < a.y + a.height + MARGIN_PX
  );
}
