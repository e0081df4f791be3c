// Build step (run `npm run build` after `npm install`): converts the world-atlas
// countries TopoJSON (Natural Earth 1:50m, via the npm package world-atlas) into
// static/basemap.json: one SVG path per country, already projected.
// Projection: equirectangular, x = lon * cos(50°), y = -lat (true shape near 50°N).
// The output is committed; nothing here runs when claimgraph serves the page.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const SOURCE = "node_modules/world-atlas/countries-50m.json";
const TARGET = "static/basemap.json";
const X_SCALE = Math.cos((50 * Math.PI) / 180);

const toHundredths = (value) => Math.round(value * 100);

// Integer hundredths of a degree, written as relative moves with repeats dropped.
function ringPath(ring) {
  const points = ring.map(([lon, lat]) => [toHundredths(lon * X_SCALE), toHundredths(-lat)]);
  const moves = [];
  for (let i = 1; i < points.length; i += 1) {
    const dx = points[i][0] - points[i - 1][0];
    const dy = points[i][1] - points[i - 1][1];
    if (dx || dy) moves.push(`${dx / 100} ${dy / 100}`);
  }
  return `M${points[0][0] / 100} ${points[0][1] / 100}l${moves.join(" ")}z`;
}

function geometryPath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flat().map(ringPath).join("");
}

const topology = JSON.parse(readFileSync(SOURCE, "utf8"));
const countries = feature(topology, topology.objects.countries).features
  .map((f) => ({ name: f.properties.name, d: geometryPath(f.geometry) }))
  .filter((c) => c.d);
const basemap = { projection: { x_scale: Number(X_SCALE.toFixed(6)), y_scale: -1 }, countries };
writeFileSync(TARGET, JSON.stringify(basemap));
console.log(`${TARGET}: ${countries.length} countries`);
