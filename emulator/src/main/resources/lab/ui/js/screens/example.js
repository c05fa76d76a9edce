// The documented IT/HR example, live: users × records, measured by calls made as each user, beside the documentation.
import { formatted } from '../api.js';
import { h, show } from '../dom.js';
import { explain } from '../explain.js';
import { accessOf, TABLES } from '../access.js';
import { documented, QUOTES, USERS } from '../documented.js';
import { asAdmin } from '../session.js';

const LABEL = { RW: 'R/W', R: 'Read', none: 'none' };

export default {
  id: 'example',
  title: 'Documented example',
  async render(main, ctx) {
    ctx.status('Measuring: each user lists every table and asks RetrievePrincipalAccess on each row it can read…');
    const records = await allRecords();
    const measured = await Promise.all(USERS.map(u => accessOf(u.upn)));
    let differences = 0;
    let compared = 0;
    const body = records.map(rec => h('tr', { 'data-record': rec.name },
      h('th', { scope: 'row' }, rec.name, h('span', { class: 'muted small' }, ` ${rec.bu}`)),
      USERS.map((u, i) => {
        const got = measured[i].get(rec.id) || 'none';
        const doc = documented(u.key, rec.table, rec.name);
        const differs = doc !== null && doc !== got;
        if (doc !== null) compared++;
        if (differs) differences++;
        return h('td', { class: differs ? 'diff' : null, 'data-user': u.key, 'data-access': got, 'data-documented': doc ?? 'not documented' },
          h('button', { type: 'button', class: `access ${got.toLowerCase()}`, 'aria-label': `${u.name} on ${rec.name}: ${LABEL[got]}. Why?`,
            onclick: () => explain(u.upn, u.name, rec.set, rec.id, rec.name, ctx.errorBox) }, LABEL[got]),
          differs ? h('span', { class: 'diffmark' }, ` ≠ documented ${LABEL[doc]}`) : null,
          doc === null ? h('span', { class: 'muted small' }, ' (not in the example)') : null);
      })));
    show(main,
      h('h2', {}, 'The documented IT/HR example, measured live'),
      h('p', { id: 'example-summary', class: differences ? 'error' : 'note', 'data-differences': differences },
        differences === 0
          ? `All ${compared} documented cells match: what each user can do, measured now through the Web API, is what the documentation says.`
          : `${differences} of ${compared} documented cells differ from the documentation (outlined in red). The data has changed since the demo was loaded.`),
      h('table', { id: 'matrix' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Record'), USERS.map(u => h('th', { scope: 'col' }, u.name, h('div', { class: 'muted small' }, u.bu))))),
        h('tbody', {}, body)),
      h('p', { class: 'muted' }, 'Read/write: RetrievePrincipalAccess as the user includes WriteAccess. Read: the row is in the user’s list. '
        + 'None: the emulator leaves it out of the user’s list. Press a cell to ask lab_Explain why. '
        + 'Tokens already held are reused: a user is signed in again only on the Groups screen.'),
      h('button', { type: 'button', class: 'primary', id: 'recompute', onclick: () => ctx.open('example') }, 'Measure again'),
      h('h3', {}, 'What the documentation says'),
      h('ul', {}, USERS.map(u => h('li', {}, h('strong', {}, `${u.name} (${u.bu}): `), QUOTES[u.key]))));
    ctx.status(`Matrix measured: ${differences} difference(s) from the documentation.`);
  },
};

/** Every portfolio, program and project, read as the admin: the example's 16 and any the trainer added. */
async function allRecords() {
  const order = { IT: 0, HR: 1 };
  const lists = await Promise.all(TABLES.map(t => asAdmin('GET', `${t.set}?$select=sensei_name,_owningbusinessunit_value&$orderby=sensei_name`)));
  return TABLES.flatMap((t, i) => lists[i].body.value.map(r => ({
    id: r[`${t.table}id`], name: r.sensei_name, set: t.set, table: t.table, bu: formatted(r, '_owningbusinessunit_value'), kind: i,
  }))).sort((a, b) => (order[a.bu] ?? 9) - (order[b.bu] ?? 9) || a.kind - b.kind || a.name.localeCompare(b.name, undefined, { numeric: true }));
}
