// Documents: the stored reports (newest first, paged) and the upload form.
import * as api from '../api.js';
import { h, replace, append, route, table, pager, errorBox } from '../dom.js';

const LIMIT = 50;

export async function render(root, { params }) {
  const offset = Math.max(0, parseInt(params.get('offset') ?? '0', 10) || 0);
  const list = h('div', { class: 'doc-list' });
  append(root,
    h('header', { class: 'page-head' }, h('h1', null, 'Documents'),
      h('p', { class: 'lede' }, 'The reports in the knowledge base, newest first. Open one to read it with its entities, claims and dates marked.')),
    uploadForm(() => fill(list, offset)),
    list);
  await fill(list, offset);
}

async function fill(list, offset) {
  const page = await api.get('documents', { offset, limit: LIMIT });
  const rows = page.items.map(d => h('tr', null,
    h('td', { class: 'title' }, h('a', { href: route('doc/' + d.id), class: 'doc-link' }, d.title || '(untitled)'),
      h('div', { class: 'muted small mono' }, d.id.slice(0, 12))),
    h('td', { class: 'nowrap' }, d.published ?? h('span', { class: 'muted' }, '—')),
    h('td', null, h('span', { class: 'badge' }, d.format)),
    h('td', { class: 'num' }, d.wordCount.toLocaleString('en')),
    h('td', { class: 'num' }, d.entityCount),
    h('td', { class: 'num' }, d.claimCount),
    h('td', { class: 'num' }, d.eventCount),
    h('td', { class: 'nowrap small' }, d.ingestedAt.replace('T', ' ').slice(0, 16))));
  replace(list,
    h('p', { class: 'summary' }, h('strong', { id: 'document-total' }, String(page.total)), page.total === 1 ? ' document' : ' documents'),
    page.items.length
      ? table(['Title', 'Published', 'Format', 'Words', 'Entities', 'Claims', 'Events', 'Ingested (UTC)'], rows, { class: 'grid documents' })
      : h('p', { class: 'muted' }, 'No documents yet: upload reports above, or run ./harmattan ingest.'),
    pager(page, o => route('documents', { offset: o })));
}

function uploadForm(onDone) {
  const input = h('input', { type: 'file', name: 'files', multiple: true, accept: '.txt,.md,.markdown,.html,.htm,.pdf', required: true });
  const result = h('div', { class: 'upload-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, 'Ingest');
  const form = h('form', { class: 'upload card' },
    h('h2', null, 'Add reports'),
    h('p', { class: 'muted small' }, 'Text, Markdown, HTML or PDF, one or many files. The same content sent twice is stored once.'),
    h('div', { class: 'row' }, input, button),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!input.files.length) return;
    button.disabled = true;
    replace(result, h('p', { class: 'muted' }, `Ingesting ${input.files.length} file(s)…`));
    try {
      const response = await api.upload(input.files);
      replace(result, uploadTable(response));
      form.reset();
      await onDone();
    } catch (error) {
      replace(result, errorBox(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function uploadTable(response) {
  return h('div', null,
    h('p', { class: 'summary' }, `${response.added} added, ${response.unchanged} unchanged, ${response.failed} failed.`),
    table(['File', 'Status', 'Document', 'Entities', 'Claims', 'Events'], response.files.map(f => h('tr', { class: 'status-' + f.status.toLowerCase() },
      h('td', null, f.file),
      h('td', null, h('span', { class: ['badge', 'st-' + f.status.toLowerCase()] }, f.status)),
      h('td', null, f.id ? h('a', { href: route('doc/' + f.id) }, f.title || f.id.slice(0, 12))
        : h('span', { class: 'error-text' }, [f.error, f.message].filter(Boolean).join(' '))),
      h('td', { class: 'num' }, f.entities ?? ''),
      h('td', { class: 'num' }, f.claims ?? ''),
      h('td', { class: 'num' }, f.events ?? '')))));
}

