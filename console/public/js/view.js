// Drawing the state read by chain.js. Chain data is untrusted (a reporter chooses its
// report's fields): it only ever reaches the page as text nodes and attributes, never as HTML.

/** `h('td', { class: 'x' }, 'text', child)`: an element with attributes and children. */
export function h(tag, attributes = {}, ...children) {
  const svg = ['svg', 'polyline', 'line'].includes(tag);
  const element = svg
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Amounts in the chain's unit: `12.5 UNIT`. */
export function formatter(decimals, symbol) {
  const scale = 10n ** BigInt(decimals);
  return (amount) => {
    const whole = amount / scale;
    const fraction = (amount % scale).toString().padStart(decimals, '0').replace(/0+$/, '').slice(0, 4);
    return `${whole.toLocaleString('en')}${fraction ? `.${fraction}` : ''} ${symbol}`;
  };
}

/** "12 blocks · ~6 s" for a deadline `until` seen from block `now`. */
export function countdown(until, now, msPerBlock) {
  const blocks = Math.max(until - now, 0);
  const seconds = Math.round((blocks * msPerBlock) / 1000);
  const time = seconds >= 3600 ? `${(seconds / 3600).toFixed(1)} h`
    : seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
  return h('span', { class: 'countdown', 'data-blocks-left': blocks }, `${blocks} blocks · ~${time}`);
}

function fill(tableId, rows) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren(...rows);
  document.getElementById(`${tableId}-empty`)?.classList.toggle('hidden', rows.length > 0);
}

/** Draws `state`; `history` maps a monitor's key to its recent values. */
export function render(state, { amount, msPerBlock, history }) {
  const now = state.number;
  document.getElementById('head').textContent = `#${now}`;
  const risk = document.getElementById('risk');
  risk.textContent = `risk: ${state.risk}`;
  risk.dataset.level = state.risk;

  fill('pauses', state.pauses.map((pause) => h('tr', { 'data-target': pause.label },
    h('td', {}, pause.label),
    h('td', {}, `#${pause.since}`),
    h('td', {}, `#${pause.until}`),
    h('td', {}, countdown(pause.until, now, msPerBlock)),
    h('td', {}, pause.holders.map((held) => h('div', {}, `${held.by} until #${held.until}`))),
  )));

  fill('contributions', state.contributions.map((c) => h('tr', {},
    h('td', {}, c.by), h('td', {}, c.level), h('td', {}, `#${c.until}`),
    h('td', {}, countdown(c.until, now, msPerBlock)),
  )));

  document.getElementById('caps').replaceChildren(...state.caps.map((cap) => h('div', {
    class: 'cap', 'data-who': cap.who ?? 'global',
  },
  h('div', { class: 'who' }, cap.who ?? 'global cap (every account with a policy)'),
  cap.unreadable ? h('div', { class: 'empty' }, 'not an account of this chain')
    : cap.windows.length === 0 ? h('div', { class: 'empty' }, 'no cap') : cap.windows.map((w) => {
    const share = w.limit > 0n ? Number((w.used * 1000n) / w.limit) / 10 : 100;
    const bar = h('span', { class: share >= 100 ? 'full' : share >= 80 ? 'high' : null });
    bar.style.width = `${Math.min(share, 100)}%`;
    return h('div', { class: 'window', 'data-remaining': w.remaining.toString() },
      h('span', {}, `${w.scope}, ${w.period} blocks`),
      h('div', { class: 'bar', title: `${share}% used` }, bar),
      h('span', { title: `${w.remaining} of ${w.limit} planck` },
        `${amount(w.remaining)} left of ${amount(w.limit)}`));
  }))));

  document.getElementById('monitors').replaceChildren(...state.monitors.map((m) => h('div', {
    class: 'monitor', 'data-source': m.source, 'data-value': m.value,
  },
  h('div', {}, h('strong', {}, m.source), h('div', { class: 'empty' }, m.summary)),
  chart(history.get(m.key) ?? [], m.bounds),
  h('div', {}, m.value === null ? 'no value yet'
    : `last ${m.source === 'Issuance' ? amount(m.value) : m.value.toLocaleString('en')} (#${m.at})`,
    h('div', { class: 'empty' }, `playbook: ${m.playbook}`)),
  )));
  document.getElementById('monitors-empty').classList.toggle('hidden', state.monitors.length > 0);

  fill('reports', state.reports.map((r) => h('tr', {},
    h('td', {}, r.id), h('td', { class: 'account' }, r.reporter), h('td', {}, r.target),
    h('td', {}, amount(r.deposit)), h('td', {}, `#${r.filed}`),
    h('td', {}, countdown(r.until, now, msPerBlock)),
  )));
  fill('inbound', state.inbound.map((p) => h('tr', {},
    h('td', {}, p.from), h('td', {}, p.by), h('td', {}, `#${p.until}`),
    h('td', {}, countdown(p.until, now, msPerBlock)),
  )));
  fill('sources', state.sources.map((s) => h('tr', {},
    h('td', {}, s.id), h('td', {}, s.location), h('td', {}, s.playbooks),
  )));
}

/** A sparkline of `points` (`{ number, value }`) with dashed lines at `bounds`. */
function chart(points, bounds) {
  const width = 240;
  const height = 48;
  const values = [...points.map((p) => p.value), ...bounds];
  const svg = h('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none' });
  if (values.length === 0) return svg;
  let low = values.reduce((a, b) => (b < a ? b : a));
  let high = values.reduce((a, b) => (b > a ? b : a));
  if (low === high) { low -= 1n; high += 1n; }
  const y = (v) => height - 4 - (Number(((v - low) * 1000n) / (high - low)) / 1000) * (height - 8);
  for (const bound of bounds) {
    svg.append(h('line', { class: 'bound', x1: 0, x2: width, y1: y(bound), y2: y(bound) }));
  }
  if (points.length > 0) {
    const step = points.length > 1 ? width / (points.length - 1) : 0;
    const line = points.map((p, i) => `${(i * step).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
    svg.append(h('polyline', { class: 'line', points: line }));
  }
  return svg;
}
