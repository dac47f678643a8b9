// Who the analyst is, asked once and kept in this browser: a name (sent as "by" with every review action
// on a server without users) and, when the server has users, the API token an admin issued
// (`harmattan tokens issue`), sent with every request; the server then records the token's user.
import { h, replace } from './dom.js';

const KEY = 'harmattan.analyst';
const TOKEN_KEY = 'harmattan.token';
const listeners = new Set();

export function apiToken() {
  try { return localStorage.getItem(TOKEN_KEY) ?? ''; } catch { return ''; }
}

export function setApiToken(token) {
  if (token) localStorage.setItem(TOKEN_KEY, token.trim());
  else localStorage.removeItem(TOKEN_KEY);
}

export function analystName() {
  try { return localStorage.getItem(KEY) ?? ''; } catch { return ''; }
}

export function setAnalystName(name) {
  localStorage.setItem(KEY, name.trim());
  for (const fn of listeners) fn(name.trim());
}

/** A form that asks for the analyst's name; calls done(name) once given. */
export function askName(done) {
  const form = h('form', { class: 'ask-name' },
    h('label', null, 'Your name, recorded with each review action: ',
      h('input', { name: 'name', required: true, autocomplete: 'name', placeholder: 'e.g. amina', value: analystName() })),
    h('label', null, ' API token (when the server has users): ',
      h('input', { name: 'token', type: 'password', autocomplete: 'off', placeholder: 'from harmattan tokens issue', value: apiToken() })),
    h('button', { type: 'submit' }, 'Save'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const data = new FormData(form);
    const name = data.get('name').toString().trim();
    setApiToken(data.get('token').toString().trim());
    if (name) { setAnalystName(name); done?.(name); }
  });
  return form;
}

/** The header's "analyst: name" label, which opens the name form when clicked. */
export function analystBadge() {
  const label = h('span', { id: 'analyst', class: 'analyst' });
  const draw = () => {
    const name = analystName();
    replace(label,
      h('button', { type: 'button', class: 'linklike', title: 'Change the name recorded with your review actions' },
        name ? 'Analyst: ' + name : 'Set your name'));
    label.firstChild.addEventListener('click', () => {
      const form = askName(() => draw());
      replace(label, form);
      form.querySelector('input').focus();
    });
  };
  listeners.add(draw);
  draw();
  return label;
}
