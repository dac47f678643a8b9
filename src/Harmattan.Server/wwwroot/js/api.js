// The REST API under /api: JSON in and out, problem+json errors turned into ApiError. When the analyst
// has given an API token (analyst.js), every request carries it as a Bearer header.
import { apiToken } from './analyst.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
    this.title = problem?.title;
  }
}

function url(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    for (const v of [value].flat()) {
      if (v !== null && v !== undefined && v !== '') query.append(key, String(v));
    }
  }
  const q = query.toString();
  return '/api/' + path + (q ? '?' + q : '');
}

function headers(extra) {
  const token = apiToken();
  return token ? { ...extra, authorization: 'Bearer ' + token } : extra;
}

async function read(response) {
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function get(path, params) {
  return read(await fetch(url(path, params), { headers: headers({ accept: 'application/json' }) }));
}

/** GET an answer that is not JSON (a briefing's Markdown or HTML) as text; errors are still problem+json. */
export async function text(path, params, accept) {
  // The server writes a problem only for a client that takes JSON.
  const response = await fetch(url(path, params), { headers: headers({ accept: accept + ', application/problem+json' }) });
  if (!response.ok) await read(response);
  return response.text();
}

/**
 * GET a download (with the token, which a plain link cannot send): the file's content and the name the server
 * gives it in Content-Disposition, else fallback.
 */
export async function file(path, params, fallback) {
  const response = await fetch(url(path, params), { headers: headers({}) });
  if (!response.ok) await read(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallback;
  return { blob: await response.blob(), name };
}

/** The address of an API request, for a link that shows what a button fetches. */
export function address(path, params) {
  return new URL(url(path, params), location.href).href;
}

export async function post(path, body) {
  return read(await fetch(url(path), {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json', accept: 'application/json' }),
    body: JSON.stringify(body ?? {}),
  }));
}

/** DELETE: answers what the server says went. */
export async function del(path) {
  return read(await fetch(url(path), { method: 'DELETE', headers: headers({ accept: 'application/json' }) }));
}

/** POST /api/documents with the files as multipart/form-data. */
export async function upload(files) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return read(await fetch(url('documents'), { method: 'POST', body: form, headers: headers({ accept: 'application/json' }) }));
}

/** Every item of a paged list (500 a request), up to max. */
export async function all(path, params, max = 5000) {
  const items = [];
  for (let offset = 0; items.length < max; offset += 500) {
    const page = await get(path, { ...params, offset, limit: 500 });
    items.push(...page.items);
    const more = page.total !== undefined ? offset + page.items.length < page.total : page.more;
    if (!more || page.items.length === 0) break;
  }
  return items;
}

/** Entity id -> ref, for the lists that only carry ids. */
export function indexBy(items, key = 'id') {
  return new Map(items.map(x => [x[key], x]));
}
