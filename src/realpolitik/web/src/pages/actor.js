// An actor's profile on a date: who it is, who holds its offices, allies, enemies, events.
import { api } from '../api.js';
import { clear, el, fmtScore, link, message } from '../dom.js';
import { LEGEND, eventCard } from '../evidence.js';
import { actorPicker } from './pickers.js';

function tieList(ties, id, kind) {
  if (!ties.length) return message(`No ${kind} in the store up to this date.`);
  return el('ul', { class: 'tie-list' }, ties.map((t) => el('li', {},
    el('span', { class: kind === 'allies' ? 'ally-text' : 'enemy-text' }, fmtScore(t.score)), ' ',
    link('actor', { id: t.id }, t.name), ' ',
    link('dyad', { a: id, b: t.id }, '(dyad)'),
    el('span', { class: 'muted' }, ` ${t.events} events, last ${t.last_date ?? '—'}`))));
}

export async function renderActor(root, params) {
  const picker = await actorPicker('id', params.id ?? 'irn', 'Actor');
  const on = el('input', { type: 'date', name: 'on', value: params.on ?? '', 'aria-label': 'date' });
  const form = el('form', { class: 'toolbar' }, picker.node, el('label', {}, 'on ', on), el('button', { type: 'submit' }, 'show'));
  const body = el('div', { class: 'profile', id: 'actor-profile' });
  root.append(form, body);

  async function load() {
    const id = picker.value();
    window.history.replaceState(null, '', `#/actor?id=${encodeURIComponent(id)}${on.value ? `&on=${on.value}` : ''}`);
    clear(body, message('loading…'));
    let p;
    try {
      p = await api(`actors/${encodeURIComponent(id)}`, { on: on.value || undefined });
    } catch (err) {
      clear(body, message(err.message, 'error'));
      return;
    }
    const kb = p.knowledge;
    const name = kb?.name ?? p.stored?.name ?? id;
    const who = el('section', { class: 'card' },
      el('h2', {}, name),
      el('p', { class: 'muted' }, [kb?.kind, kb?.country ?? p.stored?.country, kb?.sector ?? p.stored?.sector].filter(Boolean).join(' · ')),
      kb?.aliases?.length ? el('p', {}, 'Also called: ', kb.aliases.join(', ')) : null,
      p.stored ? el('p', {}, `${p.stored.events} event mentions in the store, ${p.stored.first_date} → ${p.stored.last_date}`) : message('Not in any stored event.'),
      kb?.sponsors?.length ? el('p', {}, `Backed on ${p.on} by: `, kb.sponsors.map((s, i) => [i ? ', ' : '', link('actor', { id: s.id }, s.name)])) : null,
    );
    const roles = el('section', { class: 'card' }, el('h3', {}, `Office holders on ${p.on}`),
      kb?.roles?.length
        ? el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, el('th', {}, 'person'), el('th', {}, 'role'), el('th', {}, 'sector'), el('th', {}, 'since'), el('th', {}, 'until'))),
          el('tbody', {}, kb.roles.map((r) => el('tr', {}, el('td', {}, r.person), el('td', {}, r.role), el('td', {}, r.sector), el('td', {}, r.start ?? '—'), el('td', {}, r.end ?? '—')))))
        : message('No office holder known for this date.'));
    const relations = el('section', { class: 'card two' },
      el('div', {}, el('h3', {}, 'Allies'), tieList(p.allies, id, 'allies')),
      el('div', {}, el('h3', {}, 'Enemies'), tieList(p.enemies, id, 'enemies')));
    const recent = el('section', {}, el('h3', {}, `Recent events (${p.event_total} up to ${p.on})`), LEGEND(),
      p.recent_events.map(eventCard), link('events', { actor: id }, 'all events →'));
    clear(body, el('div', { class: 'cards' }, who, roles), relations, recent);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  await load();
  return null;
}
