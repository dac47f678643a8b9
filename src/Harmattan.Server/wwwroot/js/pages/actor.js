// An actor's profile: who it is, what is said of it and by it, whom it works with or fights, what it
// did when and where, and the reports that name it. Every fact links to its passage in the report.
import * as api from '../api.js';
import { h, append, route, entityLink, entityList, typeBadge, source, confidence, relationLabel, section, table } from '../dom.js';
import { reviewControls, statusBadge } from '../review-actions.js';

export async function render(root, { args }) {
  const p = await api.get('entities/' + encodeURIComponent(args[0] ?? ''));
  const e = p.entity;
  document.title = e.name + ' · Harmattan';
  // The entity itself is a fact to review (its name and type); a server without the review API shows none.
  const review = await api.get(`review/facts/entity/${encodeURIComponent(e.id)}`).catch(() => null);

  const relationRow = r => {
    const outgoing = r.source.id === e.id;
    return h('tr', null,
      h('td', { class: 'rel' }, outgoing
        ? [h('strong', null, e.name), ' ', h('span', { class: 'rel-type' }, relationLabel(r.type)), ' ', entityLink(r.target)]
        : [entityLink(r.source), ' ', h('span', { class: 'rel-type' }, relationLabel(r.type)), ' ', h('strong', null, e.name)],
        r.role ? h('span', { class: 'muted' }, ' (' + r.role + ')') : null),
      h('td', null, confidence(r.confidence)),
      h('td', null, source(r.from, r.id)));
  };

  append(root,
    h('header', { class: 'page-head profile-head' },
      h('p', { class: 'crumbs' }, h('a', { href: '#/actors' }, 'Actors'), ' / '),
      h('h1', { id: 'actor-name' }, e.name, ' ', typeBadge(e.type)),
      review ? entityReview(e, review.status) : null,
      h('dl', { class: 'facts-dl' },
        h('dt', null, 'Also called'),
        h('dd', { class: 'aliases' }, p.aliases.length ? p.aliases.map(a => h('span', { class: 'alias' }, a)) : h('span', { class: 'muted' }, '—')),
        h('dt', null, 'Seen'),
        h('dd', null, p.firstSeen ? `${p.firstSeen} – ${p.lastSeen ?? p.firstSeen}` : h('span', { class: 'muted' }, 'no dated report')),
        h('dt', null, 'Named in'),
        h('dd', null, `${p.namedIn.length} document${p.namedIn.length === 1 ? '' : 's'}`),
        p.registryId ? [h('dt', null, 'Registry'), h('dd', { class: 'mono' }, p.registryId)] : null,
        h('dt', null, 'Id'), h('dd', { class: 'mono small' }, e.id)),
      h('nav', { class: 'actions' },
        h('a', { href: route('network', { around: e.id, depth: 1 }) }, 'Network around'),
        h('a', { href: route('timeline', { actor: e.id }) }, 'Timeline'),
        h('a', { href: route('claims', { speaker: e.id }) }, 'Claims by'),
        h('a', { href: route('claims', { about: e.id }) }, 'Claims about'),
        e.type === 'Place' || e.type === 'Country' ? h('a', { href: route('map', { place: e.id }) }, 'On the map') : null)),

    section('Attributes', p.attributes, items => table(['Attribute', 'Value', 'As of', 'According to', 'Source'], items.map(a => h('tr', null,
      h('td', { class: 'attr-name' }, a.name),
      h('td', null, h('strong', null, a.value)),
      h('td', { class: 'nowrap' }, a.asOf ?? ''),
      h('td', null, a.speaker ? entityLink(a.speaker) : h('span', { class: 'muted' }, 'the report')),
      h('td', null, source(a.from, a.id))))), { id: 'attributes' }),

    section('Relations', p.relations, items => table(['Relation', 'Confidence', 'Source'], items.map(relationRow)), { id: 'relations' }),

    section('Events', p.events, items => table(['Date', 'Event', 'Where', 'Who', 'Source'], items.map(ev => h('tr', null,
      h('td', { class: 'nowrap event-date' }, ev.date ?? 'undated'),
      h('td', null, h('span', { class: 'badge ev' }, ev.type)),
      h('td', null, entityList(ev.places)),
      h('td', null, entityList(ev.actors.filter(a => a.id !== e.id))),
      h('td', null, source(ev.from, ev.id))))), { id: 'events' }),

    section('Claims by ' + e.name, p.claimsBy, items => claimTable(items, 'about'), { id: 'claims-by' }),
    section('Claims about ' + e.name, p.claimsAbout, items => claimTable(items, 'speaker'), { id: 'claims-about' }),

    section('Documents naming it', p.namedIn, items => table(['Document', 'Date', 'Mentions'], items.map(d => h('tr', null,
      h('td', null, h('a', { href: route('doc/' + d.documentId), class: 'doc-link' }, d.title || d.documentId.slice(0, 12))),
      h('td', { class: 'nowrap' }, d.date ?? ''),
      h('td', { class: 'num' }, d.mentions)))), { id: 'documents' }));
}

function entityReview(e, status) {
  const box = h('div', { class: 'entity-review' }, statusBadge(status), ' ');
  append(box, reviewControls({
    kind: 'entity', documentId: null, factId: e.id, status, fields: { name: e.name, type: e.type },
    onDone: record => {
      // A corrected name or type is shown by reading the profile again; a rejected entity leaves the queries.
      if (record.action === 'correct') window.dispatchEvent(new HashChangeEvent('hashchange'));
      else box.querySelector('.status').replaceWith(statusBadge(record.statusAfter));
    },
  }));
  return box;
}

function claimTable(items, other) {
  return table([other === 'about' ? 'About' : 'Speaker', 'Claim', 'Source'], items.map(c => h('tr', { id: 'claim-' + c.id },
    h('td', null, other === 'about' ? entityList(c.about) : entityLink(c.speaker)),
    h('td', { class: 'claim' }, h('em', null, c.cue), ' ', h('q', null, c.text)),
    h('td', null, source(c.from, c.id, { quote: false })))));
}
