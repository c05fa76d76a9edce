// Persona switcher: every person of the organisation; choosing one signs in as them through the token endpoint.
import { h, show } from '../dom.js';
import { loadPeople, shortRole } from '../people.js';
import { choose, current, DEMO_PASSWORD } from '../session.js';

export default {
  id: 'personas',
  title: 'Personas',
  async render(main, { open, status, errorBox }) {
    const people = await loadPeople();
    const chosen = current();
    const rows = people.map(p => h('tr', { 'data-upn': p.upn, class: chosen && chosen.upn === p.upn ? 'chosen' : null },
      h('td', {}, h('strong', {}, p.name)),
      h('td', {}, p.upn),
      h('td', {}, p.bu),
      h('td', {}, p.roles.map(shortRole).join(', ')),
      h('td', { class: 'row-actions' }, h('button', {
        type: 'button', class: 'primary small', 'data-signin': p.upn, 'aria-label': `Sign in as ${p.name}`,
        onclick: async () => {
          status(`Signing in as ${p.upn}…`);
          try {
            await choose(p);
            status(`Signed in as ${p.name} through the token endpoint.`);
            open('browse');
          } catch (e) {
            show(main, h('h2', {}, 'Personas'), errorBox(e, `Could not sign in as ${p.upn}`));
          }
        },
      }, 'Sign in'))));
    show(main,
      h('h2', {}, 'Choose a persona'),
      h('p', { class: 'note' }, `Each person below is read live from the organisation (users, business units, roles). `
        + `"Sign in" asks the emulator's token endpoint for a token with the documented demo password (“${DEMO_PASSWORD}”); `
        + 'every screen then calls the Web API with that token, exactly as the product would.'),
      h('table', { id: 'people' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'User name'), h('th', {}, 'Business unit'), h('th', {}, 'Roles'), h('th', {}, ''))),
        h('tbody', {}, rows)));
  },
};
