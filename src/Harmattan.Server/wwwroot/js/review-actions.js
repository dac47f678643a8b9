// Confirm / reject / correct one fact (POST /api/reviews), shared by the reader and the review queue.
import * as api from './api.js';
import { h, replace, append, errorBox } from './dom.js';
import { analystName, askName } from './analyst.js';

/** The fields an analyst may correct, by kind of fact, with the input each takes. */
export const correctable = {
  entity: [['name', 'text'], ['type', 'entityType']],
  claim: [['speaker', 'text']],
  relation: [['type', 'relationType'], ['role', 'text']],
  event: [['type', 'text'], ['date', 'date']],
  attribute: [['value', 'text']],
};

const entityTypes = ['Person', 'ArmedGroup', 'Organization', 'Country', 'Place', 'PeopleGroup'];
let relationTypes = null;

/** The relation types the knowledge base uses (the vocabulary lives in data/, not here). */
function knownRelationTypes() {
  relationTypes ??= api.get('network').then(n => [...new Set(n.edges.map(e => e.type))].sort()).catch(() => []);
  return relationTypes;
}

export function statusBadge(status) {
  return h('span', { class: ['status', 'badge', 'st-' + status], title: 'review status' }, status);
}

/**
 * Buttons for one fact. spec: {kind, documentId, factId, status, fields: {field: current value}, onDone(record)}.
 * The status the analyst saw goes with the action, so a fact someone else reviewed meanwhile is a 409, not an overwrite.
 */
export function reviewControls(spec) {
  const box = h('span', { class: 'review-controls' });
  const message = h('div', { class: 'review-message', 'aria-live': 'polite' });
  let status = spec.status;

  const send = async (action, changes) => {
    const by = analystName();
    if (!by) {
      replace(message, askName(() => { replace(message); send(action, changes); }));
      return;
    }
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    try {
      const record = await api.post('reviews', {
        kind: spec.kind, documentId: spec.documentId, factId: spec.factId, action,
        changes: changes ?? {}, by, expectedStatus: status,
      });
      status = record.statusAfter;
      replace(message, h('span', { class: 'ok small' }, `${action}ed by ${record.by}`));
      spec.onDone?.(record);
    } catch (error) {
      replace(message, errorBox(error));
    } finally {
      for (const b of box.querySelectorAll('button')) b.disabled = false;
    }
  };

  const correctForm = () => {
    const inputs = (correctable[spec.kind] ?? []).map(([name, kind]) => {
      const value = spec.fields?.[name] ?? '';
      let input;
      if (kind === 'entityType') {
        input = h('select', { name }, entityTypes.map(o => h('option', { value: o, selected: o === value }, o)));
      } else if (kind === 'relationType') {
        const list = h('datalist', { id: 'relation-types-' + spec.factId });
        knownRelationTypes().then(types => replace(list, ...types.map(t => h('option', { value: t }))));
        input = [h('input', { name, value, size: 18, list: list.id, required: true }), list];
      } else {
        input = h('input', {
          name, value, size: kind === 'date' ? 10 : 24,
          pattern: kind === 'date' ? '\\d{4}(-\\d{2}(-\\d{2})?)?' : null,
          title: kind === 'date' ? 'A date like 2012, 2012-03 or 2012-03-22' : null,
        });
      }
      return h('label', { class: 'field' }, h('span', null, name), input);
    });
    const form = h('form', { class: 'correct-form' }, inputs,
      h('button', { type: 'submit' }, 'Save correction'),
      h('button', { type: 'button', class: 'linklike', on: { click: () => replace(message) } }, 'cancel'));
    form.addEventListener('submit', e => {
      e.preventDefault();
      const changes = {};
      for (const [name, value] of new FormData(form)) {
        if (value.toString() !== String(spec.fields?.[name] ?? '')) changes[name] = value.toString();
      }
      if (Object.keys(changes).length === 0) {
        replace(message, h('span', { class: 'muted small' }, 'Nothing changed.'), form);
        return;
      }
      send('correct', changes);
    });
    return form;
  };

  append(box,
    h('button', { type: 'button', class: 'rv confirm', title: 'This is right', on: { click: () => send('confirm') } }, '✓ Confirm'),
    h('button', { type: 'button', class: 'rv reject', title: 'This is wrong: hide it from the queries', on: { click: () => send('reject') } }, '✗ Reject'),
    correctable[spec.kind] ? h('button', {
      type: 'button', class: 'rv correct', title: 'Fix a field',
      on: { click: () => replace(message, correctForm()) },
    }, '✎ Correct') : null);
  return h('span', { class: 'review' }, box, message);
}
