// The shell: hash routes (#/page/arg?params), one module per page, each rendering into a fresh element.
import { h, errorBox, route } from './dom.js';
import { analystBadge } from './analyst.js';
import * as api from './api.js';
import * as documents from './pages/documents.js';
import * as reader from './pages/reader.js';
import * as actors from './pages/actors.js';
import * as actor from './pages/actor.js';
import * as network from './pages/network.js';
import * as map from './pages/map.js';
import * as timeline from './pages/timeline.js';
import * as claims from './pages/claims.js';
import * as search from './pages/search.js';
import * as disputes from './pages/disputes.js';
import * as review from './pages/review.js';
import * as brief from './pages/brief.js';

const pages = { documents, doc: reader, actors, actor, network, map, timeline, claims, search, disputes, review, brief };
const view = document.getElementById('view');
let cleanup = null;
let renders = 0;
const load = Math.random().toString(36).slice(2, 8);

function parse() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split(/\?(.*)/s, 2);
  const segments = path.split('/').filter(Boolean).map(s => { try { return decodeURIComponent(s); } catch { return s; } });
  return { page: segments[0] ?? 'documents', args: segments.slice(1), params: new URLSearchParams(query) };
}

/**
 * The caller's role (GET /api/me) on the body, so the actions the server would refuse a viewer are not
 * offered (app.css hides them). Read on every navigation: the token may have changed.
 */
async function showRole() {
  try {
    const me = await api.get('me');
    document.body.dataset.role = me.role;
  } catch {
    document.body.dataset.role = 'none';
  }
}

async function show() {
  await showRole();
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  const { page, args, params } = parse();
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.page === page || (page === 'doc' && a.dataset.page === 'documents') || (page === 'actor' && a.dataset.page === 'actors'));
  }
  const module = pages[page];
  // Numbered, so a test (or anyone watching) can tell this rendering from the one it replaces.
  const root = h('div', { class: 'page page-' + page, dataset: { render: `${load}-${++renders}` } });
  view.replaceChildren(root);
  document.body.dataset.page = page;
  document.body.classList.add('loading');
  try {
    if (!module) throw Object.assign(new Error(`No page called "${page}".`), { title: 'Not found' });
    cleanup = await module.render(root, { args, params });
  } catch (error) {
    console.warn(error);
    root.append(errorBox(error));
  } finally {
    if (root.isConnected) {
      document.body.classList.remove('loading');
      root.dataset.ready = 'true';
    }
  }
}

document.getElementById('quick-search').addEventListener('submit', event => {
  event.preventDefault();
  const q = new FormData(event.target).get('q')?.toString().trim();
  if (q) location.hash = route('search', { q });
});
document.getElementById('analyst').replaceWith(analystBadge());
window.addEventListener('hashchange', show);
show();
