// The signed network: actors as nodes, alliances (green) and enmities (red) as weighted
// edges; a time window; filters by region, actor kind and event type; click to drill down.
import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { api, overview } from '../api.js';
import { clear, debounce, el, fmtScore, link, message, select } from '../dom.js';
import { LEGEND, eventCard } from '../evidence.js';
import { timeWindow } from '../window.js';

const REGION_COLOURS = {
  'Middle East': '#b15928',
  Africa: '#33a02c',
  Asia: '#6a3d9a',
  Europe: '#1f78b4',
  Americas: '#e31a1c',
  Oceania: '#ff7f00',
  International: '#525252',
};
const REGIONS = Object.keys(REGION_COLOURS);
const KINDS = ['state', 'igo', 'ngo', 'group', 'person', 'generic', 'region'];

export function edgeColour(score) {
  const alpha = 0.55 + 0.45 * Math.min(Math.abs(score), 1);
  return score >= 0 ? `rgba(26,152,80,${alpha})` : `rgba(215,48,39,${alpha})`;
}

function buildGraph(data) {
  const graph = new Graph({ type: 'undirected' });
  for (const n of data.nodes) {
    graph.addNode(n.id, {
      label: n.name ?? n.id,
      size: 4 + Math.sqrt(n.events ?? 1) * 2,
      color: REGION_COLOURS[n.region] ?? '#525252',
      ...n,
    });
  }
  for (const e of data.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || graph.hasEdge(e.source, e.target)) continue;
    graph.addEdgeWithKey(`${e.source}|${e.target}`, e.source, e.target, {
      size: 1 + 5 * Math.min(Math.abs(e.score), 1),
      color: edgeColour(e.score),
      data: e,
    });
  }
  circular.assign(graph, { scale: 100 });
  if (graph.order > 1) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations: 300,
      settings: { ...settings, gravity: 1.5, strongGravityMode: true, scalingRatio: 8, edgeWeightInfluence: 0 },
    });
  }
  return graph;
}

export async function renderNetwork(root, params) {
  const info = await overview();
  const state = {
    since: params.since ?? null,
    until: params.until ?? null,
    region: params.region ?? '',
    kind: params.kind ?? '',
    type: params.type ?? '',
    level: params.level ?? 'actor',
    minScore: 0,
  };
  let renderer = null;
  const graphBox = el('div', { id: 'graph', class: 'graph' });
  const panel = el('aside', { class: 'panel', id: 'network-panel' }, message('Click an actor or a line to see why.'));
  const status = el('span', { class: 'muted', id: 'network-status' });
  const ties = el('div', { class: 'ties' });
  const slider = timeWindow(info.first_date, info.last_date, (w) => {
    Object.assign(state, w);
    load();
  }, state);
  const regionSel = select('region', REGIONS, { value: state.region, any: 'all regions' });
  const kindSel = select('kind', KINDS, { value: state.kind, any: 'all actor kinds' });
  const typeSel = select('type', info.event_types.map((t) => [t.type, `${t.type} (${t.events})`]), {
    value: state.type,
    any: 'all event types',
  });
  const levelSel = select('level', [['actor', 'actors'], ['country', 'countries']], { value: state.level, any: null });
  const minScore = el('input', { type: 'range', min: 0, max: 0.9, step: 0.05, value: 0, name: 'min_score', 'aria-label': 'minimum strength' });
  for (const [node, key] of [[regionSel, 'region'], [kindSel, 'kind'], [typeSel, 'type'], [levelSel, 'level']]) {
    node.addEventListener('change', () => {
      state[key] = node.value;
      load();
    });
  }
  minScore.addEventListener('input', debounce(() => {
    state.minScore = Number(minScore.value);
    load();
  }, 200));

  root.append(
    el('section', { class: 'toolbar' }, slider.node, regionSel, kindSel, typeSel, levelSel,
      el('label', {}, 'min |score| ', minScore), status),
    el('div', { class: 'network-layout' }, el('div', { class: 'graph-column' }, graphBox,
      el('div', { class: 'legend muted' },
        el('span', { class: 'swatch ally' }), ' alliance  ', el('span', { class: 'swatch enemy' }), ' enmity  · node colour = region:  ',
        REGIONS.map((r) => [el('span', { class: 'dot', style: `background:${REGION_COLOURS[r]}` }), ` ${r}  `]))),
      el('div', { class: 'side' }, panel, ties)),
  );

  function showNode(id, graph) {
    const n = graph.getNodeAttributes(id);
    const rows = graph.edges(id).map((key) => graph.getEdgeAttribute(key, 'data'))
      .sort((a, b) => b.score - a.score);
    clear(panel,
      el('h2', {}, n.label),
      el('p', { class: 'muted' }, `${n.kind ?? ''} · ${n.country ?? ''} · ${n.region ?? ''} · ${n.events ?? 0} events in the window`),
      state.level === 'actor' ? link('actor', { id }, 'open the actor profile →') : null,
      el('h3', {}, 'Ties'),
      el('ul', { class: 'tie-list' }, rows.map((e) => {
        const other = e.source === id ? e.target : e.source;
        return el('li', {}, el('button', { type: 'button', class: `tie ${e.score >= 0 ? 'ally' : 'enemy'}`, onclick: () => showEdge(e, graph) },
          `${fmtScore(e.score)}  ${graph.getNodeAttribute(other, 'label')}`));
      })),
    );
  }

  async function showEdge(e, graph) {
    const a = graph.getNodeAttribute(e.source, 'label');
    const b = graph.getNodeAttribute(e.target, 'label');
    const evidence = el('div', { class: 'edge-evidence', id: 'edge-evidence' }, message('loading the evidence…'));
    clear(panel,
      el('h2', {}, `${a} — ${b}`),
      el('p', {}, el('strong', { class: e.score >= 0 ? 'ally-text' : 'enemy-text' },
        `${e.score >= 0 ? 'alliance' : 'enmity'} ${fmtScore(e.score)}`),
        ` · ${e.event_count ?? e.events?.length ?? 0} events (${e.cooperation} cooperative, ${e.conflict} conflictual) · ${e.first_date} → ${e.last_date}`),
      state.level === 'actor' ? link('dyad', { a: e.source, b: e.target }, 'open the dyad over time →') : null,
      LEGEND(), evidence);
    if (state.level !== 'actor') {
      clear(evidence, (e.top_events ?? []).map((t) => el('blockquote', { class: 'evidence' }, t.evidence ?? '')));
      return;
    }
    try {
      const ids = e.events ?? [];
      const found = await api('events', { between: [e.source, e.target], since: state.since, until: state.until, type: state.type, page_size: 12 });
      const top = found.items.filter((x) => ids.includes(x.event_id));
      const rest = found.items.filter((x) => !ids.includes(x.event_id));
      clear(evidence, el('p', { class: 'muted' }, `${found.total} events between them in the window; the strongest first.`),
        [...top, ...rest].map(eventCard));
    } catch (err) {
      clear(evidence, message(err.message, 'error'));
    }
  }

  function showTies(data, graph) {
    const sorted = [...data.edges].sort((x, y) => y.score - x.score);
    const best = sorted.filter((x) => x.score > 0).slice(0, 8);
    const worst = sorted.filter((x) => x.score < 0).reverse().slice(0, 8);
    const item = (e) => el('li', {}, el('button', { type: 'button', class: `tie ${e.score >= 0 ? 'ally' : 'enemy'}`, onclick: () => showEdge(e, graph) },
      `${fmtScore(e.score)}  ${graph.getNodeAttribute(e.source, 'label')} — ${graph.getNodeAttribute(e.target, 'label')}`));
    clear(ties, el('h3', {}, 'Strongest alliances'), el('ul', { class: 'tie-list', id: 'alliances' }, best.map(item)),
      el('h3', {}, 'Strongest enmities'), el('ul', { class: 'tie-list', id: 'enmities' }, worst.map(item)));
  }

  let seq = 0;
  async function load() {
    const mine = ++seq;
    status.textContent = 'loading…';
    let data;
    try {
      data = await api('network', {
        since: state.since, until: state.until, region: state.region, kind: state.kind,
        type: state.type, level: state.level, min_score: state.minScore || undefined,
      });
    } catch (err) {
      status.textContent = err.message;
      return;
    }
    if (mine !== seq) return;
    const graph = buildGraph(data);
    if (renderer) renderer.kill();
    renderer = null;
    graphBox.replaceChildren();
    status.textContent = `${graph.order} actors · ${graph.size} ties`;
    if (!graph.order) {
      graphBox.append(message('No ties in this window and filter.'));
      clear(ties);
      return;
    }
    try {
      renderer = new Sigma(graph, graphBox, {
        enableEdgeEvents: true,
        labelRenderedSizeThreshold: 1,
        labelDensity: 2,
        labelGridCellSize: 60,
        defaultEdgeType: 'line',
        zIndex: true,
      });
    } catch (err) {
      graphBox.append(message(`The graph needs WebGL, which this browser does not offer (${err.message}).`, 'error'));
      showTies(data, graph);
      return;
    }
    graphBox.sigma = renderer; // for the browser tests: where nodes are drawn
    renderer.on('clickNode', ({ node }) => showNode(node, graph));
    renderer.on('clickEdge', ({ edge }) => showEdge(graph.getEdgeAttribute(edge, 'data'), graph));
    renderer.on('enterEdge', () => graphBox.classList.add('pointer'));
    renderer.on('leaveEdge', () => graphBox.classList.remove('pointer'));
    renderer.on('enterNode', () => graphBox.classList.add('pointer'));
    renderer.on('leaveNode', () => graphBox.classList.remove('pointer'));
    showTies(data, graph);
    graphBox.dataset.nodes = String(graph.order);
  }

  await load();
  return () => {
    seq += 1;
    if (renderer) renderer.kill();
  };
}
