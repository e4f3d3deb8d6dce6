// A time-window control: two month sliders over the store's date range.
import { el } from './dom.js';

function months(first, last) {
  const out = [];
  const [y0, m0] = first.split('-').map(Number);
  const [y1, m1] = last.split('-').map(Number);
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A slider pair; onChange({since, until}) fires when either end moves. */
export function timeWindow(first, last, onChange, { since = null, until = null } = {}) {
  const list = first && last ? months(first, last) : [];
  const max = Math.max(list.length - 1, 0);
  const find = (date, fallback) => {
    const i = date ? list.indexOf(date.slice(0, 7)) : -1;
    return i >= 0 ? i : fallback;
  };
  const from = el('input', { type: 'range', min: 0, max, value: find(since, 0), name: 'since', 'aria-label': 'window start' });
  const to = el('input', { type: 'range', min: 0, max, value: find(until, max), name: 'until', 'aria-label': 'window end' });
  const label = el('span', { class: 'window-label' });
  const value = () => {
    let a = Number(from.value);
    let b = Number(to.value);
    if (a > b) [a, b] = [b, a];
    if (!list.length) return { since: null, until: null };
    return { since: `${list[a]}-01`, until: lastDay(list[b]) };
  };
  const show = () => {
    const v = value();
    label.textContent = v.since ? `${v.since} → ${v.until}` : 'all dates';
  };
  const fire = () => {
    show();
    onChange(value());
  };
  from.addEventListener('input', show);
  to.addEventListener('input', show);
  from.addEventListener('change', fire);
  to.addEventListener('change', fire);
  show();
  const node = el('div', { class: 'time-window' }, el('label', {}, 'from ', from), el('label', {}, 'to ', to), label);
  return { node, value };
}
