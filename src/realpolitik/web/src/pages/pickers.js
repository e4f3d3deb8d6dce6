// An actor input with suggestions from the stored actors (id in a datalist).
import { api } from '../api.js';
import { debounce, el } from '../dom.js';

let counter = 0;

export async function actorPicker(name, initial, label) {
  counter += 1;
  const listId = `actors-${name}-${counter}`;
  const input = el('input', { name, value: initial ?? '', list: listId, placeholder: 'actor id or name', 'aria-label': label, autocomplete: 'off' });
  const list = el('datalist', { id: listId });
  const fill = async () => {
    const found = await api('actors', { q: input.value || undefined, page_size: 20 }).catch(() => ({ items: [] }));
    list.replaceChildren(...found.items.map((a) => el('option', { value: a.id }, `${a.name} (${a.events})`)));
  };
  input.addEventListener('input', debounce(fill, 200));
  await fill();
  return { node: el('label', {}, `${label} `, input, list), value: () => input.value.trim(), input };
}
