// DOM helpers. Report text is untrusted: everything here builds nodes and sets text through
// textContent/text nodes, never innerHTML, and only internal (#/...) or http(s) URLs become links.

/**
 * Makes an element. props: class, href (checked by safeHref), on: {event: fn}, dataset: {...},
 * any other attribute by name. Children: nodes, strings (as text), numbers, arrays; null/false are skipped.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'on') {
      for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'href') {
      const href = safeHref(value);
      if (href !== null) el.setAttribute('href', href);
    } else if (key === 'style') {
      throw new Error('inline style attributes are blocked by the CSP: use a class');
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (see h) to a node; null, undefined and false are skipped, strings become text. */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces a node's children (see append). */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, ...children);
}

/** An internal route (#/...) or an absolute http(s) URL; anything else (javascript:, data:...) is null. */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  if (url.startsWith('#')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to another site (report sources): opened apart, sending nothing back. Plain text if unsafe. */
export function externalLink(url, text) {
  const href = safeHref(url);
  if (href === null || href.startsWith('#')) return h('span', { class: 'unsafe-url', title: 'not an http(s) address' }, text ?? url);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'external' }, text ?? url);
}

/** A route: #/page/arg?key=value; params may hold arrays (repeated keys); empty values are left out. */
export function route(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    for (const v of [value].flat()) {
      if (v !== null && v !== undefined && v !== '') query.append(key, String(v));
    }
  }
  const q = query.toString();
  return '#/' + path.split('/').map(encodeURIComponent).join('/') + (q ? '?' + q : '');
}

/** The params of the current route as a plain object of strings (first value of each key). */
export function paramsObject(params) {
  const out = {};
  for (const key of params.keys()) out[key] = params.get(key);
  return out;
}

export const typeLabels = {
  Person: 'Person', ArmedGroup: 'Armed group', Organization: 'Organization',
  Country: 'Country', Place: 'Place', PeopleGroup: 'People group',
};

/** A link to an entity's profile, coloured by its type. */
export function entityLink(ref) {
  if (!ref) return h('span', { class: 'muted' }, 'unknown');
  return h('a', {
    href: route('actor/' + ref.id), class: ['entity', 't-' + ref.type],
    title: (typeLabels[ref.type] ?? ref.type),
  }, ref.name);
}

/** A comma-separated list of entity links. */
export function entityList(refs) {
  const out = [];
  (refs ?? []).forEach((ref, i) => { if (i) out.push(', '); out.push(entityLink(ref)); });
  return out.length ? out : [h('span', { class: 'muted' }, '—')];
}

export function typeBadge(type) {
  return h('span', { class: ['badge', 't-' + type] }, typeLabels[type] ?? type);
}

/** Where a fact comes from: its document (opened at the fact's evidence), date, and the evidence sentence. */
export function source(from, factId, { quote = true } = {}) {
  if (!from) return null;
  const params = factId ? { fact: factId } : (from.evidence ? { quote: from.evidence } : {});
  return h('div', { class: 'source' },
    h('a', { href: route('doc/' + from.documentId, params), class: 'doc-link', title: 'Open the report at this passage' }, from.title || from.documentId.slice(0, 12)),
    from.date ? h('span', { class: 'date', title: from.dateIsPublished ? 'publication date' : 'date the report states' }, ' · ' + from.date) : null,
    quote && from.evidence ? h('blockquote', { class: 'evidence' }, from.evidence) : null);
}

export function confidence(value) {
  if (value === null || value === undefined) return null;
  const pct = Math.round(value * 100);
  return h('span', { class: ['conf', pct < 60 ? 'low' : pct < 80 ? 'mid' : 'high'], title: 'confidence' }, pct + '%');
}

export function relationLabel(type) {
  return (type ?? '').replaceAll('_', ' ');
}

/** A section with a heading and a count, or a muted "none" line when empty. */
export function section(title, items, render, { empty = 'None recorded.', id } = {}) {
  const body = items && items.length ? render(items) : h('p', { class: 'muted' }, empty);
  return h('section', { class: 'block', id },
    h('h2', null, title, items ? h('span', { class: 'count' }, String(items.length)) : null), body);
}

export function table(headers, rows, props) {
  return h('table', props ?? { class: 'grid' },
    h('thead', null, h('tr', null, headers.map(x => h('th', null, x)))),
    h('tbody', null, rows));
}

/** Previous/next links for an {offset, limit, total} page. */
export function pager(page, hrefFor) {
  const { offset, limit } = page;
  const total = page.total;
  const hasMore = total !== undefined ? offset + limit < total : page.more;
  if (offset === 0 && !hasMore) return null;
  const last = total !== undefined ? Math.min(offset + limit, total) : offset + page.items.length;
  return h('nav', { class: 'pager' },
    offset > 0 ? h('a', { href: hrefFor(Math.max(0, offset - limit)), rel: 'prev' }, '← Previous') : h('span', { class: 'muted' }, '← Previous'),
    h('span', { class: 'range' }, `${offset + 1}–${last}` + (total !== undefined ? ` of ${total}` : '')),
    hasMore ? h('a', { href: hrefFor(offset + limit), rel: 'next' }, 'Next →') : h('span', { class: 'muted' }, 'Next →'));
}

export function errorBox(error) {
  const lines = [h('strong', null, error.title ?? 'Something went wrong'), ' ', error.message ?? String(error)];
  if (error.status === 401 || error.status === 403) {
    lines.push(h('p', null, error.status === 401
      ? 'This server has users: give your API token (ask an admin for one: harmattan tokens issue) under "Set your name" in the header.'
      : 'Your token\'s role does not allow this; ask an admin.'));
  }
  const candidates = error.problem?.candidates;
  if (Array.isArray(candidates) && candidates.length) {
    const again = routeWith(error.problem.subject);
    lines.push(h('p', null, 'It fits each of these; choose one:'),
      h('ul', { class: 'candidates' }, candidates.map(c => h('li', null, candidate(c, again)))));
  }
  return h('div', { class: 'error', role: 'alert' }, lines);
}

/**
 * One thing an ambiguous name or prefix fits ({id, name, type}): a link to its page (a document's, or an entity's
 * profile), its type and id, and, when the page took the name in a parameter, a link to this page again with the id.
 */
function candidate(c, again) {
  const isDocument = c.type === 'Document';
  const link = isDocument
    ? h('a', { href: route('doc/' + c.id), class: 'doc-link' }, c.name || c.id)
    : entityLink(c);
  return [link, ' ', h('span', { class: 'muted small' }, `${isDocument ? 'document' : typeLabels[c.type] ?? c.type} · ${c.id}`),
    again ? [' ', h('a', { href: again(c.id), class: 'use-candidate' }, 'use this one here')] : null];
}

/** For the parameter of the current route a problem is about: the route with another value for it; else null. */
function routeWith(parameter) {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split(/\?(.*)/s, 2);
  const params = new URLSearchParams(query);
  if (!parameter || !params.has(parameter)) return null;
  return value => {
    const next = new URLSearchParams(params);
    next.set(parameter, value);
    next.delete('offset');
    return '#/' + path + '?' + next.toString();
  };
}

const loaded = new Map();

/** Loads a vendor script once (a <script src>, as the CSP allows), resolving when it has run. */
export function loadScript(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const el = h('script', { src });
      el.addEventListener('load', resolve);
      el.addEventListener('error', () => reject(new Error('could not load ' + src)));
      document.head.append(el);
    }));
  }
  return loaded.get(src);
}

/** Loads a stylesheet once. */
export function loadStyle(href) {
  if (!loaded.has(href)) {
    loaded.set(href, new Promise((resolve, reject) => {
      const el = h('link', { rel: 'stylesheet' });
      el.setAttribute('href', href); // our own file: h() only lets routes and http(s) through
      el.addEventListener('load', resolve);
      el.addEventListener('error', () => reject(new Error('could not load ' + href)));
      document.head.append(el);
    }));
  }
  return loaded.get(href);
}

/** The earliest and latest instants (ms, UTC) an ISO partial date covers: 2012, 2012-03, 2012-03-22, 1992/1994. */
export function dateRange(iso) {
  if (!iso) return null;
  const span = /^(\d{4})\/(\d{4})$/.exec(iso);
  if (span) return [Date.UTC(+span[1], 0, 1), Date.UTC(+span[2] + 1, 0, 1) - 1];
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const y = +m[1];
  if (m[3]) { const d = Date.UTC(y, +m[2] - 1, +m[3]); return [d, d + 86400000 - 1]; }
  if (m[2]) return [Date.UTC(y, +m[2] - 1, 1), Date.UTC(y, +m[2], 1) - 1];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - 1];
}

/** A partial-date text box: ISO partial dates only, checked by the browser before the server. */
export function dateInput(name, value, placeholder) {
  return h('input', {
    name, value: value ?? '', placeholder, size: 10, class: 'date-input',
    pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', title: 'A date like 2012, 2012-03 or 2012-03-22',
  });
}

export function field(label, control) {
  return h('label', { class: 'field' }, h('span', null, label), control);
}

/** Saves a file the page fetched (a blob) under a name, as a download link would. */
export function saveFile(blob, name) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href; // our own blob: h() only lets routes and http(s) through
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
