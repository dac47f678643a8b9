// Actors: the entities of the knowledge base, by name or type, each linked to its profile.
import * as api from '../api.js';
import { h, append, route, typeBadge, typeLabels, pager, table, paramsObject } from '../dom.js';

const LIMIT = 100;

export async function render(root, { params }) {
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const offset = Math.max(0, parseInt(params.get('offset') ?? '0', 10) || 0);
  const form = h('form', { class: 'filters' },
    h('input', { type: 'search', name: 'q', value: q, placeholder: 'Name, alias or registry id', 'aria-label': 'Name' }),
    h('select', { name: 'type', 'aria-label': 'Type' }, h('option', { value: '' }, 'All types'),
      Object.entries(typeLabels).map(([value, label]) => h('option', { value, selected: value === type }, label))),
    h('button', { type: 'submit' }, 'Find'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    location.hash = route('actors', data);
  });
  append(root, h('header', { class: 'page-head' }, h('h1', null, 'Actors'),
    h('p', { class: 'lede' }, 'Armed groups, people, organisations, countries and places, each merged across its spellings.')), form);

  const page = await api.get('entities', { q, type, offset, limit: LIMIT });
  append(root,
    h('p', { class: 'summary' }, `${page.total} entit${page.total === 1 ? 'y' : 'ies'}`),
    table(['Name', 'Type'], page.items.map(e => h('tr', null,
      h('td', null, h('a', { href: route('actor/' + e.id) }, e.name)),
      h('td', null, typeBadge(e.type)))), { class: 'grid actors' }),
    pager(page, o => route('actors', { ...paramsObject(params), offset: o })));
}
