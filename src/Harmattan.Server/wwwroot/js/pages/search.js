// Search across documents and claims. The API marks matches as [[...]] in each snippet; they become
// <mark> elements around text nodes, so the report's own text is never parsed as markup.
import * as api from '../api.js';
import { h, append, route, pager } from '../dom.js';

const LIMIT = 20;

export async function render(root, { params }) {
  const q = params.get('q') ?? '';
  const offset = Math.max(0, parseInt(params.get('offset') ?? '0', 10) || 0);
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: 'Ansar Dine Kidal', 'aria-label': 'Search', autofocus: true });
  const form = h('form', { class: 'filters search-form' }, input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    location.hash = route('search', { q: input.value.trim() });
  });
  append(root, h('header', { class: 'page-head' }, h('h1', null, 'Search'),
    h('p', { class: 'lede' }, 'Every word must match, in a document or a claim. Best matches first.')), form);
  if (!q.trim()) return;

  const page = await api.get('search', { q, offset, limit: LIMIT });
  append(root,
    page.ranked === false
      ? h('p', { class: 'notice', id: 'search-unranked', role: 'status' },
        'More than 1,000 documents or claims hold these words: newest first, not ranked. Add words to rank the matches.')
      : null,
    h('ol', { class: 'hits', start: offset + 1 }, page.items.map(hit => h('li', { class: ['hit', 'kind-' + hit.kind.toLowerCase()] },
      h('div', null,
        h('span', { class: 'badge' }, hit.kind),
        ' ',
        h('a', {
          href: route('doc/' + hit.documentId, hit.claimId ? { fact: hit.claimId } : { quote: passage(hit.snippet) }),
          class: 'doc-link',
        }, hit.title || hit.documentId.slice(0, 12))),
      h('p', { class: 'snippet' }, highlight(hit.snippet))))),
    page.items.length ? null : h('p', { class: 'muted' }, `Nothing matches “${q}”.`),
    pager(page, o => route('search', { q, offset: o })));
}

/** The snippet as the report's own words, for the reader to find and mark. */
function passage(snippet) {
  return snippet.replace(/\[\[|\]\]/g, '').replace(/^…|…$/g, '').trim();
}

/** "a [[Kidal]] b" -> text, <mark>Kidal</mark>, text. */
export function highlight(snippet) {
  const out = [];
  const re = /\[\[(.*?)\]\]/gs;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) out.push(snippet.slice(last, m.index));
    out.push(h('mark', null, m[1]));
    last = m.index + m[0].length;
  }
  if (last < snippet.length) out.push(snippet.slice(last));
  return out;
}
