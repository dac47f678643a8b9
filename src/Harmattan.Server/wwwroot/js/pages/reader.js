// The document reader: the report's text with its entity mentions, claims, dates and quantities marked
// (each mention linked to its actor, each claim to the claims view), and a panel of the document's facts,
// each able to show its evidence in the text. #/doc/ID?fact=FACT (or ?quote=TEXT, ?span=START-END)
// opens the document at that passage. An admin can delete the document from here, after a confirm step.
import * as api from '../api.js';
import { h, replace, append, route, entityLink, entityList, externalLink, confidence, relationLabel, typeLabels, errorBox } from '../dom.js';
import { reviewControls, statusBadge } from '../review-actions.js';

export async function render(root, { args, params }) {
  const doc = await api.get('documents/' + encodeURIComponent(args[0] ?? ''));
  const x = doc.extraction;
  const entities = new Map(x.entities.map(e => [e.id, { id: e.id, name: e.name, type: e.type }]));
  const ref = id => entities.get(id) ?? (id ? { id, name: id, type: 'unknown' } : null);
  const reviewable = Array.isArray(doc.reviews);
  const statuses = new Map((doc.reviews ?? []).map(r => [r.kind + ':' + r.factId, r.status]));
  const statusOf = (kind, id) => statuses.get(kind + ':' + id) ?? 'proposed';

  // Every fact that has evidence in this text, by id.
  const facts = new Map();
  const addFacts = (kind, items, span = f => f.evidence.span) => items.forEach(f => facts.set(f.id, { kind, fact: f, span: span(f) }));
  addFacts('claim', x.claims);
  addFacts('relation', x.relations);
  addFacts('event', x.events);
  addFacts('attribute', x.attributes);
  addFacts('quantity', x.quantities);

  const spans = [
    ...x.mentions.map(m => ({ kind: 'mention', start: m.span.start, end: m.span.end, entity: ref(m.entityId) })),
    ...x.claims.map(c => ({ kind: 'claim', ...(c.contentSpan ?? c.evidence.span), claim: c })),
    ...(doc.dates ?? []).map(d => ({ kind: 'date', start: d.start, end: d.end, iso: d.iso })),
    ...x.quantities.map(q => ({ kind: 'qty', start: q.evidence.span.start, end: q.evidence.span.end, quantity: q })),
  ].filter(s => s.end > s.start && s.start >= 0 && s.end <= doc.text.length);

  let focus = initialFocus(doc.text, params, facts);
  const textEl = h('article', { class: 'doc-text', id: 'doc-text', lang: 'en' });
  const panel = h('aside', { class: 'fact-panel', 'aria-label': 'Facts of this document' });

  const draw = () => {
    replace(textEl, ...annotate(doc.text, spans, focus, ref));
  };
  const showFact = (id, { scroll = true, updateUrl = true } = {}) => {
    const entry = facts.get(id);
    if (!entry) return;
    focus = { start: entry.span.start, end: entry.span.end, id };
    draw();
    for (const li of panel.querySelectorAll('.fact.active')) li.classList.remove('active');
    const item = panel.querySelector(`[data-fact="${CSS.escape(id)}"]`);
    if (item) {
      item.classList.add('active');
      // The panel scrolls on its own (the page scrolls to the text): bring the fact into its view.
      if (scroll) panel.scrollTop = Math.max(0, item.offsetTop - 70);
    }
    if (updateUrl) history.replaceState(null, '', route('doc/' + doc.id, { fact: id }));
    if (scroll) textEl.querySelector('.focus')?.scrollIntoView({ block: 'center' });
  };

  const factItem = (kind, f, summary, fields) => {
    const li = h('li', { class: ['fact', 'st-' + statusOf(kind, f.id)], dataset: { fact: f.id, kind } },
      h('div', { class: 'fact-summary' }, summary),
      h('div', { class: 'fact-meta' },
        confidence(f.evidence?.confidence),
        reviewable && statusOf(kind, f.id) !== 'proposed' ? statusBadge(statusOf(kind, f.id)) : h('span', { class: 'status' }),
        h('button', { type: 'button', class: 'linklike show-in-text', on: { click: () => showFact(f.id) } }, 'show in text'),
        reviewable ? reviewControls({
          kind, documentId: doc.id, factId: f.id, status: statusOf(kind, f.id), fields,
          onDone: record => {
            // A correction changes what the fact says: read the document again.
            if (record.action === 'correct') { window.dispatchEvent(new HashChangeEvent('hashchange')); return; }
            statuses.set(kind + ':' + f.id, record.statusAfter);
            li.className = ['fact', 'st-' + record.statusAfter, li.classList.contains('active') ? 'active' : ''].join(' ').trim();
            li.querySelector('.status')?.replaceWith(statusBadge(record.statusAfter));
          },
        }) : null));
    return li;
  };

  const jump = h('nav', { class: 'panel-nav', 'aria-label': 'Facts of this document' });
  append(panel,
    jump,
    factSection('Claims', x.claims, c => factItem('claim', c, [
      entityLink(ref(c.speakerId)), ' ', h('em', null, c.cue), ': ', h('q', null, c.text),
      c.aboutIds?.length ? h('div', { class: 'small' }, 'about ', entityList(c.aboutIds.map(ref))) : null,
    ], { speaker: ref(c.speakerId)?.name })),
    factSection('Relations', x.relations, r => factItem('relation', r, [
      entityLink(ref(r.sourceId)), ' ', h('span', { class: 'rel-type' }, relationLabel(r.type)), ' ', entityLink(ref(r.targetId)),
      r.role ? h('span', { class: 'muted' }, ' (' + r.role + ')') : null,
    ], { type: r.type, role: r.role ?? '' })),
    factSection('Events', x.events, e => factItem('event', e, [
      h('span', { class: 'event-date' }, e.date ?? 'undated'), ' ', h('span', { class: 'badge ev' }, e.type),
      e.placeIds?.length ? [' at ', entityList(e.placeIds.map(ref))] : null,
      e.actorIds?.length ? h('div', { class: 'small' }, entityList(e.actorIds.map(ref))) : null,
    ], { type: e.type, date: e.date ?? '' })),
    factSection('Attributes', x.attributes, a => factItem('attribute', a, [
      entityLink(ref(a.entityId)), ' ', h('span', { class: 'attr-name' }, a.name), ': ', h('strong', null, a.value),
      a.asOf ? h('span', { class: 'muted' }, ' as of ' + a.asOf) : null,
      a.speakerId ? h('span', { class: 'small' }, ' according to ', entityLink(ref(a.speakerId))) : null,
    ], { value: a.value })),
    entitySection(x, ref, reviewable, statusOf),
  );
  for (const sec of panel.querySelectorAll('section.facts')) {
    append(jump, h('button', {
      type: 'button', class: 'linklike', on: { click: () => sec.scrollIntoView({ block: 'start' }) },
    }, sec.querySelector('h2').firstChild.textContent, ' ', h('span', { class: 'count' }, sec.querySelector('h2 .count').textContent)));
  }

  append(root,
    h('header', { class: 'page-head doc-head' },
      h('p', { class: 'crumbs' }, h('a', { href: '#/documents' }, 'Documents'), ' / '),
      h('h1', { id: 'doc-title' }, doc.title || '(untitled)'),
      h('p', { class: 'meta' },
        doc.published ? h('span', null, 'Published ' + doc.published) : h('span', { class: 'muted' }, 'No publication date'),
        ' · ', h('span', { class: 'badge' }, doc.format),
        ' · ', `${doc.wordCount.toLocaleString('en')} words`,
        doc.url ? [' · ', externalLink(doc.url, 'original')] : null,
        ' · ', h('span', { class: 'mono small', title: 'document id (SHA-256 of the normalised text)' }, doc.id.slice(0, 12))),
      deleteControl(root, doc, facts.size),
      legend(textEl)),
    h('div', { class: 'reader' }, textEl, panel));

  draw();
  if (focus?.id) showFact(focus.id, { updateUrl: false });
  else if (focus) textEl.querySelector('.focus')?.scrollIntoView({ block: 'center' });
}

/**
 * Deleting the document (DELETE /api/documents/ID, admins only: app.css hides it from everyone else). Nothing
 * brings a document back, so the first click only says what would go, and the second deletes; the page then
 * says what went, what an analyst's decision kept, and which merges or splits can no longer be undone.
 */
function deleteControl(root, doc, factCount) {
  const box = h('div', { class: 'doc-delete admin-only' });
  const message = h('div', { class: 'delete-message', 'aria-live': 'polite' });
  function start() {
    replace(box, h('button', { type: 'button', class: 'danger delete-doc', on: { click: ask } }, 'Delete document…'), message);
  }
  function ask() {
    replace(box, h('div', { class: 'confirm-delete card', role: 'group', 'aria-label': 'Confirm the deletion' },
      h('p', null, 'Delete ', h('strong', null, doc.title || '(untitled)'), ` with its ${factCount} facts and the reviews of them? `,
        'Entities no other document names go too, unless an analyst reviewed, merged or split them. This cannot be undone; ',
        'the same text can be ingested again, with every fact proposed.'),
      h('button', { type: 'button', class: 'danger confirm-delete-doc', on: { click: remove } }, 'Delete for good'),
      ' ', h('button', { type: 'button', class: 'linklike', on: { click: start } }, 'cancel')), message);
  }
  async function remove() {
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    try {
      const gone = await api.del('documents/' + encodeURIComponent(doc.id));
      replace(root, deletedSummary(gone));
    } catch (error) {
      replace(message, errorBox(error));
      for (const b of box.querySelectorAll('button')) b.disabled = false;
    }
  }
  start();
  return box;
}

function deletedSummary(d) {
  const names = list => list.map(e => e.name).join(', ');
  return h('section', { class: 'deleted card', id: 'deleted' },
    h('h1', null, 'Deleted: ', d.title || '(untitled)'),
    h('p', null, `${d.facts} facts, ${d.mentions} mentions and ${d.reviews} reviews went, recorded as ${d.by} in the audit log.`),
    d.removedEntities.length ? h('p', null, 'Entities no other document named, removed: ', names(d.removedEntities), '.') : null,
    d.keptEntities.length ? h('p', null, 'Kept, as an analyst reviewed, merged or split them: ', names(d.keptEntities), '.') : null,
    d.strandedChanges.length ? h('p', null, 'These merges or splits stay but can no longer be undone: ', d.strandedChanges.join(', '), '.') : null,
    h('p', null, h('a', { href: route('documents') }, 'Back to the documents')));
}

function factSection(title, items, item) {
  return h('section', { class: 'facts', dataset: { section: title.toLowerCase() } },
    h('h2', null, title, h('span', { class: 'count' }, String(items.length))),
    items.length ? h('ol', { class: 'fact-list' }, [...items].sort((a, b) => a.evidence.span.start - b.evidence.span.start).map(item))
      : h('p', { class: 'muted small' }, 'None found.'));
}

function entitySection(x, ref, reviewable, statusOf) {
  const counts = new Map();
  for (const m of x.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  const list = [...x.entities].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.name.localeCompare(b.name));
  return h('section', { class: 'facts', dataset: { section: 'entities' } },
    h('h2', null, 'Entities', h('span', { class: 'count' }, String(list.length))),
    h('ul', { class: 'entity-list' }, list.map(e => h('li', { dataset: { entity: e.id } },
      entityLink(ref(e.id)), ' ', h('span', { class: 'muted small' }, `${typeLabels[e.type] ?? e.type} · ${counts.get(e.id) ?? 0}×`),
      reviewable && statusOf('entity', e.id) !== 'proposed' ? statusBadge(statusOf('entity', e.id)) : null))));
}

function legend(textEl) {
  const toggle = (label, cls, title) => {
    const box = h('input', { type: 'checkbox', checked: true });
    box.addEventListener('change', () => textEl.classList.toggle('hide-' + cls, !box.checked));
    return h('label', { class: ['toggle', 'key-' + cls], title }, box, ' ', label);
  };
  return h('div', { class: 'legend' },
    toggle('Entities', 'mentions', 'Names of actors and places, linked to their profiles'),
    toggle('Claims', 'claims', 'What someone is reported to have said, linked to the claims view'),
    toggle('Dates', 'dates', 'Dates the text states'),
    toggle('Quantities', 'qty', 'Numbers with their units'));
}

function initialFocus(text, params, facts) {
  const fact = params.get('fact');
  if (fact && facts.has(fact)) {
    const s = facts.get(fact).span;
    return { start: s.start, end: s.end, id: fact };
  }
  const span = /^(\d+)-(\d+)$/.exec(params.get('span') ?? '');
  if (span && +span[2] > +span[1]) return { start: +span[1], end: Math.min(+span[2], text.length) };
  const quote = params.get('quote');
  if (quote) {
    // The evidence as the API quotes it; spacing may differ from the text's line breaks.
    const pattern = quote.trim().split(/\s+/).map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    const m = pattern ? new RegExp(pattern).exec(text) : null;
    if (m) return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** The text cut at every span boundary; each piece is plain text or an element marking what covers it. */
function annotate(text, spans, focus, ref) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (focus) { cuts.add(focus.start); cuts.add(focus.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  let focusMarked = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    const innermost = kind => covering.filter(s => s.kind === kind).sort((p, q) => (p.end - p.start) - (q.end - q.start))[0];
    const mention = innermost('mention'), claim = innermost('claim'), date = innermost('date'), qty = innermost('qty');
    const inFocus = focus && focus.start <= a && focus.end >= b;
    const piece = text.slice(a, b);
    const classes = ['hl', claim && 'in-claim', date && 'date', qty && 'qty', inFocus && 'focus'].filter(Boolean);
    let node;
    if (mention) {
      node = h('a', {
        href: route('actor/' + mention.entity.id), class: [...classes, 'mention', 't-' + mention.entity.type],
        title: `${mention.entity.name} (${typeLabels[mention.entity.type] ?? mention.entity.type})`,
        dataset: { entity: mention.entity.id },
      }, piece);
    } else if (claim) {
      const c = claim.claim;
      const speaker = ref(c.speakerId);
      node = h('a', {
        href: route('claims', { speaker: c.speakerId, focus: c.id }), class: [...classes, 'claim-link'],
        title: `Claim by ${speaker?.name ?? 'unknown'} (${c.cue}): open in the claims view`,
        dataset: { claim: c.id },
      }, piece);
    } else if (classes.length > 1) {
      node = h('span', { class: classes, title: date ? date.iso : qty ? 'quantity' : null }, piece);
    } else {
      node = document.createTextNode(piece);
    }
    if (inFocus && !focusMarked && node instanceof Element) { node.id = 'focus'; focusMarked = true; }
    nodes.push(node);
  }
  return nodes;
}

