// Build step (run `npm run build` after `npm install`): converts the world-atlas
// countries TopoJSON (Natural Earth 1:50m, via the npm package world-atlas) into
// static/basemap.json: one SVG path per country, already projected.
// Projection: equirectangular, x = lon * cos(50°), y = -lat (true shape near 50°N).
// Each country also gets a label point (centroid of its largest polygon).
// The output is committed; nothing here runs when claimgraph serves the page.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const SOURCE = "node_modules/world-atlas/countries-50m.json";
const TARGET = "static/basemap.json";
const X_SCALE = Math.cos((50 * Math.PI) / 180);
// Hand-placed labels where the centroid is unhelpful ([lon, lat]): Russia's largest polygon
// centres in Siberia; its label goes into the European part.
const LABEL_AT = { Russia: [38.5, 53.5] };

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

function polygonsOf(geometry) {
  if (!geometry) return [];
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

// Where to write the name: the centroid of the outer ring of the largest polygon.
function labelPoint(polygons) {
  let best = null;
  for (const [outer] of polygons) {
    const points = outer.map(([lon, lat]) => [lon * X_SCALE, -lat]);
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < points.length - 1; i += 1) {
      const [x0, y0] = points[i];
      const [x1, y1] = points[i + 1];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (area && (!best || Math.abs(area) > best.area))
      best = { area: Math.abs(area), x: cx / (3 * area), y: cy / (3 * area) };
  }
  return best ? [toHundredths(best.x) / 100, toHundredths(best.y) / 100] : null;
}

function project([lon, lat]) {
  return [toHundredths(lon * X_SCALE) / 100, toHundredths(-lat) / 100];
}

const topology = JSON.parse(readFileSync(SOURCE, "utf8"));
const countries = feature(topology, topology.objects.countries)
  .features.map((f) => ({
    name: f.properties.name,
    d: polygonsOf(f.geometry).flat().map(ringPath).join(""),
    label: f.properties.name in LABEL_AT ? project(LABEL_AT[f.properties.name]) : labelPoint(polygonsOf(f.geometry)),
  }))
  .filter((c) => c.d);
const basemap = { projection: { x_scale: Number(X_SCALE.toFixed(6)), y_scale: -1 }, countries };
writeFileSync(TARGET, JSON.stringify(basemap));
console.log(`${TARGET}: ${countries.length} countries`);
