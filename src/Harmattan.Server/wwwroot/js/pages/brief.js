// A briefing: #/brief?actor=ID, #/brief?place=ID or #/brief?since=2012&until=2013 (a period may narrow an actor's
// or a place's too). The server writes it (GET /api/brief?format=html), every sentence footnoted to its documents;
// this page shows that HTML inline, rebuilt element by element from a short list of the tags and attributes the
// writer uses (never inserted as markup), with links to download it as Markdown or HTML.
import * as api from '../api.js';
import { h, append, route, paramsObject, field, dateInput, externalLink, saveFile } from '../dom.js';
import { entityInput, formValues } from '../entity-input.js';

const SUBJECT = ['actor', 'place', 'since', 'until'];

export async function render(root, { params }) {
  const p = paramsObject(params);
  const asked = Object.fromEntries(SUBJECT.map(k => [k, p[k]]).filter(([, v]) => v));
  const form = h('form', { class: 'filters brief-form', 'aria-label': 'What to brief on' },
    field('Actor', entityInput('actor', p.actor)),
    field('Place', entityInput('place', p.place, { size: 14 })),
    field('Since', dateInput('since', p.since, '2012')),
    field('Until', dateInput('until', p.until, '2013')),
    h('button', { type: 'submit' }, 'Write briefing'));
  form.addEventListener('submit', e => { e.preventDefault(); location.hash = route('brief', formValues(form)); });

  if (!Object.keys(asked).length) {
    document.title = 'Briefing · Harmattan';
    append(root, h('header', { class: 'page-head' }, h('h1', null, 'Briefing'),
      h('p', { class: 'lede' }, 'A sourced briefing on an actor, a place or a period: overview, actors, timeline, causes and outlook as claimed, disagreements. Every sentence is footnoted to the reports that state it. Give an actor or a place (not both), or a period.')),
    form);
    return;
  }

  // The form first, so that a refused subject (the server's problem, shown below it) can be corrected in place.
  const head = h('header', { class: 'page-head brief-head' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/brief' }, 'Briefing'), ' / ', profileLink(asked)),
    form);
  append(root, head);
  const html = await api.text('brief', { ...asked, format: 'html' }, 'text/html');
  const brief = briefing(html, asked);
  document.title = (brief.querySelector('h1')?.textContent ?? 'Briefing') + ' · Harmattan';
  append(head, h('nav', { class: 'actions', 'aria-label': 'Download the briefing' },
    download('Download Markdown', asked, 'md'),
    download('Download HTML', asked, 'html')));
  append(root, brief);
  if (p.note) showNote(brief, p.note);
}

function profileLink(asked) {
  const id = asked.actor ?? asked.place;
  return id ? h('a', { href: route('actor/' + id) }, 'Profile') : null;
}

/** A link to the file (what a plain link would fetch) whose click fetches it with the token and saves it. */
function download(label, asked, format) {
  const params = { ...asked, format, download: 'true' };
  const link = h('a', { href: api.address('brief', params), download: '', class: 'download', dataset: { format } }, label);
  link.addEventListener('click', async event => {
    event.preventDefault();
    link.setAttribute('aria-busy', 'true');
    try {
      const { blob, name } = await api.file('brief', params, 'briefing.' + format);
      saveFile(blob, name);
    } catch (error) {
      link.after(h('span', { class: 'error-text', role: 'alert' }, ' ' + error.message));
    } finally {
      link.removeAttribute('aria-busy');
    }
  });
  return link;
}

// The writer's tags, and what each becomes here; anything else is left out and only its text kept.
const TAGS = new Set(['H1', 'H2', 'H3', 'P', 'UL', 'OL', 'LI', 'SUP', 'CITE', 'CODE', 'Q']);
const CLASSES = new Set(['generated', 'remark', 'notes']);

/**
 * The briefing's body as nodes of this page. DOMParser makes an inert document (no script runs, nothing
 * loads); from it only the writer's elements are copied, with their text as text, a class of the writer's few,
 * note ids, and links: a note reference becomes a link within this page, a source URL an external link if it
 * is http(s), a document's title a link to the report in the reader.
 */
function briefing(html, asked) {
  // The body only: the writer's head (its <style>, its policy) is for the page opened by itself, and this page's
  // policy forbids inline style even in a parsed document. Report text cannot hold the tag: the writer escapes it.
  const body = html.indexOf('<body>');
  const parsed = new DOMParser().parseFromString(body < 0 ? html : html.slice(body), 'text/html');
  const article = h('article', { class: 'briefing', 'aria-labelledby': 'brief-title' });
  for (const node of parsed.body.childNodes) append(article, copy(node, asked));
  article.querySelector('h1')?.setAttribute('id', 'brief-title');
  for (const ref of article.querySelectorAll('a.note-ref')) {
    ref.addEventListener('click', event => { event.preventDefault(); showNote(article, ref.dataset.note); });
  }
  return article;
}

function copy(node, asked) {
  if (node.nodeType === Node.TEXT_NODE) return node.data;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const children = [...node.childNodes].map(child => copy(child, asked));
  if (node.tagName === 'A') return link(node, children, asked);
  if (!TAGS.has(node.tagName)) return children;
  const cls = node.getAttribute('class');
  const note = /^note-(\d+)$/.exec(node.getAttribute('id') ?? '');
  const el = h(node.tagName.toLowerCase(), {
    class: CLASSES.has(cls) ? cls : null,
    id: node.tagName === 'LI' && note ? 'note-' + note[1] : null,
  }, children);
  if (el.id) sourceLink(el);
  return el;
}

function link(node, children, asked) {
  const href = node.getAttribute('href') ?? '';
  const note = /^#note-(\d+)$/.exec(href);
  if (note) {
    return h('a', { href: route('brief', { ...asked, note: note[1] }), class: 'note-ref', dataset: { note: note[1] }, 'aria-label': 'source ' + note[1] }, children);
  }
  return /^https?:/i.test(href) ? externalLink(href, node.textContent) : children;
}

/** A note's cited title opens the report in the reader, at the evidence sentence when the note quotes one. */
function sourceLink(li) {
  const id = li.querySelector('code')?.textContent ?? '';
  const cite = li.querySelector('cite');
  if (!cite || !/^[0-9a-f]{12}$/.test(id)) return;
  const quote = li.querySelector('q')?.textContent;
  const open = h('a', { href: route('doc/' + id, quote ? { quote } : {}), class: 'doc-link', title: 'Open the report at this passage' });
  cite.replaceWith(open);
  open.append(cite);
}

function showNote(article, number) {
  const note = article.querySelector('#' + CSS.escape('note-' + number));
  if (!note) return;
  for (const el of article.querySelectorAll('li.focus')) el.classList.remove('focus');
  note.classList.add('focus');
  note.setAttribute('tabindex', '-1');
  note.scrollIntoView({ block: 'center' });
  note.focus({ preventScroll: true });
}
