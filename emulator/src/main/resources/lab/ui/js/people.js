// The people of the running organisation with their business unit and roles, read live through the Web API.
import { formatted } from './api.js';
import { asAdmin } from './session.js';

/** [{id, upn, name, bu, roles: [..]}] sorted by business unit then name; application users left out. */
export async function loadPeople() {
  const users = (await asAdmin('GET',
    'systemusers?$select=fullname,domainname,_businessunitid_value&$filter=applicationid eq null&$orderby=fullname')).body.value;
  const links = (await asAdmin('GET', 'systemuserrolescollection?$select=_systemuserid_value,_roleid_value')).body.value;
  const roles = new Map();
  for (const l of links) {
    const list = roles.get(l._systemuserid_value) || [];
    list.push(formatted(l, '_roleid_value'));
    roles.set(l._systemuserid_value, list);
  }
  const order = { Contoso: 0, IT: 1, HR: 2 };
  return users.map(u => ({
    id: u.systemuserid, upn: u.domainname, name: u.fullname, bu: formatted(u, '_businessunitid_value'),
    roles: (roles.get(u.systemuserid) || []).sort(),
  })).sort((a, b) => (order[a.bu] ?? 9) - (order[b.bu] ?? 9) || a.name.localeCompare(b.name));
}

/** A role name without the product prefix, for narrow cells. */
export function shortRole(role) { return role.replace(/^Sensei IQ - /, ''); }
