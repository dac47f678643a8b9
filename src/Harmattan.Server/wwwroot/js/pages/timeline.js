// The timeline: events by earliest day, drawn as an SVG strip (one lane per event type, each event
// spanning what its partial date covers) above the list, a page of events at a time. Filters: actor,
// place, period.
import * as api from '../api.js';
import { h, append, route, entityList, source, dateRange, dateInput, field, paramsObject, pager } from '../dom.js';

const LIMIT = 500;
import { entityInput, formValues } from '../entity-input.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

export async function render(root, { params }) {
  const p = paramsObject(params);
  const offset = Math.max(0, parseInt(p.offset ?? '0', 10) || 0);
  const form = h('form', { class: 'filters' },
    field('Actor', entityInput('actor', p.actor)),
    field('Place', entityInput('place', p.place, { size: 14 })),
    field('Since', dateInput('since', p.since, '2012')),
    field('Until', dateInput('until', p.until, '2013')),
    h('button', { type: 'submit' }, 'Filter'),
    Object.entries(p).some(([k, v]) => k !== 'offset' && v) ? h('a', { href: '#/timeline', class: 'reset' }, 'Reset') : null);
  form.addEventListener('submit', e => { e.preventDefault(); location.hash = route('timeline', formValues(form)); });
  append(root, h('header', { class: 'page-head' }, h('h1', null, 'Timeline'),
    h('p', { class: 'lede' }, 'Dated events, earliest first. A bar spans what a vague date allows (a year, a month).')), form,
    briefingLink(p));

  const page = await api.get('timeline', { actor: p.actor, place: p.place, since: p.since, until: p.until, offset, limit: LIMIT });
  const events = page.items;
  const total = page.totalIsLowerBound ? `${page.total}+` : String(page.total);
  append(root, h('p', { class: 'summary' }, h('strong', { id: 'event-count' }, total), ` event${page.total === 1 ? '' : 's'}`,
    page.more || offset > 0 ? `, ${offset + 1}–${offset + events.length} shown` : ''));
  if (!events.length) {
    append(root, h('p', { class: 'muted' }, 'No event matches.'));
    return;
  }
  const list = h('ol', { class: 'events' });
  const pages = pager(page, o => route('timeline', { ...p, offset: o }));
  append(root, strip(events, list), list, pages);

  let year = null;
  for (const ev of events) {
    const y = (ev.date ?? '').slice(0, 4);
    if (y !== year) { append(list, h('li', { class: 'year', 'aria-hidden': 'true' }, y || 'Undated')); year = y; }
    append(list, h('li', { class: 'event', id: 'event-' + ev.id, dataset: { date: ev.date ?? '' } },
      h('div', { class: 'event-line' },
        h('span', { class: 'event-date' }, ev.date ?? 'undated'), ' ',
        h('span', { class: 'badge ev' }, ev.type),
        ev.places.length ? [' at ', entityList(ev.places)] : null),
      ev.actors.length ? h('div', { class: 'small' }, entityList(ev.actors)) : null,
      source(ev.from, ev.id)));
  }
}

/** A briefing on what the filters select: an actor or a place (not both), else a period. */
function briefingLink(p) {
  if ((p.actor && p.place) || !(p.actor || p.place || p.since || p.until)) return null;
  const label = p.actor ? 'Briefing on this actor' : p.place ? 'Briefing on this place' : 'Briefing on this period';
  return h('p', { class: 'actions' },
    h('a', { href: route('brief', { actor: p.actor, place: p.place, since: p.since, until: p.until }), class: 'brief-link' }, label));
}

/** One lane per event type; x is time. Each mark is a link to its entry in the list below. */
function strip(events, list) {
  const ranges = events.map(ev => ({ ev, r: dateRange(ev.date) })).filter(x => x.r);
  if (!ranges.length) return null;
  let min = Math.min(...ranges.map(x => x.r[0]));
  let max = Math.max(...ranges.map(x => x.r[1]));
  const minYear = new Date(min).getUTCFullYear();
  const maxYear = new Date(max).getUTCFullYear() + 1;
  min = Date.UTC(minYear, 0, 1);
  max = Date.UTC(maxYear, 0, 1);
  const types = [...new Set(ranges.map(x => x.ev.type))].sort();
  const left = 110, right = 16, lane = 22, top = 8, width = 1000;
  const height = top + types.length * lane + 26;
  const x = t => left + ((t - min) / (max - min)) * (width - left - right);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'timeline-strip', role: 'img', 'aria-label': 'Events over time by type' });

  const years = maxYear - minYear;
  const step = years > 60 ? 10 : years > 30 ? 5 : years > 12 ? 2 : 1;
  for (let y = minYear; y <= maxYear; y++) {
    if ((y - minYear) % step !== 0 && y !== maxYear) continue;
    const tx = x(Date.UTC(y, 0, 1));
    append(root, svg('line', { x1: tx, x2: tx, y1: top - 4, y2: height - 20, class: 'tick' }));
    if (y < maxYear) append(root, svg('text', { x: tx + 2, y: height - 6, class: 'tick-label' }, String(y)));
  }
  types.forEach((type, i) => {
    const y = top + i * lane;
    append(root, svg('text', { x: 4, y: y + 15, class: 'lane-label' }, type));
    append(root, svg('line', { x1: left, x2: width - right, y1: y + lane / 2 + 0.5, y2: y + lane / 2 + 0.5, class: 'lane' }));
  });
  for (const { ev, r } of ranges) {
    const y = top + types.indexOf(ev.type) * lane + 4;
    const x0 = x(r[0]);
    const w = Math.max(6, x(r[1]) - x0);
    const mark = svg('a', { href: '#' },
      svg('rect', { x: x0, y, width: w, height: lane - 8, rx: 3, class: 'mark ev-' + ev.type.replace(/[^a-z0-9_-]/gi, '') },
        svg('title', null, `${ev.date} ${ev.type}${ev.places.length ? ' at ' + ev.places.map(pl => pl.name).join(', ') : ''}`)));
    mark.addEventListener('click', e => {
      e.preventDefault();
      const item = list.querySelector('#' + CSS.escape('event-' + ev.id));
      for (const el of list.querySelectorAll('.event.focus')) el.classList.remove('focus');
      item?.classList.add('focus');
      item?.scrollIntoView({ block: 'center' });
    });
    append(root, mark);
  }
  return h('div', { class: 'strip-wrap' }, root);
}
