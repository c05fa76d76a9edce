// "Why can I see this?": lab_Explain's answer for one user and one row, in a dialog a room can read.
import { targetAlias } from './api.js';
import { h, show } from './dom.js';
import { as } from './session.js';

const ORDER = ['Read', 'Write', 'Create', 'Delete', 'Append', 'AppendTo', 'Assign', 'Share'];

let dialog;

function ensureDialog() {
  if (dialog) return dialog;
  dialog = h('dialog', { id: 'explain', 'aria-labelledby': 'explain-title' });
  document.body.append(dialog);
  return dialog;
}

/** Asks the emulator, as user (upn), why they may or may not use the row set(id), and shows the answer. */
export async function explain(upn, personName, set, id, rowName, errorBox) {
  const d = ensureDialog();
  const close = h('button', { type: 'button', class: 'primary', onclick: () => d.close() }, 'Close');
  show(d, h('h2', { id: 'explain-title' }, `Why can ${personName} see “${rowName}”?`), h('p', { class: 'muted' }, 'Asking lab_Explain…'), close);
  if (!d.open) d.showModal();
  try {
    const e = (await as(upn, 'GET', `lab_Explain(Target=@t)?${targetAlias(set, id)}`)).body;
    show(d, h('h2', { id: 'explain-title' }, `Why can ${personName} see “${rowName}”?`), render(e), close);
  } catch (err) {
    show(d, h('h2', { id: 'explain-title' }, `Why can ${personName} see “${rowName}”?`), errorBox(err, 'lab_Explain refused'), close);
  }
  close.focus({ preventScroll: true });
  d.scrollTop = 0;
}

/** lab_Explain names each id as "<guid> (Name)"; a room reads the name. */
function readable(text) {
  return String(text ?? '').replace(/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12} \(([^)]+)\)/g, '$1');
}

function render(e) {
  const rights = [...e.Rights].sort((a, b) => ORDER.indexOf(a.Privilege) - ORDER.indexOf(b.Privilege));
  const read = rights.find(r => r.Privilege === 'Read');
  const write = rights.find(r => r.Privilege === 'Write');
  const t = e.Target || {};
  return h('div', { class: 'explanation' },
    h('div', { class: 'kv' },
      h('span', { class: 'muted' }, 'User'), h('span', {}, readable(e.User || e.UserId)),
      h('span', { class: 'muted' }, 'Row owner'), h('span', {}, readable(t.Owner) || '—'),
      h('span', { class: 'muted' }, 'Row business unit'), h('span', {}, readable(t.OwningBusinessUnit) || '—')),
    read ? headline('Read', read) : null,
    write ? headline('Write', write) : null,
    h('h3', {}, 'Every right'),
    h('div', { class: 'rights', role: 'table' },
      rights.flatMap(r => [
        h('span', { role: 'cell' }, r.Privilege),
        h('span', { role: 'cell', class: r.Allowed ? 'ok' : 'bad', 'data-right': r.Privilege, 'data-allowed': String(r.Allowed) }, r.Allowed ? 'yes' : 'no'),
        h('span', { role: 'cell', class: 'decision' }, readable(r.Decision), r.ErrorCode ? ` [${r.FailedCheck} ${r.ErrorCode}]` : ''),
      ])),
    read && read.Roles && read.Roles.length ? h('div', {}, h('h3', {}, 'Roles that hold Read'), h('ul', {}, read.Roles.map(x => h('li', {}, readable(x))))) : null);
}

function headline(label, right) {
  return h('p', { class: right.Allowed ? 'note' : 'error', 'data-headline': label },
    h('strong', {}, `${label}: ${right.Allowed ? 'allowed' : 'refused'}. `),
    right.Allowed ? `Because ${readable(right.Decision)}.` : `${capitalised(readable(right.Decision))} (${right.ErrorCode}).`);
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
