// Reset: put the demo back as it was when this session's emulator started (an admin-only restore of the start snapshot).
import { h, show } from '../dom.js';
import { asAdmin, forget } from '../session.js';

export default {
  id: 'reset',
  title: 'Reset',
  async render(main, ctx) {
    const info = await fetch('/lab/reset').then(r => r.json());
    const result = h('div', { id: 'reset-result', 'aria-live': 'polite' });
    const confirm = h('button', { type: 'button', id: 'reset-confirm', class: 'danger', hidden: true, onclick: async () => {
      confirm.disabled = true;
      show(result, h('p', { class: 'muted' }, 'Restoring the start snapshot…'));
      try {
        const r = (await asAdmin('POST', '/lab/reset')).body;
        forget();
        show(result, h('p', { class: 'note' }, `The demo is back as it was at ${new Date(r.snapshotTakenAt).toLocaleTimeString()}: `
          + `restored in ${(r.totalMillis / 1000).toFixed(1)} s. Everyone is signed out; choose a persona again.`));
        ctx.status('Demo reset.');
      } catch (e) {
        show(result, ctx.errorBox(e, 'Reset refused'));
      } finally {
        confirm.disabled = false;
        confirm.hidden = true;
      }
    } }, 'Yes, reset the demo now');
    show(main,
      h('h2', {}, 'Reset the demo'),
      info.available
        ? h('p', { class: 'note' }, `Puts every table, group and setting back as it was when this emulator started `
          + `(${new Date(info.snapshotTakenAt).toLocaleTimeString()}). Done as the Admin User; takes a few seconds, during which requests wait. `
          + 'The clock is not moved back.')
        : h('p', { class: 'error' }, 'This emulator was started without a start snapshot, so it cannot be reset. Start it with ./lab train (or ./lab serve --resettable).'),
      h('div', { class: 'inline-form' },
        h('button', { type: 'button', id: 'reset', class: 'primary', disabled: !info.available, onclick: () => { confirm.hidden = false; confirm.focus(); } },
          'Reset the demo…'),
        confirm),
      result);
  },
};
