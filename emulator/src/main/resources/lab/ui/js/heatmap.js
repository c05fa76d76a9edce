// The capacity heat map: capacity and demand hours per resource per month (two FetchXML aggregates, the queries of
// resourcing/HeatMapQueries), drawn as plain SVG: one row per resource, one column per month.
import { svg } from './dom.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** FetchXML summing column per resource per month, for the resources, between two ISO dates (both included). */
export function monthlyFetch(table, column, resourceIds, from, to) {
  return `<fetch aggregate="true"><entity name="${table}">`
    + '<attribute name="sensei_bookableresource" groupby="true" alias="resource"/>'
    + '<attribute name="sensei_date" groupby="true" dategrouping="year" alias="year"/>'
    + '<attribute name="sensei_date" groupby="true" dategrouping="month" alias="period"/>'
    + `<attribute name="${column}" aggregate="sum" alias="hours"/>`
    + '<filter type="and"><condition attribute="sensei_bookableresource" operator="in">'
    + resourceIds.map(id => `<value>${id}</value>`).join('')
    + `</condition><condition attribute="sensei_date" operator="on-or-after" value="${from}"/>`
    + `<condition attribute="sensei_date" operator="on-or-before" value="${to}"/></filter>`
    + '<order alias="resource"/><order alias="year"/><order alias="period"/></entity></fetch>';
}

/** Map "resourceId|year|month" → hours from an aggregate answer. */
export function byCell(rows) {
  const out = new Map();
  for (const r of rows) out.set(`${r.resource}|${r.year}|${r.period}`, Number(r.hours) || 0);
  return out;
}

/** The months (as {year, month}) from the first month for count months. */
export function monthsFrom(year, month, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const m = (month - 1 + i) % 12;
    out.push({ year: year + Math.floor((month - 1 + i) / 12), month: m + 1 });
  }
  return out;
}

function fill(capacity, demand) {
  if (!capacity) return demand ? '#f4a6a6' : '#e6e6e6';
  const load = demand / capacity;
  if (load > 1) return '#f4a6a6';
  if (load >= 0.8) return '#ffe08a';
  return '#d8f0dc';
}

/** The SVG: resources [{id, name}], months [{year, month}], capacity and demand maps from byCell. */
export function heatMap(resources, months, capacity, demand) {
  const labelW = 170; const cellW = 150; const cellH = 46; const headH = 30;
  const width = labelW + cellW * months.length; const height = headH + cellH * resources.length;
  const root = svg('svg', { class: 'heat', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'Heat map of demand against capacity per resource per month' });
  months.forEach((m, j) => root.append(svg('text', { class: 'label', x: labelW + j * cellW + 8, y: 20 }, `${MONTHS[m.month - 1]} ${m.year}`)));
  resources.forEach((r, i) => {
    const y = headH + i * cellH;
    root.append(svg('text', { class: 'label', x: 4, y: y + 28 }, r.name));
    months.forEach((m, j) => {
      const key = `${r.id}|${m.year}|${m.month}`;
      const cap = capacity.get(key) || 0; const dem = demand.get(key) || 0;
      const x = labelW + j * cellW;
      const cell = svg('g', { 'data-cell': `${r.name}|${m.year}-${String(m.month).padStart(2, '0')}`, 'data-capacity': cap, 'data-demand': dem },
        svg('rect', { x, y, width: cellW - 4, height: cellH - 4, rx: 4, fill: fill(cap, dem), stroke: '#555' }),
        svg('text', { x: x + 8, y: y + 18 }, `${fmt(dem)} of ${fmt(cap)} h`),
        svg('text', { x: x + 8, y: y + 36 }, cap ? `${Math.round((dem / cap) * 100)} % booked` : (dem ? 'no capacity' : '—')),
        svg('title', {}, `${r.name}, ${MONTHS[m.month - 1]} ${m.year}: demand ${fmt(dem)} h, capacity ${fmt(cap)} h`));
      root.append(cell);
    });
  });
  return root;
}

function fmt(n) { return Number.isInteger(n) ? String(n) : n.toFixed(1); }
