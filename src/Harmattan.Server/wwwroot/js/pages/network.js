// The actor network: cytoscape with an fcose force layout from fixed starting positions (the same graph
// always draws the same way), filtered by entity type, relation type, period and neighbourhood. The server
// reads a network within limits (at most maxActors actors, a number of relation statements per actor) and
// says when they cut it; the page says so too.
// #/network?around=MNLA&depth=2&since=2012&until=2013&type=opposes&type=cooperates_with&entityType=ArmedGroup&maxActors=100
import * as api from '../api.js';
import { h, replace, append, route, entityLink, typeBadge, typeLabels, relationLabel, table, loadScript, dateInput, field } from '../dom.js';
import { typeColor, relationColor } from '../palette.js';
import { entityInput, formValues } from '../entity-input.js';

async function loadCytoscape() {
  // Cytoscape adds a <style> element unless one with this id exists; the CSP forbids inline styles,
  // so its one rule is in app.css and this marker stands in for the element.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    document.head.append(h('meta', { id: '__________cytoscape_stylesheet', name: 'cytoscape-style', content: 'app.css' }));
  }
  await loadScript('vendor/cytoscape.min.js');
  await loadScript('vendor/layout-base.js');
  await loadScript('vendor/cose-base.js');
  await loadScript('vendor/cytoscape-fcose.js'); // registers itself with the global cytoscape
}

export async function render(root, { params }) {
  const selectedTypes = params.getAll('type');
  const selectedEntityTypes = params.getAll('entityType');
  const filters = {
    around: params.get('around') ?? '', depth: params.get('depth') ?? '',
    since: params.get('since') ?? '', until: params.get('until') ?? '',
    maxActors: params.get('maxActors') ?? '',
  };
  const [whole, graph] = await Promise.all([
    api.get('network'),
    api.get('network', { ...filters, type: selectedTypes, entityType: selectedEntityTypes }),
    loadCytoscape(),
  ]);

  // The choices are what the knowledge base holds, whatever is selected now.
  const relationTypes = [...new Set(whole.edges.map(e => e.type))].sort();
  const entityTypes = [...new Set(whole.nodes.map(n => n.entity.type))].sort();

  const apply = () => {
    const data = new FormData(form);
    const values = formValues(form);
    const types = data.getAll('type');
    const ents = data.getAll('entityType');
    location.hash = route('network', {
      around: values.around, depth: values.around ? values.depth : '',
      since: values.since, until: values.until, maxActors: values.maxActors === '50' ? '' : values.maxActors,
      // All boxes ticked is no filter at all.
      type: types.length === relationTypes.length ? [] : types,
      entityType: ents.length === entityTypes.length ? [] : ents,
    });
  };
  const checkboxes = (name, values, selected, label, color) => h('fieldset', { class: 'checks', dataset: { name } },
    h('legend', null, name === 'type' ? 'Relations' : 'Entities'),
    values.map(v => h('label', { class: 'check' },
      h('input', {
        type: 'checkbox', name, value: v, checked: selected.length === 0 || selected.includes(v),
        on: { change: apply },
      }),
      h('span', { class: 'swatch', dataset: { color: color(v) } }), ' ', label(v))));

  const form = h('form', { class: 'filters network-filters' },
    h('div', { class: 'row' },
      field('Around', entityInput('around', filters.around, { placeholder: 'actor name or id', size: 22 })),
      field('Depth', h('select', { name: 'depth' }, [1, 2, 3, 4].map(d => h('option', { value: d, selected: String(d) === (filters.depth || '2') }, String(d))))),
      field('Since', dateInput('since', filters.since, '2012')),
      field('Until', dateInput('until', filters.until, '2013')),
      field('At most', h('select', { name: 'maxActors' }, [50, 100, 200, 500].map(n =>
        h('option', { value: n, selected: String(n) === (filters.maxActors || '50') }, `${n} actors`)))),
      h('button', { type: 'submit' }, 'Apply'),
      h('a', { href: '#/network', class: 'reset' }, 'Reset')),
    h('div', { class: 'row' },
      checkboxes('type', relationTypes, selectedTypes, relationLabel, relationColor),
      checkboxes('entityType', entityTypes, selectedEntityTypes, t => typeLabels[t] ?? t, typeColor)));
  form.addEventListener('submit', e => { e.preventDefault(); apply(); });
  for (const swatch of form.querySelectorAll('.swatch')) swatch.style.backgroundColor = swatch.dataset.color;

  const container = h('div', { id: 'cy', class: 'graph', role: 'img', 'aria-label': 'Network of actors' });
  const detail = h('div', { class: 'edge-detail card', hidden: true });
  append(root,
    h('header', { class: 'page-head' }, h('h1', null, 'Network'),
      h('p', { class: 'lede' }, 'Actors linked by what the reports say of them. Click an actor to open its profile, a link to see its sources.')),
    form,
    h('p', { class: 'summary', id: 'network-stats' },
      h('strong', { id: 'edge-count' }, String(graph.edges.length)), ` relation${graph.edges.length === 1 ? '' : 's'} among `,
      h('strong', { id: 'node-count' }, String(graph.nodes.length)), ` actor${graph.nodes.length === 1 ? '' : 's'}`,
      filters.around ? '' : ', from the newest relations'),
    graph.truncated
      ? h('p', { class: 'notice', id: 'network-truncated', role: 'status' },
        `Cut to fit: the newest ${graph.statements} relation statements were read and at most ${filters.maxActors || 50} actors kept. `
        + 'Narrow it by period, relation or entity type, or allow more actors.')
      : null,
    h('div', { class: 'graph-wrap' }, container, detail));

  if (graph.nodes.length === 0) {
    container.replaceWith(h('p', { class: 'muted empty-graph' }, 'No relation matches these filters.'));
    return undefined;
  }

  const cy = draw(container, graph);
  container.cy = cy; // for the console (and the browser tests): where each actor is drawn
  cy.on('tap', 'node', evt => { location.hash = route('actor/' + evt.target.id()); });
  cy.on('tap', 'edge', evt => showEdge(detail, evt.target.data('edge')));
  cy.on('tap', evt => { if (evt.target === cy) detail.hidden = true; });

  append(root, h('section', { class: 'block' },
    h('h2', null, 'Actors in this network', h('span', { class: 'count' }, String(graph.nodes.length))),
    table(['Actor', 'Type', 'Relations', 'Betweenness'], [...graph.nodes]
      .sort((a, b) => b.degree - a.degree || b.betweenness - a.betweenness || a.entity.name.localeCompare(b.entity.name))
      .map(n => h('tr', null,
        h('td', null, entityLink(n.entity)),
        h('td', null, typeBadge(n.entity.type)),
        h('td', { class: 'num' }, n.degree),
        h('td', { class: 'num', title: 'normalised betweenness centrality' }, n.normalizedBetweenness.toFixed(3)))),
    { class: 'grid network-nodes' })));

  return () => cy.destroy();
}

function draw(container, graph) {
  const maxDegree = Math.max(1, ...graph.nodes.map(n => n.degree));
  // Fixed starting positions: nodes on a circle in id order, so fcose (randomize: false) is deterministic.
  const ordered = [...graph.nodes].sort((a, b) => (a.entity.id < b.entity.id ? -1 : 1));
  const radius = 60 * Math.sqrt(ordered.length);
  const positions = new Map(ordered.map((n, i) => {
    const angle = (2 * Math.PI * i) / ordered.length;
    return [n.entity.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) }];
  }));
  const elements = [
    ...graph.nodes.map(n => ({
      group: 'nodes',
      data: { id: n.entity.id, label: n.entity.name, type: n.entity.type, degree: n.degree, color: typeColor(n.entity.type) },
      position: positions.get(n.entity.id),
    })),
    ...graph.edges.map((e, i) => ({
      group: 'edges',
      data: {
        id: 'e' + i, source: e.source.id, target: e.target.id, type: e.type, label: relationLabel(e.type),
        color: relationColor(e.type), width: 1.5 + Math.min(e.documents, 5), directed: e.directed ? 'yes' : 'no', edge: e,
      },
    })),
  ];
  // eslint-disable-next-line no-undef
  const cy = cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)', label: 'data(label)', color: '#222', 'font-size': 12,
          'text-wrap': 'wrap', 'text-max-width': 120, 'text-valign': 'bottom', 'text-margin-y': 3,
          'text-outline-color': '#fff', 'text-outline-width': 2,
          width: `mapData(degree, 1, ${maxDegree}, 14, 46)`, height: `mapData(degree, 1, ${maxDegree}, 14, 46)`,
          'border-width': 1, 'border-color': '#fff',
        },
      },
      {
        selector: 'edge',
        style: {
          'line-color': 'data(color)', width: 'data(width)', 'curve-style': 'bezier', opacity: 0.8,
          label: 'data(label)', 'font-size': 9, color: '#555', 'min-zoomed-font-size': 7,
          'text-rotation': 'autorotate', 'text-outline-color': '#fff', 'text-outline-width': 2,
        },
      },
      { selector: 'edge[directed = "yes"]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(color)' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'edge:selected', style: { opacity: 1, width: 5 } },
    ],
    layout: { name: 'preset' },
  });
  cy.layout({
    name: 'fcose', randomize: false, animate: false, quality: 'proof', fit: false,
    nodeRepulsion: () => 6000, idealEdgeLength: () => 80, nodeSeparation: 70,
    packComponents: true,
  }).run();
  stretchToContainer(cy, container);
  cy.fit(undefined, 24);
  // A handful of actors would otherwise be blown up to fill the frame.
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center();
  }
  return cy;
}

/**
 * A force layout comes out about as tall as wide; the container is wide. Spreading x (at most twice)
 * lets the graph fill it, so names stay legible instead of the whole graph shrinking to fit the height.
 */
function stretchToContainer(cy, container) {
  const bb = cy.elements().boundingBox();
  const want = container.clientWidth / Math.max(1, container.clientHeight);
  const have = bb.w / Math.max(1, bb.h);
  const factor = Math.min(2, Math.max(1, want / have));
  if (factor === 1) return;
  const cx = bb.x1 + bb.w / 2;
  cy.nodes().positions(n => ({ x: cx + (n.position('x') - cx) * factor, y: n.position('y') }));
}

/**
 * An edge's documents, with titles and dates: the source's relations of that type (one bounded page, newest
 * first) name them; a document beyond that page is shown by its id.
 */
async function showEdge(detail, edge) {
  const page = await api.get('relations', { entity: edge.source.id, type: edge.type, limit: 500 });
  const docs = new Map(page.items.map(r => [r.from.documentId, r.from]));
  detail.hidden = false;
  replace(detail,
    h('button', { type: 'button', class: 'close linklike', 'aria-label': 'Close', on: { click: () => { detail.hidden = true; } } }, '×'),
    h('p', null, entityLink(edge.source), ' ', h('span', { class: 'rel-type' }, relationLabel(edge.type)), ' ', entityLink(edge.target)),
    h('p', { class: 'small muted' }, `Said in ${edge.documents} document${edge.documents === 1 ? '' : 's'}:`),
    h('ul', null, edge.documentIds.map(id => h('li', null,
      h('a', { href: route('doc/' + id), class: 'doc-link' }, docs.get(id)?.title ?? id.slice(0, 12)),
      docs.get(id)?.date ? h('span', { class: 'muted small' }, ' · ' + docs.get(id).date) : null))));
}
