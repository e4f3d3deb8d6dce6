// An event as a reader sees it: who did what to whom, and the sentence behind it with the
// actors and the trigger marked.  Every piece of article text goes in as a text node.
import { api } from './api.js';
import { QUADS, el, link } from './dom.js';

/** The evidence sentence cut into plain text and <mark>s (trigger first, then mentions). */
export function markedSentence(event) {
  const text = event.evidence?.text ?? '';
  const marks = [];
  if (event.trigger) marks.push({ ...event.trigger, role: 'trigger' });
  for (const m of event.marks ?? []) marks.push(m);
  const kept = [];
  for (const m of marks) {
    if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  }
  kept.sort((a, b) => a.start - b.start);
  const out = el('blockquote', { class: 'evidence' });
  let at = 0;
  for (const m of kept) {
    if (m.start > at) out.append(document.createTextNode(text.slice(at, m.start)));
    const title = m.role === 'trigger' ? 'trigger' : `${m.role}: ${m.actor_name ?? m.actor_id}`;
    out.append(el('mark', { class: `m-${m.role}`, title }, text.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < text.length) out.append(document.createTextNode(text.slice(at)));
  return out;
}

function actorLink(side) {
  if (!side) return el('span', { class: 'muted' }, '—');
  if (!side.id) return el('span', {}, side.name ?? side.text ?? '?');
  return link('actor', { id: side.id }, side.name ?? side.id);
}

/** One line: date · source  TYPE  target · place. */
export function eventHeadline(event) {
  const quad = event.cameo?.quad_class;
  return el(
    'div',
    { class: 'headline' },
    el('span', { class: 'date' }, event.date),
    ' ',
    actorLink(event.source),
    ' ',
    el('span', { class: `type q${quad ?? 0}`, title: QUADS[quad] ?? '' }, event.plover?.event ?? '?'),
    event.plover?.mode ? el('span', { class: 'mode' }, ` (${event.plover.mode})`) : null,
    ' ',
    actorLink(event.target),
    event.location?.name ? el('span', { class: 'muted' }, ` · ${event.location.name}`) : null,
  );
}

/** A full card: headline, marked sentence, codes, and the article on demand. */
export function eventCard(event) {
  const card = el('article', { class: 'event-card', dataset: { eventId: event.event_id } });
  const codes = el(
    'div',
    { class: 'codes muted' },
    `CAMEO ${event.cameo?.code ?? '—'} · Goldstein ${event.cameo?.goldstein ?? '—'} · `,
    `confidence ${event.confidence == null ? '—' : Number(event.confidence).toFixed(2)} · ${event.dataset ?? ''}`,
  );
  card.append(eventHeadline(event), markedSentence(event), codes);
  if (event.article_id) card.append(articleToggle(event.article_id));
  return card;
}

function articleToggle(articleId) {
  const holder = el('div', { class: 'article-holder' });
  const button = el('button', { type: 'button', class: 'small' }, 'show article');
  button.addEventListener('click', async () => {
    if (holder.childElementCount) {
      holder.replaceChildren();
      button.textContent = 'show article';
      return;
    }
    const article = await api(`articles/${encodeURIComponent(articleId)}`);
    holder.replaceChildren(
      el('div', { class: 'muted' }, [article.title, article.source, article.date].filter(Boolean).join(' · ')),
      el('pre', { class: 'article-text' }, article.text ?? ''),
    );
    button.textContent = 'hide article';
  });
  return el('div', {}, button, holder);
}

export const LEGEND = () =>
  el(
    'div',
    { class: 'legend muted' },
    el('mark', { class: 'm-source' }, 'source'),
    ' ',
    el('mark', { class: 'm-target' }, 'target'),
    ' ',
    el('mark', { class: 'm-trigger' }, 'trigger'),
  );
