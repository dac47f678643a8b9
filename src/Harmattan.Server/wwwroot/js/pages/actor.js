// An actor's profile: who it is, what is said of it and by it, whom it works with or fights, what it
// did when and where, and the reports that name it. Every fact links to its passage in the report.
// Each section shows its newest items and how many there are; "More" reads the next page of that section.
import * as api from '../api.js';
import { h, append, route, entityLink, entityList, typeBadge, source, confidence, relationLabel, errorBox } from '../dom.js';
import { reviewControls, statusBadge } from '../review-actions.js';

const FIRST = 10;
const MORE = 25;

// #/actor/NAME, or #/actor/NAME?limit=N for N items of each section at first.
export async function render(root, { args, params }) {
  const first = Math.min(500, Math.max(1, parseInt(params.get('limit') ?? '', 10) || FIRST));
  const p = await api.get('entities/' + encodeURIComponent(args[0] ?? ''), { limit: first });
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
        h('dd', { id: 'named-in' }, `${totalText(p.namedIn)} document${p.namedIn.total === 1 ? '' : 's'}`),
        p.registryId ? [h('dt', null, 'Registry'), h('dd', { class: 'mono' }, p.registryId)] : null,
        h('dt', null, 'Id'), h('dd', { class: 'mono small' }, e.id)),
      h('nav', { class: 'actions' },
        h('a', { href: route('network', { around: e.id, depth: 1 }) }, 'Network around'),
        h('a', { href: route('timeline', { actor: e.id }) }, 'Timeline'),
        h('a', { href: route('claims', { speaker: e.id }) }, 'Claims by'),
        h('a', { href: route('claims', { about: e.id }) }, 'Claims about'),
        h('a', { href: route('disputes', { actor: e.id }) }, 'Disagreements'),
        h('a', { href: route('brief', e.type === 'Place' ? { place: e.id } : { actor: e.id }), class: 'brief-link' }, 'Briefing'),
        e.type === 'Country' ? h('a', { href: route('brief', { place: e.id }) }, 'Briefing on events there') : null,
        e.type === 'Place' || e.type === 'Country' ? h('a', { href: route('map', { place: e.id }) }, 'On the map') : null)),

    pagedSection('Attributes', p.attributes, e, 'attributes', ['Attribute', 'Value', 'As of', 'According to', 'Source'], a => h('tr', null,
      h('td', { class: 'attr-name' }, a.name),
      h('td', null, h('strong', null, a.value)),
      h('td', { class: 'nowrap' }, a.asOf ?? ''),
      h('td', null, a.speaker ? entityLink(a.speaker) : h('span', { class: 'muted' }, 'the report')),
      h('td', null, source(a.from, a.id)))),

    pagedSection('Relations', p.relations, e, 'relations', ['Relation', 'Confidence', 'Source'], relationRow),

    pagedSection('Events', p.events, e, 'events', ['Date', 'Event', 'Where', 'Who', 'Source'], ev => h('tr', null,
      h('td', { class: 'nowrap event-date' }, ev.date ?? 'undated'),
      h('td', null, h('span', { class: 'badge ev' }, ev.type)),
      h('td', null, entityList(ev.places)),
      h('td', null, entityList(ev.actors.filter(a => a.id !== e.id))),
      h('td', null, source(ev.from, ev.id)))),

    pagedSection('Claims by ' + e.name, p.claimsBy, e, 'claims-by', ['About', 'Claim', 'Source'], c => claimRow(c, 'about')),
    pagedSection('Claims about ' + e.name, p.claimsAbout, e, 'claims-about', ['Speaker', 'Claim', 'Source'], c => claimRow(c, 'speaker')),

    pagedSection('Documents naming it', p.namedIn, e, 'documents', ['Document', 'Date', 'Mentions'], d => h('tr', null,
      h('td', null, h('a', { href: route('doc/' + d.documentId), class: 'doc-link' }, d.title || d.documentId.slice(0, 12))),
      h('td', { class: 'nowrap' }, d.date ?? ''),
      h('td', { class: 'num' }, d.mentions))));
}

/** "12", or "10000+" when the server stopped counting. */
function totalText(page) {
  return page.totalIsLowerBound ? `${page.total}+` : String(page.total);
}

/**
 * A profile section: its newest items in a table, a count of all of them, and a "More" button that reads the
 * next page of this section only (GET /api/entities/{id}/{name}) and adds its rows.
 */
function pagedSection(title, page, entity, name, headers, row) {
  const count = h('span', { class: 'count' }, totalText(page));
  if (!page.items.length) {
    return h('section', { class: 'block', id: name }, h('h2', null, title, count), h('p', { class: 'muted' }, 'None recorded.'));
  }
  const body = h('tbody', null, page.items.map(row));
  const shown = h('span', { class: 'shown muted small' });
  const more = h('button', { type: 'button', class: 'more linklike' }, 'More');
  const status = h('p', { class: 'section-more' }, shown, ' ', more);
  let offset = page.items.length;
  const update = latest => {
    shown.textContent = `${offset} of ${totalText(latest)} shown`;
    more.hidden = !latest.more;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await api.get(`entities/${encodeURIComponent(entity.id)}/${name}`, { offset, limit: MORE });
      append(body, next.items.map(row));
      offset += next.items.length;
      count.textContent = totalText(next);
      update(next);
    } catch (error) {
      status.replaceWith(errorBox(error));
    } finally {
      more.disabled = false;
    }
  });
  update(page);
  return h('section', { class: 'block', id: name },
    h('h2', null, title, count),
    h('table', { class: 'grid' }, h('thead', null, h('tr', null, headers.map(x => h('th', null, x)))), body),
    status);
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

function claimRow(c, other) {
  return h('tr', { id: 'claim-' + c.id },
    h('td', null, other === 'about' ? entityList(c.about) : entityLink(c.speaker)),
    h('td', { class: 'claim' }, h('em', null, c.cue), ' ', h('q', null, c.text)),
    h('td', null, source(c.from, c.id, { quote: false })));
}
