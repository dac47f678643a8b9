// A text box for an entity in a filter (speaker, actor, place, around): it suggests names as the analyst
// types, shows a name where the URL holds an id, and gives the id back when the name was left as shown.
import * as api from './api.js';
import { h } from './dom.js';

let lists = 0;

export function entityInput(name, value, { placeholder = 'name or id', size = 18, type } = {}) {
  const list = h('datalist', { id: 'entity-names-' + ++lists });
  const input = h('input', { name, value: value ?? '', placeholder, size, list: list.id, autocomplete: 'off', class: 'entity-input' });
  if (value && /^ent_/.test(value)) {
    api.get('entities', { q: value, limit: 1 }).then(page => {
      const e = page.items[0];
      if (e && input.value === value) {
        input.value = e.name;
        input.dataset.id = e.id;
        input.dataset.name = e.name;
      }
    }, () => {});
  }
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(() => api.get('entities', { q, type, limit: 12 }).then(page => {
      list.replaceChildren(...page.items.map(e => h('option', { value: e.name }, e.type)));
    }, () => {}), 200);
  });
  return h('span', { class: 'entity-input-wrap' }, input, list);
}

/** A filter form's values: an entity box still showing the name it was given sends that entity's id. */
export function formValues(form) {
  const values = Object.fromEntries(new FormData(form));
  for (const input of form.querySelectorAll('input[data-id]')) {
    if (input.value === input.dataset.name) values[input.name] = input.dataset.id;
  }
  return values;
}
