// Time and resources: the emulator clock, and the resource manager's heat map of capacity against demand.
import { h, show } from '../dom.js';
import { byCell, heatMap, monthlyFetch, monthsFrom } from '../heatmap.js';
import { as, asAdmin, dropTokens } from '../session.js';

const MANAGER = 'resourcemanager@contoso.test';
const state = { start: null };

export default {
  id: 'resources',
  title: 'Time & resources',
  async render(main, ctx) {
    const clock = await readClock();
    const now = new Date(clock.now);
    if (!state.start) state.start = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
    const months = monthsFrom(state.start.year, state.start.month, 6);
    const first = months[0]; const last = months[months.length - 1];
    const from = iso(first.year, first.month, 1);
    const to = iso(last.year, last.month, new Date(Date.UTC(last.year, last.month, 0)).getUTCDate());

    const resources = (await as(MANAGER, 'GET', 'bookableresources?$select=name&$orderby=name')).body.value
      .map(r => ({ id: r.bookableresourceid, name: r.name }));
    const ids = resources.map(r => r.id);
    const [capacity, demand, projects] = await Promise.all([
      fetchXml('sensei_resourcecapacities', monthlyFetch('sensei_resourcecapacity', 'sensei_capacity', ids, from, to)),
      fetchXml('sensei_resourcedemands', monthlyFetch('sensei_resourcedemand', 'sensei_hours', ids, from, to)),
      as(MANAGER, 'GET', 'sensei_projects?$select=sensei_name&$orderby=sensei_name').then(r => r.body.value)]);

    const startInput = h('input', { type: 'month', id: 'heat-start', value: `${first.year}-${String(first.month).padStart(2, '0')}`,
      onchange: e => { const [y, m] = e.target.value.split('-').map(Number); if (y && m) { state.start = { year: y, month: m }; ctx.open('resources'); } } });
    const project = h('select', { id: 'demand-project' }, projects.map(p => h('option', { value: p.sensei_projectid }, p.sensei_name)));
    const resource = h('select', { id: 'demand-resource' }, resources.map(r => h('option', { value: r.id }, r.name)));
    const month = h('select', { id: 'demand-month' }, months.map(m => h('option', { value: `${m.year}-${m.month}` }, `${m.year}-${String(m.month).padStart(2, '0')}`)));
    const hours = h('input', { id: 'demand-hours', type: 'number', min: 0, max: 744, step: 1, value: 120, size: 5 });
    const result = h('div', { 'aria-live': 'polite' });
    const save = async ev => {
      ev.preventDefault();
      const [y, m] = month.value.split('-').map(Number);
      const body = { Target: { '@odata.id': `sensei_projects(${project.value})` },
        Demand: [{ ResourceId: resource.value, Date: iso(y, m, 1), EndDate: iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()), Hours: Number(hours.value) }] };
      try {
        await as(MANAGER, 'POST', 'sensei_SaveResourcePlan', body);
        ctx.status('Demand saved by the Resource Manager (sensei_SaveResourcePlan).');
        await ctx.open('resources');
      } catch (e) {
        show(result, ctx.errorBox(e, 'The resource plan save was refused'));
      }
    };

    show(main,
      h('h2', {}, 'Time and resources'),
      clockSection(clock, ctx),
      h('h3', {}, 'Heat map: demand against capacity, per resource per month (as the Resource Manager)'),
      h('div', { class: 'inline-form' }, h('label', {}, 'First month', startInput)),
      h('div', { class: 'legend' },
        h('span', {}, h('span', { class: 'swatch low' }), 'under 80 % booked'), h('span', {}, h('span', { class: 'swatch mid' }), '80–100 %'),
        h('span', {}, h('span', { class: 'swatch high' }), 'over capacity'), h('span', {}, h('span', { class: 'swatch nocap' }), 'no capacity rows')),
      h('div', { id: 'heatmap' }, heatMap(resources, months, byCell(capacity), byCell(demand))),
      h('h3', {}, 'Add demand (a resource-plan save as the Resource Manager)'),
      h('form', { class: 'inline-form', onsubmit: save },
        h('label', {}, 'Project', project), h('label', {}, 'Resource', resource), h('label', {}, 'Month', month),
        h('label', {}, 'Hours', hours), h('button', { type: 'submit', class: 'primary', id: 'demand-save' }, 'Save demand')),
      result,
      h('p', { class: 'muted' }, 'Capacity comes from each resource’s enterprise calendar over the capacity horizon (1 year behind, 3 ahead of the emulator clock); '
        + 'demand from resource plans. Both are FetchXML aggregates grouped by resource and month, filtered by the Resource Manager’s security.'));
  },
};

async function fetchXml(set, xml) {
  return (await as(MANAGER, 'GET', `${set}?fetchXml=${encodeURIComponent(xml)}`)).body.value;
}

function iso(y, m, d) { return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`; }

/** The lab clock (GET /lab/clock, admin): now, real or simulated. */
async function readClock() {
  return (await asAdmin('GET', '/lab/clock')).body;
}

function clockSection(clock, ctx) {
  const advance = by => async () => {
    try {
      await asAdmin('POST', '/lab/clock', { advance: by });
      dropTokens(); // tokens expire by the lab clock: the ones held are now out of date
      ctx.status(`Clock advanced by ${by}; held tokens have expired, so each user signs in again on their next request.`);
      await ctx.open('resources');
    } catch (e) {
      ctx.status(`Clock not moved: ${e.plain || e.message}`);
    }
  };
  return h('section', { class: 'card', id: 'clock' },
    h('div', {}, h('strong', {}, 'Emulator clock: '), h('span', { id: 'clock-now' }, new Date(clock.now).toUTCString()),
      clock.mode ? h('span', { class: 'muted' }, ` (${clock.mode})`) : null),
    h('div', { class: 'inline-form' },
      h('button', { type: 'button', id: 'clock-day', onclick: advance('P1D') }, 'Advance 1 day'),
      h('button', { type: 'button', id: 'clock-month', onclick: advance('P30D') }, 'Advance 30 days')),
    h('p', { class: 'muted small' }, 'Token expiry, the group sync, the capacity horizon and log retention follow this clock; it only moves forward (POST /lab/clock as the Admin User).'));
}
