// The map: an offline basemap (Natural Earth countries from world-atlas, drawn as GeoJSON; no tile
// server), a marker for every place with coordinates, sized by its events, and a popup listing the
// events and documents there. #/map?place=ID opens one place; since/until restrict the events.
import * as api from '../api.js';
import { h, append, route, entityLink, entityList, typeLabels, table, loadScript, loadStyle, dateInput, field, paramsObject } from '../dom.js';
import { typeColor } from '../palette.js';

export async function render(root, { params }) {
  const p = paramsObject(params);
  await Promise.all([
    loadStyle('vendor/leaflet/leaflet.css'),
    loadScript('vendor/leaflet/leaflet.js'),
    loadScript('vendor/topojson-client.min.js'),
  ]);
  const [world, places, events, documents] = await Promise.all([
    fetch('vendor/countries-50m.json').then(r => r.json()),
    api.all('places'),
    api.all('timeline', { since: p.since, until: p.until }),
    api.all('documents'),
  ]);
  const titles = new Map(documents.map(d => [d.id, d]));
  const eventsAt = new Map();
  for (const ev of events) {
    for (const place of ev.places) {
      if (!eventsAt.has(place.id)) eventsAt.set(place.id, []);
      eventsAt.get(place.id).push(ev);
    }
  }
  const located = places.filter(pl => typeof pl.lat === 'number' && typeof pl.lon === 'number');
  const period = p.since || p.until;

  const form = h('form', { class: 'filters' },
    field('Events since', dateInput('since', p.since, '2012')),
    field('until', dateInput('until', p.until, '2013')),
    h('button', { type: 'submit' }, 'Apply'),
    period ? h('a', { href: '#/map', class: 'reset' }, 'All dates') : null);
  form.addEventListener('submit', e => { e.preventDefault(); location.hash = route('map', Object.fromEntries(new FormData(form))); });

  const container = h('div', { id: 'map', class: 'map' });
  append(root,
    h('header', { class: 'page-head' }, h('h1', null, 'Map'),
      h('p', { class: 'lede' }, 'Places the reports name, with the events that happened there. Bigger markers, more events.')),
    form,
    h('p', { class: 'summary', id: 'map-stats' },
      h('strong', { id: 'marker-count' }, String(located.length)), ' places on the map',
      places.length > located.length ? `, ${places.length - located.length} without coordinates` : '',
      ` · ${events.length} event${events.length === 1 ? '' : 's'}`, period ? ` from ${p.since || '…'} to ${p.until || '…'}` : ''),
    container,
    h('p', { class: 'map-legend small' },
      h('span', { class: 'key key-place' }), ' a place ',
      h('span', { class: 'key key-country' }), ' a country (at its centre) ',
      h('span', { class: 'key key-none' }), ' no dated event there',
      ' · click a marker for its events and documents'),
    h('p', { class: 'muted small attribution' }, 'Basemap: Natural Earth country borders (public domain), from the world-atlas package. Coordinates: the place registry and gazetteer in data/.'));

  /* global L, topojson */
  const map = L.map(container, { attributionControl: false, worldCopyJump: false, minZoom: 2, maxZoom: 10, zoomSnap: 0.25 });
  // The view first: Leaflet adds vector layers to a map without one in an order that breaks its renderer.
  const bounds = located.length ? L.latLngBounds(frame(located, eventsAt).map(pl => [pl.lat, pl.lon])).pad(0.15) : null;
  const fit = () => (bounds ? map.fitBounds(bounds, { maxZoom: 6 }) : map.setView([15, 0], 3));
  fit();
  L.geoJSON(unwrapAntimeridian(topojson.feature(world, world.objects.countries)), {
    interactive: false,
    style: { color: '#a89f8c', weight: 0.7, fillColor: '#f4efe3', fillOpacity: 1 },
  }).addTo(map);

  const markers = new Map();
  // Countries under places: bigger areas first, so a town's marker stays clickable over its country's.
  const ordered = [...located].sort((a, b) => (a.usage.place.type === 'Country' ? 0 : 1) - (b.usage.place.type === 'Country' ? 0 : 1));
  for (const place of ordered) {
    const here = eventsAt.get(place.usage.place.id) ?? [];
    const isCountry = place.usage.place.type === 'Country';
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: Math.min(22, 5 + 3 * Math.sqrt(here.length)),
      color: isCountry ? '#3d6b3c' : '#5c4410',
      weight: isCountry ? 2 : 1,
      fillColor: typeColor(place.usage.place.type),
      fillOpacity: here.length ? (isCountry ? 0.25 : 0.75) : 0.12,
      dashArray: here.length ? null : '3 3',
      className: 'place-marker',
    }).addTo(map);
    // Leaflet writes string content as HTML: names come from reports, so they go in as nodes.
    marker.bindTooltip(h('span', null, `${place.usage.place.name} · ${here.length} event${here.length === 1 ? '' : 's'}`), { direction: 'top' });
    marker.bindPopup(() => popup(place, here, titles), { maxWidth: 380, maxHeight: 320 });
    markers.set(place.usage.place.id, marker);
  }
  if (p.place && markers.has(p.place)) markers.get(p.place).openPopup();

  append(root, h('section', { class: 'block' },
    h('h2', null, 'Places', h('span', { class: 'count' }, String(places.length))),
    table(['Place', 'Type', 'Events', 'Mentions', 'Documents', 'Coordinates'], places.map(pl => h('tr', null,
      h('td', null, markers.has(pl.usage.place.id)
        ? h('a', { href: route('map', { ...p, place: pl.usage.place.id }), title: 'Show on the map' }, pl.usage.place.name)
        : pl.usage.place.name),
      h('td', null, typeLabels[pl.usage.place.type] ?? pl.usage.place.type),
      h('td', { class: 'num' }, h('a', { href: route('timeline', { place: pl.usage.place.id }) }, String((eventsAt.get(pl.usage.place.id) ?? []).length))),
      h('td', { class: 'num' }, pl.usage.mentions),
      h('td', { class: 'num' }, pl.usage.documents),
      h('td', { class: 'small muted' }, typeof pl.lat === 'number' ? `${pl.lat.toFixed(2)}, ${pl.lon.toFixed(2)} (${pl.coordinatesFrom})` : 'unknown'))),
    { class: 'grid places' })));

  // Leaflet measures its container: once the page is laid out, and whenever it changes size.
  setTimeout(() => {
    map.invalidateSize();
    if (!(p.place && markers.has(p.place))) fit();
  }, 0);
  return () => map.remove();
}

/**
 * The places to frame: those where something happened, less the outliers (far from the median of them,
 * as a country named once on another continent), so the theatre fills the map. The list below has all.
 */
function frame(located, eventsAt) {
  const busy = located.filter(pl => eventsAt.has(pl.usage.place.id));
  const candidates = busy.length ? busy : located;
  const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const lat = median(candidates.map(pl => pl.lat)), lon = median(candidates.map(pl => pl.lon));
  const distance = pl => Math.hypot(pl.lat - lat, pl.lon - lon);
  const limit = Math.max(12, 3 * median(candidates.map(distance)));
  const near = candidates.filter(pl => distance(pl) <= limit);
  return near.length ? near : candidates;
}

/**
 * Rings that cross the 180th meridian (Russia's Chukotka, Fiji) come as jumps from +180 to -180, which
 * Leaflet draws as stripes across the world: such rings are moved east of 180 instead. Rings at a pole
 * (Antarctica) legitimately span every longitude and stay as they are.
 */
function unwrapAntimeridian(collection) {
  const fix = ring => {
    const jumps = ring.some((pt, i) => i > 0 && Math.abs(pt[0] - ring[i - 1][0]) > 180);
    const polar = ring.some(pt => Math.abs(pt[1]) > 89);
    return jumps && !polar ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
  };
  for (const f of collection.features) {
    const g = f.geometry;
    if (g?.type === 'Polygon') g.coordinates = g.coordinates.map(fix);
    if (g?.type === 'MultiPolygon') g.coordinates = g.coordinates.map(poly => poly.map(fix));
  }
  return collection;
}

function popup(place, events, titles) {
  const docs = new Map();
  for (const ev of events) docs.set(ev.from.documentId, ev.from);
  return h('div', { class: 'place-popup' },
    h('h3', null, entityLink(place.usage.place)),
    h('p', { class: 'small muted' }, `${place.usage.mentions} mentions in ${place.usage.documents} document${place.usage.documents === 1 ? '' : 's'}`),
    events.length ? h('ul', { class: 'popup-events' }, events.slice(0, 25).map(ev => h('li', null,
      h('span', { class: 'event-date' }, ev.date ?? 'undated'), ' ', h('span', { class: 'badge ev' }, ev.type), ' ',
      entityList(ev.actors.slice(0, 3)),
      ' ', h('a', { href: route('doc/' + ev.from.documentId, { fact: ev.id }), class: 'small' }, 'source'))))
      : h('p', { class: 'muted small' }, 'No dated event here.'),
    events.length > 25 ? h('p', { class: 'small' }, h('a', { href: route('timeline', { place: place.usage.place.id }) }, `All ${events.length} events`)) : null,
    docs.size ? h('p', { class: 'small' }, 'Documents: ', [...docs.values()].map((d, i) => [i ? ', ' : '',
      h('a', { href: route('doc/' + d.documentId) }, titles.get(d.documentId)?.title ?? d.title)])) : null);
}
