// Facts: casualty, displacement and other figures over time and on a map, with their sentences.
import Chart from 'chart.js/auto';
import { api, overview } from '../api.js';
import { clear, el, fmtNumber, message, select } from '../dom.js';
import { worldMap } from '../worldmap.js';

const KIND_COLOURS = {
  killed: '#d73027', injured: '#fc8d59', displaced: '#4575b4', detained: '#762a83',
  hostages: '#e08214', missing: '#878787', refugees: '#74add1', food_insecure: '#1a9850',
};

const figure = (r) => Math.max(Number(r.reported ?? 0), Number(r.cumulative_max ?? 0));

export async function renderFacts(root, params) {
  const info = await overview();
  const kind = select('kind', info.fact_kinds.map((k) => [k.kind, `${k.kind} (${k.facts})`]), { value: params.kind ?? '', any: 'all kinds' });
  const by = select('by', [['month', 'by month'], ['year', 'by year']], { value: 'month', any: null });
  const chartBox = el('div', { class: 'chart-box' });
  const mapBox = el('div', { class: 'map-box small', id: 'facts-map' });
  const table = el('table', { class: 'grid', id: 'facts-table' });
  const summary = el('p', { class: 'muted' });
  root.append(el('section', { class: 'toolbar' }, kind, by),
    el('p', { class: 'muted' }, 'Figures in people, per period: incremental reports summed, cumulative tolls at their largest; a figure repeated by several articles counts once. Log scale.'),
    chartBox, el('h3', {}, 'Where (people, by place)'), mapBox, el('h3', {}, 'Latest figures'), summary, table);
  const map = worldMap(mapBox);
  let chart = null;

  async function load() {
    const k = kind.value || undefined;
    const [series, places, facts] = await Promise.all([
      api('facts/series', { kind: k, by: by.value }),
      api('facts/places', { kind: k, limit: 500 }),
      api('facts', { kind: k, page_size: 50 }),
    ]);
    const rows = series.rows.filter((r) => r.unit === 'people');
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const kinds = [...new Set(rows.map((r) => r.kind))];
    const datasets = kinds.map((name) => ({
      label: name,
      data: periods.map((p) => {
        const r = rows.find((x) => x.period === p && x.kind === name);
        return r ? figure(r) : null;
      }),
      backgroundColor: KIND_COLOURS[name] ?? '#999',
    }));
    if (chart) chart.destroy();
    const canvas = el('canvas', { id: 'facts-chart' });
    chartBox.replaceChildren(canvas);
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: periods, datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { type: 'logarithmic', title: { display: true, text: 'people' } } },
      },
    });
    const max = Math.max(1, ...places.places.map(figure));
    map.draw(places.places.map((p) => ({
      lon: p.lon, lat: p.lat,
      r: 3 + 20 * Math.sqrt(Math.log10(1 + figure(p)) / Math.log10(1 + max)),
      colour: `${KIND_COLOURS[p.kind] ?? '#999'}b0`,
      title: `${p.place}: ${p.kind} ${fmtNumber(figure(p))} (${p.figures} figures)`,
    })));
    summary.textContent = `${fmtNumber(facts.total)} figures`;
    clear(table,
      el('thead', {}, el('tr', {}, ['date', 'kind', 'figure', 'of', 'place', 'sentence'].map((h) => el('th', {}, h)))),
      el('tbody', {}, facts.items.map((f) => el('tr', {},
        el('td', {}, f.date), el('td', {}, f.kind),
        el('td', {}, `${f.qualifier === 'exact' ? '' : `${f.qualifier} `}${fmtNumber(f.value)}${f.unit === 'percent' ? '%' : ''}`),
        el('td', {}, f.of ?? ''), el('td', {}, f.location?.name ?? ''),
        el('td', { class: 'sentence-cell' }, f.evidence?.text ?? '')))));
    if (!facts.items.length) table.after(message('No figures.'));
  }
  kind.addEventListener('change', load);
  by.addEventListener('change', load);
  await load();
  return () => chart && chart.destroy();
}
