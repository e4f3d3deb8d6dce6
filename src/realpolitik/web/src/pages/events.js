// The event explorer: search, filters, pages of 50 (paged server-side); a row opens the
// sentence with the actors and the trigger marked.
import { api, overview } from '../api.js';
import { QUADS, clear, el, fmtNumber, message, select } from '../dom.js';
import { LEGEND, eventCard } from '../evidence.js';

const PAGE_SIZE = 50;

export async function renderEvents(root, params) {
  const info = await overview();
  const q = el('input', { name: 'q', value: params.q ?? '', placeholder: 'words in the sentence or a name', 'aria-label': 'search' });
  const actor = el('input', { name: 'actor', value: params.actor ?? '', placeholder: 'actor (Iran, hamas)', 'aria-label': 'actor' });
  const type = select('type', info.event_types.map((t) => t.type), { value: params.type ?? '', any: 'any type' });
  const quad = select('quad', Object.entries(QUADS), { value: params.quad ?? '', any: 'any quad class' });
  const since = el('input', { type: 'date', name: 'since', value: params.since ?? '', 'aria-label': 'since' });
  const until = el('input', { type: 'date', name: 'until', value: params.until ?? '', 'aria-label': 'until' });
  const form = el('form', { class: 'toolbar' }, q, actor, type, quad, el('label', {}, 'from ', since), el('label', {}, 'to ', until),
    el('button', { type: 'submit' }, 'search'));
  const summary = el('p', { class: 'muted', id: 'events-summary' });
  const table = el('table', { class: 'grid events-table', id: 'events-table' });
  const pager = el('div', { class: 'pager' });
  root.append(form, LEGEND(), summary, table, pager);
  let page = Number(params.page ?? 1) || 1;

  function row(event) {
    const tr = el('tr', { class: 'event-row', tabindex: 0, dataset: { eventId: event.event_id } },
      el('td', {}, event.date),
      el('td', {}, event.source?.name ?? '—'),
      el('td', { class: `q${event.cameo?.quad_class ?? 0}` }, event.plover?.event ?? ''),
      el('td', {}, event.target?.name ?? '—'),
      el('td', {}, event.location?.name ?? ''),
      el('td', { class: 'sentence-cell' }, event.evidence?.text ?? ''));
    const detail = el('tr', { class: 'event-detail', hidden: true }, el('td', { colspan: 6 }, eventCard(event)));
    const toggle = () => {
      detail.hidden = !detail.hidden;
      tr.classList.toggle('open', !detail.hidden);
    };
    tr.addEventListener('click', toggle);
    tr.addEventListener('keydown', (e) => e.key === 'Enter' && toggle());
    return [tr, detail];
  }

  async function load() {
    const filters = {
      q: q.value.trim(), actor: actor.value.trim(), type: type.value, quad: quad.value,
      since: since.value, until: until.value,
    };
    const kept = Object.fromEntries(Object.entries({ ...filters, page }).filter(([, v]) => v !== '' && v !== 1));
    window.history.replaceState(null, '', `#/events${Object.keys(kept).length ? `?${new URLSearchParams(kept)}` : ''}`);
    summary.textContent = 'loading…';
    let found;
    try {
      found = await api('events', { ...filters, page, page_size: PAGE_SIZE });
    } catch (err) {
      summary.textContent = '';
      clear(table);
      clear(pager, message(err.message, 'error'));
      return;
    }
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    summary.textContent = `${fmtNumber(found.total)} events · page ${page} of ${pages} · click a row for its sentence`;
    clear(table,
      el('thead', {}, el('tr', {}, ['date', 'source', 'type', 'target', 'place', 'sentence'].map((h) => el('th', {}, h)))),
      el('tbody', {}, found.items.map(row)));
    const go = (p) => () => {
      page = p;
      load();
    };
    clear(pager,
      el('button', { type: 'button', disabled: page <= 1, onclick: go(page - 1) }, '← previous'),
      el('span', {}, ` ${page} / ${pages} `),
      el('button', { type: 'button', disabled: page >= pages, onclick: go(page + 1) }, 'next →'));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    page = 1;
    load();
  });
  for (const node of [type, quad, since, until]) {
    node.addEventListener('change', () => {
      page = 1;
      load();
    });
  }
  await load();
  return null;
}
