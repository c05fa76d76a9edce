// Microsoft 365 group teams: change a group's members, then show the delay (the Dataverse team follows at the member's
// next sign-in, at the periodic sync, or when an admin forces it) and the effect on what the member can do.
import { h, show } from '../dom.js';
import { accessOf, TABLES } from '../access.js';
import { loadPeople } from '../people.js';
import { asAdmin, lastSignIn, signInAgain } from '../session.js';

const LABEL = { RW: 'Read/write', R: 'Read only', none: 'No access' };
const state = { teamId: null, upn: 'blue@contoso.test' };

export default {
  id: 'groups',
  title: 'Groups',
  async render(main, ctx) {
    const [teams, people] = await Promise.all([
      asAdmin('GET', 'teams?$select=name&$filter=teamtype eq 3&$orderby=name').then(r => r.body.value),
      loadPeople()]);
    if (!state.teamId || !teams.some(t => t.teamid === state.teamId)) {
      state.teamId = (teams.find(t => t.name === 'IT Program 3') || teams[0]).teamid;
    }
    const team = teams.find(t => t.teamid === state.teamId);
    const person = people.find(p => p.upn === state.upn) || people[0];
    const [group, owned] = await Promise.all([
      asAdmin('GET', `/lab/groups/${state.teamId}`).then(r => r.body),
      ownedBy(state.teamId)]);
    const access = await accessOf(person.upn);

    const teamSelect = h('select', { id: 'group-team', onchange: e => { state.teamId = e.target.value; ctx.open('groups'); } },
      teams.map(t => h('option', { value: t.teamid, selected: t.teamid === state.teamId }, t.name)));
    const personSelect = h('select', { id: 'group-person', onchange: e => { state.upn = e.target.value; ctx.open('groups'); } },
      people.map(p => h('option', { value: p.upn, selected: p.upn === person.upn }, `${p.name} (${p.bu})`)));
    const inGroup = group.group.includes(person.upn);
    const act = async (label, action) => {
      ctx.status(`${label}…`);
      try {
        await action();
        ctx.status(`${label}: done.`);
        await ctx.open('groups');
      } catch (e) {
        main.append(ctx.errorBox(e, label));
      }
    };
    const pending = group.pendingAdd.length || group.pendingRemove.length;
    const since = lastSignIn(person.upn);
    show(main,
      h('h2', {}, 'Microsoft 365 group teams'),
      h('div', { class: 'inline-form' }, h('label', {}, 'Group team', teamSelect), h('label', {}, 'Person', personSelect)),
      h('div', { class: 'cols' },
        h('section', { class: 'card', id: 'group-members' }, h('h3', {}, 'Group (Entra ID)'), members(group.group)),
        h('section', { class: 'card', id: 'team-members' }, h('h3', {}, 'Team (Dataverse)'), members(group.team)),
        h('section', { class: 'card', id: 'group-effect' }, h('h3', {}, `What ${person.name} can do`),
          owned.length ? h('ul', {}, owned.map(r => h('li', { 'data-record': r.name, 'data-access': access.get(r.id) || 'none' },
            `${r.name}: `, h('strong', {}, LABEL[access.get(r.id) || 'none'])))) : h('p', { class: 'muted' }, 'The team owns no headline record.'),
          h('p', { class: 'muted small' }, since ? `Measured with the token from ${person.name}’s sign-in at ${since.toLocaleTimeString()}.` : 'Signed in just now to measure.'))),
      h('div', { id: 'group-pending', class: pending ? 'pending' : 'note' },
        pending
          ? [h('strong', {}, 'Not in effect yet. '),
            `The group has changed but the Dataverse team has not: ${describe(group)}. Nothing changes for the member until they sign in again, `
            + 'the periodic group sync runs, or an admin forces the sync.']
          : 'The team matches its group: every change is in effect.'),
      h('div', { class: 'inline-form' },
        inGroup
          ? h('button', { type: 'button', id: 'group-remove', class: 'danger', onclick: () => act(`Removing ${person.upn} from ${team.name}`,
            () => asAdmin('POST', `/lab/groups/${state.teamId}/members`, { remove: [person.upn] })) }, `Remove ${person.name} from the group`)
          : h('button', { type: 'button', id: 'group-add', class: 'primary', onclick: () => act(`Adding ${person.upn} to ${team.name}`,
            () => asAdmin('POST', `/lab/groups/${state.teamId}/members`, { add: [person.upn] })) }, `Add ${person.name} to the group`),
        h('button', { type: 'button', id: 'group-signin', onclick: () => act(`Signing in again as ${person.upn}`, () => signInAgain(person.upn)) },
          `Sign in again as ${person.name}`),
        h('button', { type: 'button', id: 'group-sync', onclick: () => act('Running the group sync (as admin)', () => asAdmin('POST', '/lab/groups/sync')) },
          'Run the sync now (admin)'),
        h('button', { type: 'button', onclick: () => ctx.open('example') }, 'See the documented example')),
      h('p', { class: 'muted' }, 'Group changes are made as the Admin User through the lab’s group directory (POST /lab/groups/{team}/members); '
        + 'the emulator reconciles a member’s teams when that member signs in, every LAB_GROUP_SYNC_INTERVAL (default one hour of lab time), '
        + 'or on POST /lab/groups/sync, as the product documentation describes for Dataverse.'));
  },
};

function members(list) {
  return list.length ? h('ul', {}, list.map(m => h('li', { 'data-member': m }, m))) : h('p', { class: 'muted' }, 'No members.');
}

function describe(group) {
  const parts = [];
  if (group.pendingAdd.length) parts.push(`${group.pendingAdd.join(', ')} to join`);
  if (group.pendingRemove.length) parts.push(`${group.pendingRemove.join(', ')} to leave`);
  return parts.join('; ');
}

/** The portfolios, programs and projects the team owns (read as the admin). */
async function ownedBy(teamId) {
  const lists = await Promise.all(TABLES.map(t => asAdmin('GET', `${t.set}?$select=sensei_name&$filter=_ownerid_value eq ${teamId}`)));
  return TABLES.flatMap((t, i) => lists[i].body.value.map(r => ({ id: r[`${t.table}id`], name: r.sensei_name })));
}
