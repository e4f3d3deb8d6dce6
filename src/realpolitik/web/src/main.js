// The dashboard: a single page, routed by the URL hash (#/network, #/events?actor=irn, …).
import './style.css';
import { overview } from './api.js';
import { clear, el, hashParams } from './dom.js';
import { renderActor } from './pages/actor.js';
import { renderDyad } from './pages/dyad.js';
import { renderEvents } from './pages/events.js';
import { renderFacts } from './pages/facts.js';
import { renderMap } from './pages/map.js';
import { renderNetwork } from './pages/network.js';

const PAGES = {
  network: renderNetwork,
  dyad: renderDyad,
  actor: renderActor,
  events: renderEvents,
  facts: renderFacts,
  map: renderMap,
};

let cleanup = null;

async function route() {
  const root = document.getElementById('app');
  const hash = window.location.hash.replace(/^#\/?/, '');
  const name = hash.split('?')[0] || 'network';
  const page = PAGES[name] ?? renderNetwork;
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.page === name);
  }
  clear(root);
  root.dataset.page = name;
  try {
    cleanup = await page(root, hashParams());
  } catch (err) {
    root.append(el('p', { class: 'error' }, `Could not load this page: ${err.message}`));
  }
  root.dataset.ready = name;
}

async function header() {
  try {
    const info = await overview();
    const c = info.counts;
    document.getElementById('store-info').textContent =
      `${c.articles} articles · ${c.events} events · ${c.facts} facts · ${info.first_date ?? '—'} → ${info.last_date ?? '—'}`;
  } catch (err) {
    document.getElementById('store-info').textContent = `API unavailable: ${err.message}`;
  }
}

window.addEventListener('hashchange', route);
header();
route();
