// A dyad over time: cooperation and conflict each way, and the events behind each point.
import Chart from 'chart.js/auto';
import { api } from '../api.js';
import { clear, el, message, select } from '../dom.js';
import { LEGEND, eventCard } from '../evidence.js';
import { actorPicker } from './pickers.js';

const SERIES = [
  ['A->B', 'coop', 'rgba(26,152,80,1)', []],
  ['A->B', 'conflict', 'rgba(215,48,39,1)', []],
  ['B->A', 'coop', 'rgba(102,189,99,1)', [6, 4]],
  ['B->A', 'conflict', 'rgba(244,109,67,1)', [6, 4]],
];

function periodEnd(start, by) {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (by === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export async function renderDyad(root, params) {
  const a = await actorPicker('a', params.a ?? 'irn', 'Actor A');
  const b = await actorPicker('b', params.b ?? 'isr', 'Actor B');
  const by = select('by', [['week', 'by week'], ['month', 'by month']], { value: params.by ?? 'month', any: null });
  const go = el('button', { type: 'submit' }, 'show');
  const form = el('form', { class: 'toolbar' }, a.node, b.node, by, go);
  const title = el('h2', {});
  const canvasBox = el('div', { class: 'chart-box' });
  const events = el('section', { class: 'events', id: 'dyad-events' });
  root.append(form, title, canvasBox, el('h3', {}, 'Events behind the selected point'), LEGEND(), events);
  let chart = null;

  async function showEvents(source, target, since, until, label) {
    clear(events, message('loading…'));
    try {
      const found = await api('events', { source, target, since, until, page_size: 50 });
      clear(events, el('p', { class: 'muted' }, `${label}: ${found.total} events`),
        found.items.length ? found.items.map(eventCard) : message('No event there.'));
    } catch (err) {
      clear(events, message(err.message, 'error'));
    }
  }

  async function load() {
    const ids = [a.value(), b.value()];
    window.history.replaceState(null, '', `#/dyad?a=${encodeURIComponent(ids[0])}&b=${encodeURIComponent(ids[1])}&by=${by.value}`);
    let data;
    try {
      data = await api('relations', { a: ids[0], b: ids[1], by: by.value });
    } catch (err) {
      clear(title, err.message);
      title.className = 'error';
      return;
    }
    title.className = '';
    const A = data.a;
    const B = data.b;
    clear(title, `${A.name} ⇄ ${B.name}`);
    const periods = data.series['A->B'].map((r) => r.period);
    const datasets = SERIES.map(([dir, kind, colour, dash]) => ({
      label: `${dir === 'A->B' ? `${A.name} → ${B.name}` : `${B.name} → ${A.name}`}: ${kind === 'coop' ? 'cooperation' : 'conflict'}`,
      data: data.series[dir].map((r) => (kind === 'coop' ? r.verbal_coop + r.material_coop : r.verbal_conflict + r.material_conflict)),
      borderColor: colour,
      backgroundColor: colour,
      borderDash: dash,
      tension: 0,
      pointRadius: 3,
      pointHoverRadius: 6,
      direction: dir,
    }));
    if (chart) chart.destroy();
    const canvas = el('canvas', { id: 'dyad-chart', 'aria-label': 'events per period' });
    canvasBox.replaceChildren(canvas);
    chart = new Chart(canvas, {
      type: 'line',
      data: { labels: periods, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'nearest', intersect: true },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'events' }, ticks: { precision: 0 } } },
        onClick: (_evt, elements) => {
          if (!elements.length) return;
          const { datasetIndex, index } = elements[0];
          const dir = datasets[datasetIndex].direction;
          const [src, tgt] = dir === 'A->B' ? [A, B] : [B, A];
          const since = periods[index];
          showEvents(src.id, tgt.id, since, periodEnd(since, by.value), `${src.name} → ${tgt.name}, ${since}`);
        },
      },
    });
    canvasBox.chart = chart; // for the browser tests
    const all = await api('events', { between: ids, page_size: 30 });
    clear(events, el('p', { class: 'muted' }, `All ${all.total} events between them (newest first); click a point to narrow.`),
      all.items.map(eventCard));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  await load();
  return () => chart && chart.destroy();
}
