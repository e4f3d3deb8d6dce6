// An offline world map: Natural Earth countries from the world-atlas npm package, drawn as
// SVG with d3-geo.  No tiles, nothing fetched at run time.
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import countries110m from 'world-atlas/countries-110m.json';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 500;
const LAND = feature(countries110m, countries110m.objects.countries);

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function extent(points) {
  if (!points.length) return null;
  let [x0, y0, x1, y1] = [180, 90, -180, -90];
  for (const [lon, lat] of points) {
    x0 = Math.min(x0, lon); x1 = Math.max(x1, lon);
    y0 = Math.min(y0, lat); y1 = Math.max(y1, lat);
  }
  const pad = 8;
  [x0, y0, x1, y1] = [Math.max(x0 - pad, -180), Math.max(y0 - pad, -85), Math.min(x1 + pad, 180), Math.min(y1 + pad, 85)];
  return {
    type: 'Polygon',
    coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
  };
}

/**
 * A map in `container`.  draw(points) puts circles at [{lon, lat, r, colour, title, onclick}],
 * fitting the view to them when `fit` is on.
 */
export function worldMap(container, { fit = true } = {}) {
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'world-map', role: 'img', 'aria-label': 'map' });
  const base = svg('g', { class: 'base' });
  const dots = svg('g', { class: 'dots' });
  root.append(base, dots);
  container.replaceChildren(root);

  function draw(points) {
    const projection = geoNaturalEarth1();
    const box = fit ? extent(points.map((p) => [p.lon, p.lat])) : null;
    projection.fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], box ?? { type: 'Sphere' });
    const path = geoPath(projection);
    base.replaceChildren(
      svg('path', { d: path({ type: 'Sphere' }), class: 'sphere' }),
      svg('path', { d: path(geoGraticule10()), class: 'graticule' }),
      ...LAND.features.map((f) => {
        const node = svg('path', { d: path(f) ?? '', class: 'country' });
        const title = svg('title');
        title.textContent = f.properties?.name ?? '';
        node.append(title);
        return node;
      }),
    );
    const sorted = [...points].sort((a, b) => b.r - a.r);
    dots.replaceChildren(...sorted.map((p) => {
      const xy = projection([p.lon, p.lat]);
      if (!xy) return svg('g');
      const c = svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: p.r.toFixed(1), fill: p.colour, class: 'dot' });
      const title = svg('title');
      title.textContent = p.title;
      c.append(title);
      if (p.onclick) c.addEventListener('click', p.onclick);
      return c;
    }));
  }

  return { draw, root };
}

/** Green for cooperation, red for conflict, mixed in between. */
export function balanceColour(cooperation, conflict) {
  const total = cooperation + conflict;
  const share = total ? conflict / total : 0.5;
  const r = Math.round(26 + (215 - 26) * share);
  const g = Math.round(152 + (48 - 152) * share);
  const b = Math.round(80 + (39 - 80) * share);
  return `rgba(${r},${g},${b},0.7)`;
}
