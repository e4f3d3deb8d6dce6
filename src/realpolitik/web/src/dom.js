// DOM helpers.  Data is ALWAYS set as text (textContent / attributes), never parsed as HTML:
// article text is untrusted, and "<script>" in it must show as those characters.

/** el('div', {class: 'x', onclick: f}, 'text', child, …) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      node.className = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'value') {
      node.value = value;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A <select> with an empty "any" option. */
export function select(name, options, { any = 'any', value = '', multiple = false } = {}) {
  const node = el('select', { name, multiple });
  if (any !== null) node.append(el('option', { value: '' }, any));
  for (const option of options) {
    const [v, label] = Array.isArray(option) ? option : [option, option];
    const opt = el('option', { value: v }, label);
    if (String(v) === String(value)) opt.selected = true;
    node.append(opt);
  }
  return node;
}

export function message(text, kind = 'muted') {
  return el('p', { class: kind }, text);
}

export function fmtScore(score) {
  const s = Number(score);
  return `${s > 0 ? '+' : ''}${s.toFixed(2)}`;
}

export function fmtNumber(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en');
}

export const QUADS = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};

export function debounce(fn, ms = 250) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Read the hash's query (#/page?x=1) as a plain object. */
export function hashParams() {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  return Object.fromEntries(new URLSearchParams(at >= 0 ? hash.slice(at + 1) : ''));
}

export function link(page, params, ...children) {
  const query = new URLSearchParams(params).toString();
  return el('a', { href: `#/${page}${query ? `?${query}` : ''}` }, ...children);
}
