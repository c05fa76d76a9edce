// The page shell: navigation between screens (one module each), the "acting as" line and the status line.
import { h, show } from './dom.js';
import { onPersonaChange } from './session.js';
import { shortRole } from './people.js';
import personas from './screens/personas.js';
import browse from './screens/browse.js';
import example from './screens/example.js';
import groups from './screens/groups.js';
import resources from './screens/resources.js';
import reset from './screens/reset.js';

const screens = [personas, browse, example, groups, resources, reset];
const nav = document.getElementById('nav');
const main = document.getElementById('screen');
const statusLine = document.getElementById('status');
let active = null;

/** The status line at the foot of the page (one line, so the layout does not move). */
export function status(text) { statusLine.textContent = text; }

/** The error of a failed step, in plain words with Dataverse's code and message below. */
export function errorBox(e, doing) {
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, doing ? `${doing}: ` : '', e.plain || e.message),
    e.code || e.status ? h('div', {}, 'Dataverse error ', h('span', { class: 'code' }, e.code || '—'), ` (HTTP ${e.status})`) : null,
    e.plain ? h('div', { class: 'small' }, e.message) : null);
}

export async function open(id) {
  const screen = screens.find(s => s.id === id) || screens[0];
  active = screen;
  for (const b of nav.querySelectorAll('button')) {
    if (b.dataset.screen === screen.id) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
  }
  main.dataset.screen = screen.id;
  main.setAttribute('aria-busy', 'true');
  show(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    await screen.render(main, { open, status, errorBox });
  } catch (e) {
    if (active === screen) show(main, h('h2', {}, screen.title), errorBox(e, 'Could not show this screen'));
  } finally {
    if (active === screen) main.setAttribute('aria-busy', 'false');
  }
}

for (const s of screens) {
  nav.append(h('button', { type: 'button', 'data-screen': s.id, onclick: () => open(s.id) }, s.title));
}

onPersonaChange(p => {
  const acting = document.getElementById('acting');
  if (!p) show(acting, 'Not signed in: choose a persona.');
  else show(acting, 'Acting as ', h('strong', {}, p.name), ` (${p.upn}) · ${p.bu} · ${p.roles.map(shortRole).join(', ')}`);
});

open('personas');
