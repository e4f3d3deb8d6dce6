// A map of events: located events counted per grid cell server-side (so 100,000 events are
// a few hundred circles); click a cell for its events.
import { api, overview } from '../api.js';
import { QUADS, clear, el, fmtNumber, message, select } from '../dom.js';
import { LEGEND, eventCard } from '../evidence.js';
import { timeWindow } from '../window.js';
import { balanceColour, worldMap } from '../worldmap.js';

export async function renderMap(root, params) {
  const info = await overview();
  const state = { since: params.since ?? null, until: params.until ?? null, type: params.type ?? '', quad: params.quad ?? '', cell: 1 };
  const slider = timeWindow(info.first_date, info.last_date, (w) => {
    Object.assign(state, w);
    load();
  }, state);
  const type = select('type', info.event_types.map((t) => t.type), { value: state.type, any: 'any type' });
  const quad = select('quad', Object.entries(QUADS), { value: state.quad, any: 'any quad class' });
  const cell = select('cell', [[0.25, 'cells of 0.25°'], [1, 'cells of 1°'], [5, 'cells of 5°']], { value: 1, any: null });
  const status = el('span', { class: 'muted', id: 'map-status' });
  for (const [node, key] of [[type, 'type'], [quad, 'quad'], [cell, 'cell']]) {
    node.addEventListener('change', () => {
      state[key] = node.value;
      load();
    });
  }
  const mapBox = el('div', { class: 'map-box', id: 'event-map' });
  const events = el('section', { class: 'events', id: 'map-events' }, message('Click a circle for the events there.'));
  root.append(el('section', { class: 'toolbar' }, slider.node, type, quad, cell, status),
    el('div', { class: 'legend muted' }, 'circle area = events · colour from ', el('span', { class: 'ally-text' }, 'cooperation'), ' to ', el('span', { class: 'enemy-text' }, 'conflict')),
    mapBox, el('h3', {}, 'Events in the selected cell'), LEGEND(), events);
  const map = worldMap(mapBox);

  async function showCell(c) {
    const size = Number(state.cell);
    const bbox = [c.cell_col * size, c.cell_row * size, (c.cell_col + 1) * size, (c.cell_row + 1) * size]
      .map((x) => Math.max(Math.min(x, 180), -180));
    bbox[1] = Math.max(bbox[1], -90);
    bbox[3] = Math.min(bbox[3], 90);
    clear(events, message('loading…'));
    const found = await api('events', { bbox: bbox.join(','), since: state.since, until: state.until, type: state.type, quad: state.quad, page_size: 50 });
    clear(events, el('p', { class: 'muted' }, `${c.place ?? 'here'}: ${found.total} events${found.total > 50 ? ' (newest 50)' : ''}`), found.items.map(eventCard));
  }

  async function load() {
    status.textContent = 'loading…';
    let data;
    try {
      data = await api('map/events', { since: state.since, until: state.until, type: state.type, quad: state.quad, cell: state.cell });
    } catch (err) {
      status.textContent = err.message;
      return;
    }
    const max = Math.max(1, ...data.cells.map((c) => c.events));
    map.draw(data.cells.map((c) => ({
      lon: c.lon, lat: c.lat,
      r: 3 + 22 * Math.sqrt(c.events / max),
      colour: balanceColour(c.cooperation, c.conflict),
      title: `${c.place ?? ''} (${c.country ?? ''}): ${c.events} events, ${c.cooperation} cooperative, ${c.conflict} conflictual`,
      onclick: () => showCell(c),
    })));
    const total = data.cells.reduce((n, c) => n + c.events, 0);
    status.textContent = `${fmtNumber(total)} located events in ${data.total_cells} cells`;
  }
  await load();
  return null;
}
