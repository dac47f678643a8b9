// Claims: who said what, filtered by speaker, subject and period. #/claims?speaker=X&focus=CLAIM opens
// a speaker's claims with one of them marked (the reader links each claim here).
import * as api from '../api.js';
import { h, append, route, entityLink, entityList, source, pager, paramsObject, dateInput, field } from '../dom.js';
import { entityInput, formValues } from '../entity-input.js';

const LIMIT = 100;

export async function render(root, { params }) {
  const p = paramsObject(params);
  const offset = Math.max(0, parseInt(p.offset ?? '0', 10) || 0);
  const focus = p.focus;
  const form = h('form', { class: 'filters' },
    field('Speaker', entityInput('speaker', p.speaker)),
    field('About', entityInput('about', p.about)),
    field('Since', dateInput('since', p.since, '2012')),
    field('Until', dateInput('until', p.until, '2013-06')),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    location.hash = route('claims', formValues(form));
  });
  append(root, h('header', { class: 'page-head' }, h('h1', null, 'Claims'),
    h('p', { class: 'lede' }, 'Statements attributed to a speaker, with the reporting verb and what they are about, newest document first.')), form);

  // A focused claim is found among its speaker's claims: ask for enough of them (the newest 500) to hold it.
  const page = await api.get('claims', {
    speaker: p.speaker, about: p.about, since: p.since, until: p.until,
    offset, limit: focus ? 500 : LIMIT,
  });
  const list = h('ol', { class: 'claim-list' }, page.items.map(c => h('li', {
    id: 'claim-' + c.id, class: ['claim-item', c.id === focus && 'focus'], dataset: { claim: c.id },
  },
  h('div', { class: 'claim-line' }, entityLink(c.speaker), ' ', h('em', null, c.cue), ': ', h('q', null, c.text)),
  c.about?.length ? h('div', { class: 'small' }, 'about ', entityList(c.about)) : null,
  source(c.from, c.id, { quote: false }))));
  append(root,
    // Counting stops at 10,000: past it the total is a lower bound.
    h('p', { class: 'summary' }, `${page.total}${page.totalIsLowerBound ? '+' : ''} claim${page.total === 1 ? '' : 's'}`),
    page.items.length ? list : h('p', { class: 'muted' }, 'No claims match.'),
    pager(page, o => route('claims', { ...p, focus: null, offset: o })));
  if (focus) list.querySelector('.focus')?.scrollIntoView({ block: 'center' });
}
