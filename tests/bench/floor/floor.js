// The benchmark's floor page: the large client's items (data.json, written by sync-core's
// floor_data example) in a windowed table, filtered by name in one pass over pre-lowered names,
// with Exclude / Include buttons that update the row and the status tiles. No framework.
const ROW_HEIGHT = 48;
const OVERSCAN = 10;
const ICONS = {
  Matched: 'M4 8.5l2.5 2.5L12 5.5',
  'Not Synced': 'M8 4.5v4M8 11v.5',
  Excluded: 'M4.8 11.2l6.4-6.4',
};
const CLASSES = { Matched: 'status-matched', 'Not Synced': 'status-not-synced', Excluded: 'status-excluded' };

const $ = (id) => document.getElementById(id);
const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const data = await (await fetch('data.json')).json();
const items = data.items;
const counts = data.counts;
const lowered = items.map((item) => item[0].toLowerCase());
const statuses = items.map((item) => item[2]);
// Status before an exclude, so Include can restore it.
const before = new Map();
let hits = Int32Array.from(items.keys());
let shown = 0;
let scrollTop = 0;
let viewHeight = ROW_HEIGHT * 12;

function badge(status) {
  return `<span class="status ${CLASSES[status]}"><svg class="status-icon" viewBox="0 0 16 16" aria-hidden="true"><g><circle cx="8" cy="8" r="7"></circle></g><path d="${ICONS[status]}"></path></svg>${status}</span>`;
}

function renderCounts() {
  $('total').textContent = (counts.matched + counts.notSynced + counts.excluded).toLocaleString('en-US');
  $('counts').innerHTML = [['Matched', counts.matched], ['Not Synced', counts.notSynced], ['Excluded', counts.excluded]]
    .map(([status, n]) => `<div class="status-count"><dt>${badge(status)}</dt><dd>${n.toLocaleString('en-US')}</dd></div>`)
    .join('');
}

function row(i, position) {
  const [name, type, , sourceId, record] = items[i];
  const status = statuses[i];
  const action = status === 'Excluded' ? 'Include' : 'Exclude';
  return `<tr aria-rowindex="${position + 2}"><td class="select-cell"><input type="checkbox" aria-label="Select ${escape(name)}"></td><th scope="row" class="name-cell"><span class="item-name">${escape(name)}</span><span class="source-id">ID ${sourceId}</span></th><td>${type}</td><td>${badge(status)}</td><td class="record-cell">${record == null ? '—' : `<span class="record-name">${escape(record)}</span>`}</td><td class="actions-cell"><button class="button" type="button" data-item="${i}">${action}</button></td></tr>`;
}

function renderRows() {
  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const visible = Math.ceil(Math.ceil(Math.max(viewHeight, ROW_HEIGHT) / ROW_HEIGHT) / OVERSCAN) * OVERSCAN;
  const offset = Math.floor(Math.max(0, first - OVERSCAN) / OVERSCAN) * OVERSCAN;
  const end = Math.min(shown, offset + visible + 3 * OVERSCAN);
  let html = offset > 0 ? `<tr aria-hidden="true" style="height:${offset * ROW_HEIGHT}px"></tr>` : '';
  for (let p = offset; p < end; p++) html += row(hits[p], p);
  if (end < shown) html += `<tr aria-hidden="true" style="height:${(shown - end) * ROW_HEIGHT}px"></tr>`;
  $('rows').innerHTML = html;
  $('item-count').textContent = `${shown.toLocaleString('en-US')} items`;
}

function filter(text) {
  const needle = text.trim().toLowerCase();
  if (hits.length !== items.length) hits = new Int32Array(items.length);
  let n = 0;
  for (let i = 0; i < lowered.length; i++) if (needle === '' || lowered[i].includes(needle)) hits[n++] = i;
  shown = n;
  $('scroller').scrollTop = 0;
  scrollTop = 0;
  renderRows();
}

function act(i) {
  const from = statuses[i];
  const to = from === 'Excluded' ? before.get(i) ?? 'Matched' : 'Excluded';
  if (from !== 'Excluded') before.set(i, from);
  const key = { Matched: 'matched', 'Not Synced': 'notSynced', Excluded: 'excluded' };
  counts[key[from]] -= 1;
  counts[key[to]] += 1;
  statuses[i] = to;
  renderCounts();
  renderRows();
}

const scroller = $('scroller');
viewHeight = Math.max(innerHeight - scroller.getBoundingClientRect().top - 32, 6 * ROW_HEIGHT);
scroller.style.maxHeight = `${viewHeight}px`;
scroller.addEventListener('scroll', () => {
  scrollTop = scroller.scrollTop;
  renderRows();
});
$('floor-filter').addEventListener('input', (e) => filter(e.target.value));
$('rows').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-item]');
  if (button) act(Number(button.dataset.item));
});
renderCounts();
filter('');
