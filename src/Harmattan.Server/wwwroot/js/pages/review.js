// The review queue: what the machine proposed, least confident first, to confirm, reject or correct
// in place; and the history of review actions, newest first, each of which can be undone.
// #/review?kind=claim&document=ID&offset=0
import * as api from '../api.js';
import { h, replace, append, route, confidence, pager, paramsObject, errorBox, field } from '../dom.js';
import { reviewControls } from '../review-actions.js';
import { analystName, askName } from '../analyst.js';

const LIMIT = 25;
const kinds = ['entity', 'claim', 'relation', 'event', 'attribute'];

export async function render(root, { params }) {
  const p = paramsObject(params);
  const offset = Math.max(0, parseInt(p.offset ?? '0', 10) || 0);
  const documents = await api.all('documents');

  const form = h('form', { class: 'filters' },
    field('Kind', h('select', { name: 'kind' }, h('option', { value: '' }, 'All kinds'),
      kinds.map(k => h('option', { value: k, selected: k === p.kind }, k)))),
    field('Document', h('select', { name: 'document' }, h('option', { value: '' }, 'All documents'),
      documents.map(d => h('option', { value: d.id, selected: d.id === p.document }, d.title || d.id.slice(0, 12))))));
  form.addEventListener('change', () => { location.hash = route('review', Object.fromEntries(new FormData(form))); });

  const who = h('div', { class: 'who' });
  const drawWho = () => replace(who, analystName()
    ? h('p', { class: 'small muted' }, 'Your actions are recorded as ', h('strong', { id: 'review-by' }, analystName()), '.')
    : askName(drawWho));
  drawWho();

  const queue = h('section', { class: 'block', id: 'queue' });
  const history = h('section', { class: 'block', id: 'history' });
  append(root,
    h('header', { class: 'page-head' }, h('h1', null, 'Review'),
      h('p', { class: 'lede' }, 'What the extractors proposed, least confident first. Confirmed facts are never overwritten by re-extraction; rejected ones leave every view.')),
    who, form, h('div', { class: 'review-layout' }, queue, history));

  const refresh = async () => {
    await Promise.all([drawQueue(queue, p, offset, refresh), drawHistory(history, p, refresh)]);
  };
  await refresh();
}

async function drawQueue(el, p, offset, refresh) {
  let page;
  try {
    page = await api.get('review/queue', { kind: p.kind, document: p.document, offset, limit: LIMIT });
  } catch (error) {
    replace(el, h('h2', null, 'Queue'), error.status === 404 && !error.code
      ? h('p', { class: 'muted' }, 'This server has no review API yet.') : errorBox(error));
    return;
  }
  replace(el,
    h('h2', null, 'Queue', h('span', { class: 'count', id: 'queue-total' }, page.totalIsLowerBound ? `${page.total}+` : String(page.total))),
    page.items.length ? h('ol', { class: 'queue' }, page.items.map(item => queueItem(item, refresh)))
      : h('p', { class: 'muted' }, 'Nothing left to review here.'),
    pager(page, o => route('review', { ...p, offset: o })));
}

function queueItem(item, refresh) {
  // A document's fact opens the reader at it; an entity, its profile and the passage that first names it.
  const evidenceDoc = item.documentId ?? item.fields?.evidenceDocumentId;
  const where = [
    item.kind === 'entity' ? h('a', { href: route('actor/' + item.factId), class: 'small' }, 'profile') : null,
    evidenceDoc ? h('a', {
      href: route('doc/' + evidenceDoc, item.documentId ? { fact: item.factId } : item.evidence ? { span: `${item.evidence.start}-${item.evidence.end}` } : {}),
      class: 'doc-link small',
    }, item.documentTitle || evidenceDoc.slice(0, 12)) : null,
  ];
  return h('li', { class: ['queue-item', 'kind-' + item.kind], dataset: { fact: item.factId, kind: item.kind } },
    h('div', { class: 'queue-head' },
      confidence(item.confidence), ' ',
      h('span', { class: 'badge' }, item.kind), ' ',
      h('span', { class: 'summary-text' }, item.summary), ' ', h('span', { class: 'where' }, where)),
    item.evidence?.text ? h('blockquote', { class: 'evidence' }, item.evidence.text) : null,
    reviewControls({
      kind: item.kind, documentId: item.documentId, factId: item.factId, status: item.status,
      fields: item.fields ?? {}, onDone: () => refresh(),
    }));
}

async function drawHistory(el, p, refresh) {
  let page;
  try {
    page = await api.get('reviews', { kind: p.kind, document: p.document, limit: 30 });
  } catch {
    replace(el);
    return;
  }
  // A record names its fact by id: show what the fact says (as the queue does), fetched alongside.
  const summaries = await Promise.all(page.items.map(r => summary(r)));
  replace(el,
    h('h2', null, 'History', h('span', { class: 'count' }, String(page.total ?? page.items.length))),
    page.items.length ? h('ol', { class: 'history' }, page.items.map((r, i) => historyItem(r, summaries[i], refresh)))
      : h('p', { class: 'muted' }, 'No review yet.'));
}

/** What the fact says now (a correction changes it), or null if it cannot be read. */
function summary(r) {
  const parts = ['review/facts', r.kind, r.documentId, r.factId].filter(Boolean).map((p, i) => (i ? encodeURIComponent(p) : p));
  return api.get(parts.join('/')).then(item => item.summary, () => null);
}

function historyItem(r, text, refresh) {
  const message = h('div', { 'aria-live': 'polite' });
  const undo = async () => {
    const by = analystName();
    if (!by) { replace(message, askName(() => { replace(message); undo(); })); return; }
    try {
      await api.post(`reviews/${encodeURIComponent(r.id)}/undo`, { by });
      await refresh();
    } catch (error) {
      replace(message, errorBox(error));
    }
  };
  const target = r.documentId
    ? h('a', { href: route('doc/' + r.documentId, { fact: r.factId }), class: 'mono small' }, r.factId)
    : h('a', { href: route('actor/' + r.factId), class: 'mono small' }, r.factId);
  return h('li', { class: ['history-item', r.undoneAt ? 'undone' : null], dataset: { review: r.id, fact: r.factId } },
    h('div', null,
      h('span', { class: ['badge', 'act-' + r.action] }, r.action), ' ', h('span', { class: 'badge' }, r.kind), ' ', target),
    text ? h('div', { class: 'history-summary' }, text) : null,
    h('div', { class: 'small' },
      `${r.statusBefore} → ${r.statusAfter} · by `, h('strong', null, r.by), ' · ', (r.at ?? '').replace('T', ' ').slice(0, 19)),
    r.changes?.length ? h('ul', { class: 'changes small' }, r.changes.map(c => h('li', null,
      h('span', { class: 'attr-name' }, c.field), ': ', h('del', null, c.before ?? '∅'), ' → ', h('ins', null, c.after ?? '∅')))) : null,
    r.undoneAt
      ? h('div', { class: 'small muted' }, `undone by ${r.undoneBy} · ${(r.undoneAt ?? '').replace('T', ' ').slice(0, 19)}`)
      : h('button', { type: 'button', class: 'rv undo', on: { click: undo } }, '↶ Undo'),
    message);
}
