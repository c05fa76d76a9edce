// Browse portfolios, programs and projects as the chosen persona; a record page with its registers and an edit form.
import { formatted } from '../api.js';
import { h, show } from '../dom.js';
import { explain } from '../explain.js';
import { asPersona, current } from '../session.js';

const HEADLINES = [
  { set: 'sensei_portfolios', table: 'sensei_portfolio', title: 'Portfolios' },
  { set: 'sensei_programs', table: 'sensei_program', title: 'Programs' },
  { set: 'sensei_projects', table: 'sensei_project', title: 'Projects' },
];
const REGISTERS = [
  { set: 'sensei_risks', title: 'Risks' }, { set: 'sensei_issues', title: 'Issues' },
  { set: 'sensei_changerequests', title: 'Change requests' }, { set: 'sensei_actionitems', title: 'Action items' },
  { set: 'sensei_decisions', title: 'Decisions' }, { set: 'sensei_deliverables', title: 'Deliverables' },
];
const COLUMNS = 'sensei_name,_ownerid_value,_owningbusinessunit_value';

export default {
  id: 'browse',
  title: 'Browse',
  async render(main, ctx) {
    const p = current();
    if (!p) {
      show(main, h('h2', {}, 'Browse'), h('p', { class: 'note' }, 'Choose a persona first.'),
        h('button', { type: 'button', class: 'primary', onclick: () => ctx.open('personas') }, 'Go to Personas'));
      return;
    }
    const lists = await Promise.all(HEADLINES.map(k => asPersona('GET', `${k.set}?$select=${COLUMNS}&$orderby=sensei_name`)));
    show(main,
      h('h2', {}, `What ${p.name} can see`),
      h('p', { class: 'muted' }, 'Each list is a Web API query made with this persona’s token; rows the persona may not read are left out by the emulator.'),
      h('div', { class: 'cols' }, HEADLINES.map((k, i) => column(k, lists[i].body.value, main, ctx))));
  },
};

function column(kind, rows, main, ctx) {
  return h('section', { class: 'card', 'data-list': kind.set, 'aria-label': kind.title },
    h('h3', {}, `${kind.title} (${rows.length})`),
    rows.length === 0 ? h('p', { class: 'muted' }, 'None visible.') : h('ul', { class: 'records' }, rows.map(r => h('li', { 'data-name': r.sensei_name },
      h('button', { type: 'button', class: 'linkish', 'data-open': r.sensei_name, onclick: () => record(kind, r[`${kind.table}id`], main, ctx) }, r.sensei_name),
      ' ', whyButton(kind.set, r[`${kind.table}id`], r.sensei_name, ctx)))));
}

function whyButton(set, id, name, ctx) {
  const p = current();
  return h('button', { type: 'button', class: 'small', 'data-why': name, 'aria-label': `Why can ${p.name} see ${name}?`,
    onclick: () => explain(p.upn, p.name, set, id, name, ctx.errorBox) }, 'Why?');
}

/** One record: its fields, an edit form (the write goes through the Web API and may be refused), its registers. */
async function record(kind, id, main, ctx) {
  const p = current();
  const row = (await asPersona('GET', `${kind.set}(${id})`)).body;
  const message = h('div', { id: 'save-result', 'aria-live': 'polite' });
  const name = h('input', { id: 'edit-name', value: row.sensei_name, size: 40 });
  const description = h('textarea', { id: 'edit-description', rows: 2, cols: 60 });
  description.value = row.sensei_description || '';
  const save = async ev => {
    ev.preventDefault();
    try {
      await asPersona('PATCH', `${kind.set}(${id})`, { sensei_name: name.value, sensei_description: description.value }, { 'If-Match': '*' });
      show(message, h('p', { class: 'note' }, `Saved as ${p.name}.`));
      ctx.status(`Saved ${name.value}.`);
    } catch (e) {
      show(message, ctx.errorBox(e, `${p.name} may not change this record`));
      ctx.status(`Write refused: ${e.code}`);
    }
  };
  const registers = kind.table === 'sensei_project' ? await projectRegisters(id, ctx) : [];
  const status = kind.table === 'sensei_project' ? statusUpdates(id, ctx) : null;
  show(main,
    h('button', { type: 'button', onclick: () => ctx.open('browse') }, '← Back to the lists'),
    h('h2', { id: 'record-title' }, row.sensei_name, ' ', whyButton(kind.set, id, row.sensei_name, ctx)),
    h('div', { class: 'kv' },
      h('span', { class: 'muted' }, 'Owner'), h('span', {}, formatted(row, '_ownerid_value')),
      h('span', { class: 'muted' }, 'Business unit'), h('span', {}, formatted(row, '_owningbusinessunit_value')),
      h('span', { class: 'muted' }, 'Status'), h('span', {}, formatted(row, 'statuscode')),
      row._sensei_program_value ? [h('span', { class: 'muted' }, 'Program'), h('span', {}, formatted(row, '_sensei_program_value'))] : null,
      row._sensei_portfolio_value ? [h('span', { class: 'muted' }, 'Portfolio'), h('span', {}, formatted(row, '_sensei_portfolio_value'))] : null),
    h('h3', {}, 'Edit'),
    h('form', { class: 'inline-form', onsubmit: save },
      h('label', {}, 'Name', name), h('label', {}, 'Description', description),
      h('button', { type: 'submit', class: 'primary', id: 'save' }, `Save as ${p.name}`)),
    message,
    status,
    registers);
}

/** Creates a status update as the persona (the product calculates its panels and KPIs as that user) and shows them. */
function statusUpdates(projectId, ctx) {
  const p = current();
  const out = h('div', { id: 'status-panels', 'aria-live': 'polite' });
  const create = async () => {
    try {
      const created = await asPersona('POST', 'sensei_statusupdates',
        { sensei_name: `Status by ${p.name}`, 'sensei_projectlink@odata.bind': `/sensei_projects(${projectId})` });
      const id = /\(([0-9a-fA-F-]{36})\)/.exec(created.headers.get('OData-EntityId'))[1];
      const [panels, row] = await Promise.all([
        asPersona('POST', 'sensei_GetStatusUpdatePanels', { StatusUpdateId: id }).then(r => r.body.Panels),
        asPersona('GET', `sensei_statusupdates(${id})`).then(r => r.body)]);
      show(out,
        h('p', { class: 'note', id: 'status-overall' }, h('strong', {}, 'Overall: '), formatted(row, 'sensei_overallstatus') || '—',
          ` (calculated as ${p.name}: panels count only rows this user can read)`),
        h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Panel'), h('th', {}, 'Value'), h('th', {}, 'KPI'), h('th', {}, 'Warning'))),
          h('tbody', {}, panels.map(x => h('tr', { 'data-panel': x.Field },
            h('td', {}, x.Label || x.Field), h('td', {}, x.Value === null ? '—' : `${x.Value}${x.Suffix ? ` ${x.Suffix}` : ''}`),
            h('td', {}, x.Kpi ? formatted(row, x.Kpi) : ''), h('td', {}, x.Warning ? 'yes' : ''))))));
    } catch (e) {
      show(out, ctx.errorBox(e, `${p.name} may not create a status update here`));
    }
  };
  return h('section', { 'aria-label': 'Status update' }, h('h3', {}, 'Status update'),
    h('button', { type: 'button', id: 'status-create', onclick: create }, `Create a status update as ${p.name}`), out);
}

async function projectRegisters(projectId, ctx) {
  const p = current();
  const lists = await Promise.all(REGISTERS.map(r =>
    asPersona('GET', `${r.set}?$select=sensei_name,statuscode,_ownerid_value&$filter=_sensei_project_value eq ${projectId}&$orderby=sensei_name`)));
  return h('section', { 'aria-label': 'Registers' }, h('h3', {}, 'Registers'),
    h('table', { id: 'registers' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Register'), h('th', {}, 'Name'), h('th', {}, 'Status'), h('th', {}, 'Owner'), h('th', {}, ''))),
      h('tbody', {}, REGISTERS.flatMap((r, i) => lists[i].body.value.map(row => h('tr', {},
        h('td', {}, r.title), h('td', {}, row.sensei_name), h('td', {}, formatted(row, 'statuscode')),
        h('td', {}, formatted(row, '_ownerid_value')),
        h('td', {}, h('button', { type: 'button', class: 'small', 'aria-label': `Why can ${p.name} see ${row.sensei_name}?`,
          onclick: () => explain(p.upn, p.name, r.set, row[`${r.set.replace(/s$/, '')}id`], row.sensei_name, ctx.errorBox) }, 'Why?'))))))));
}
