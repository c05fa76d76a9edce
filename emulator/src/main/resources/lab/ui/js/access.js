// What a user can do with each headline record, measured by calls made as that user: a list per table (rows the
// user cannot read are left out) and RetrievePrincipalAccess on each readable row (does it include WriteAccess?).
import { targetAlias } from './api.js';
import { as } from './session.js';

export const TABLES = [
  { set: 'sensei_portfolios', table: 'sensei_portfolio', label: 'Portfolio' },
  { set: 'sensei_programs', table: 'sensei_program', label: 'Program' },
  { set: 'sensei_projects', table: 'sensei_project', label: 'Project' },
];

/** Map of record id → 'RW' | 'R' for upn (ids missing from the map: no access), with the token held for upn. */
export async function accessOf(upn) {
  const userId = (await as(upn, 'GET', 'WhoAmI()')).body.UserId;
  const out = new Map();
  await Promise.all(TABLES.map(async t => {
    const rows = (await as(upn, 'GET', `${t.set}?$select=sensei_name`)).body.value;
    await Promise.all(rows.map(async r => {
      const id = r[`${t.table}id`];
      const rights = (await as(upn, 'GET',
        `systemusers(${userId})/Microsoft.Dynamics.CRM.RetrievePrincipalAccess(Target=@t)?${targetAlias(t.set, id)}`)).body.AccessRights;
      out.set(id, /WriteAccess/.test(rights) ? 'RW' : 'R');
    }));
  }));
  return out;
}
