// Disagreements: where sources conflict (alliance against enmity, figures, dates, assessments), with
// both sides and the source of every statement; about one actor, from its newest statements; otherwise among
// the statements of the newest documents stored.
import * as api from '../api.js';
import { h, append, route, entityLink, source, pager, paramsObject, field } from '../dom.js';
import { entityInput, formValues } from '../entity-input.js';

const LIMIT = 50;

export async function render(root, { params }) {
  const p = paramsObject(params);
  const offset = Math.max(0, parseInt(p.offset ?? '0', 10) || 0);
  const form = h('form', { class: 'filters' },
    field('About', entityInput('actor', p.actor)),
    field('Newest documents', h('input', { name: 'documents', type: 'number', min: 1, max: 10000, value: p.documents ?? '', placeholder: '1000', size: 6, title: 'Without an actor, compare the statements of this many of the newest documents' })),
    field('Window (days)', h('input', { name: 'window', type: 'number', min: 0, value: p.window ?? '', placeholder: '365', size: 6 })),
    field('Figure tolerance', h('input', { name: 'tolerance', type: 'number', min: 0, step: 0.05, value: p.tolerance ?? '', placeholder: '0.5', size: 6 })),
    h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    location.hash = route('disputes', formValues(form));
  });
  append(root, h('header', { class: 'page-head' }, h('h1', null, 'Disagreements'),
    h('p', { class: 'lede' }, 'Statements from different sources, dated at most the window apart, that cannot both be right.')), form);

  const page = await api.get('disputes', { actor: p.actor, documents: p.actor ? undefined : p.documents, window: p.window, tolerance: p.tolerance, offset, limit: LIMIT });
  append(root,
    h('p', { class: 'summary' }, `${page.total} disagreement${page.total === 1 ? '' : 's'}`),
    page.truncated
      ? h('p', { class: 'notice', id: 'disputes-truncated', role: 'status' },
        p.actor
          ? 'Compared from the newest statements of each kind about this actor; older ones were not read.'
          : `Compared among the statements of the newest ${Number(p.documents || 1000).toLocaleString('en')} documents stored; older documents were not read.`)
      : null,
    page.items.length
      ? h('ol', { class: 'disputes' }, page.items.map(dispute))
      : h('p', { class: 'muted' }, 'The sources agree, as far as Harmattan can tell.'),
    pager(page, o => route('disputes', { ...p, offset: o })));
}

function dispute(d) {
  const side = (label, statements) => h('div', { class: 'side' },
    h('h3', null, label),
    h('ul', null, statements.map(s => h('li', { class: 'statement' },
      h('div', null, s.speaker ? [entityLink(s.speaker), ': '] : h('span', { class: 'muted' }, 'The report: '), h('q', null, s.text)),
      source(s.source, null)))));
  return h('li', { class: ['dispute', 'kind-' + d.kind.toLowerCase()] },
    h('header', null,
      h('span', { class: 'badge' }, d.kind), ' ',
      h('strong', { class: 'topic' }, d.topic), ' · ',
      entityLink(d.subject), d.other ? [' and ', entityLink(d.other)] : null),
    h('p', { class: 'reason' }, d.reason),
    h('div', { class: 'sides' }, side('One side', d.sideA), side('The other', d.sideB)));
}
