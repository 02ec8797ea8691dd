// The Parachute hub dashboard: one server-sent-event stream keeps every row live; the buttons POST to the
// page's own endpoints with the session's CSRF token. No framework, no build step, nothing from elsewhere.
'use strict';
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const table = document.getElementById('modules');
  const rows = new Map();          // short -> {body, data}
  const openLogs = new Set();      // shorts whose log pane is open
  const MAX_LOG_LINES = 1000;
  const STATES = ['running', 'starting', 'restarting', 'crashed', 'stopped'];
  let hub = null;
  let source = null;
  let retryTimer = null;
  let retryDelay = 1000;
  let ended = false;

  // Measurements the browser test reads (Navigation Timing covers the rest).
  const probe = window.__dashboard = { connectedAt: null, hellos: 0, latencies: [] };

  const el = (tag, attrs, ...kids) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
    }
    for (const kid of kids) if (kid != null) node.append(kid);
    return node;
  };

  const duration = (ms) => {
    if (ms < 0 || !isFinite(ms)) return '–';
    const s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d) return `${d}d ${h}h`;
    if (h) return `${h}h ${m}m`;
    if (m) return `${m}m ${s % 60}s`;
    return `${s % 60}s`;
  };

  const setConn = (kind, word) => {
    const conn = document.getElementById('conn');
    conn.className = 'conn conn-' + kind;
    conn.textContent = word;
  };

  // ---- the hub row and the banner ----
  const renderHub = (h) => {
    hub = h;
    document.getElementById('hub-version').textContent = h.version;
    document.getElementById('hub-instance').textContent = h.instance;
    document.getElementById('hub-home').textContent = h.home;
    document.getElementById('hub-db').textContent = h.db + (h.dbState === 'ok' ? '' : ' (' + h.dbState + ')');
    tick();
  };

  const renderBanner = (warnings) => {
    const banner = document.getElementById('banner');
    banner.replaceChildren();
    if (!warnings || !warnings.length) { banner.hidden = true; return; }
    banner.append(el('strong', { text: 'The module registry has problems; the hub skips what it cannot read:' }),
      el('ul', {}, ...warnings.map((w) => el('li', { text: w }))));
    banner.hidden = false;
  };

  // ---- module rows ----
  const stateWord = (m) => m.state || 'not started';
  const stateClass = (m) => 'state state-' + (STATES.includes(m.state) ? m.state : 'none');

  const buildRow = (short) => {
    const body = el('tbody', { class: 'module', 'data-short': short });
    const button = (op, label) => el('button', { type: 'button', 'data-op': op, text: label });
    const logsButton = el('button', { type: 'button', 'data-op': 'logs', 'aria-expanded': 'false', text: 'Logs' });
    const main = el('tr', { class: 'main' },
      el('th', { scope: 'row' }, el('span', { class: 'name' }), el('span', { class: 'short mono', text: short })),
      el('td', { 'data-label': 'State' }, el('span', { class: 'state' }), el('span', { class: 'op', 'aria-live': 'polite' })),
      el('td', { 'data-label': 'Port', class: 'port' }),
      el('td', { 'data-label': 'PID', class: 'pid mono' }),
      el('td', { 'data-label': 'Uptime', class: 'uptime' }),
      el('td', { 'data-label': 'Restarts', class: 'restarts' }),
      el('td', { class: 'actions' }, button('start', 'Start'), button('stop', 'Stop'), button('restart', 'Restart'), logsButton));
    const err = el('tr', { class: 'err', hidden: '' }, el('td', { colspan: '7' }, el('div', {})));
    const pre = el('pre', { class: 'logtext', tabindex: '0', 'aria-label': short + ' log' });
    const pause = el('button', { type: 'button', 'data-op': 'pause', text: 'Pause' });
    const download = el('a', { href: 'ui/api/modules/' + encodeURIComponent(short) + '/log', download: short + '.log', text: 'Download log file' });
    const logs = el('tr', { class: 'logs', hidden: '' }, el('td', { colspan: '7' },
      el('div', { class: 'logbar' }, pause, download, el('span', { class: 'logstate', 'aria-live': 'polite' })), pre));
    body.append(main, err, logs);
    body.addEventListener('click', (event) => {
      const target = event.target.closest('button[data-op]');
      if (!target) return;
      const op = target.dataset.op;
      if (op === 'logs') toggleLogs(short); else if (op === 'pause') togglePause(short); else operate(short, op);
    });
    const entry = { body, data: null, busy: false, paused: false, held: [], shownAt: 0 };
    rows.set(short, entry);
    return entry;
  };

  const renderRow = (entry) => {
    const m = entry.data, body = entry.body;
    body.querySelector('.name').textContent = m.displayName || m.name || m.shortName;
    const badge = body.querySelector('.state');
    badge.className = stateClass(m);
    badge.textContent = stateWord(m);
    const port = body.querySelector('.port');
    port.replaceChildren(m.port ? el('a', { href: m.url, target: '_blank', rel: 'noopener noreferrer', text: String(m.port) }) : '–');
    body.querySelector('.pid').textContent = m.pid == null ? '–' : String(m.pid);
    body.querySelector('.restarts').textContent = String(m.restartsInWindow || 0);
    const live = m.state === 'running' || m.state === 'starting';
    const buttons = (op) => body.querySelector(`button[data-op="${op}"]`);
    buttons('start').disabled = entry.busy || live;
    buttons('stop').disabled = entry.busy || !m.state || m.state === 'stopped' || m.state === 'crashed';
    buttons('restart').disabled = entry.busy || !m.state;
    const err = body.querySelector('.err');
    if (m.startError) {
      const e = m.startError;
      err.querySelector('div').replaceChildren(el('strong', { class: 'mono', text: e.type }), ' — ' + (e.description || ''),
        el('span', { class: 'fix', text: 'Fix: ' + e.fix }));
      err.hidden = false;
    } else {
      err.hidden = true;
    }
    tickRow(entry);
  };

  const upsert = (m, sentAt) => {
    const entry = rows.get(m.shortName) || buildRow(m.shortName);
    const before = entry.data;
    // a change that happened after the last outcome was shown (a crash, a respawn, another client) retires it;
    // events of the operation itself can arrive after its answer, and must not
    if (sentAt && !entry.busy && sentAt > entry.shownAt && before && (before.pid !== m.pid || before.state !== m.state)) setOp(entry, '');
    entry.data = m;
    if (!entry.body.isConnected) table.append(entry.body);
    renderRow(entry);
    document.getElementById('empty').hidden = rows.size > 0;
    if (sentAt) probe.latencies.push({ shortName: m.shortName, state: m.state, pid: m.pid, ms: Date.now() - sentAt });
  };

  const remove = (short) => {
    const entry = rows.get(short);
    if (entry) { entry.body.remove(); rows.delete(short); openLogs.delete(short); }
    document.getElementById('empty').hidden = rows.size > 0;
  };

  const replaceAll = (modules) => {
    const seen = new Set(modules.map((m) => m.shortName));
    for (const short of [...rows.keys()]) if (!seen.has(short)) remove(short);
    for (const m of modules) upsert(m);
    for (const m of modules) table.append(rows.get(m.shortName).body); // registry order
    document.getElementById('empty').hidden = modules.length > 0;
    table.hidden = modules.length === 0;
  };

  const tickRow = (entry) => {
    const m = entry.data;
    const up = m && m.startedAt && (m.state === 'running' || m.state === 'starting') ? Date.now() - Date.parse(m.startedAt) : NaN;
    entry.body.querySelector('.uptime').textContent = duration(up);
  };

  const tick = () => {
    if (hub) document.getElementById('hub-uptime').textContent = duration(Date.now() - Date.parse(hub.startedAt));
    rows.forEach(tickRow);
  };

  // ---- actions ----
  const PAST = { start: 'started', stop: 'stopped', restart: 'restarted' };
  const succeeded = (op, m) => (op === 'stop' ? !m || !m.state || m.state === 'stopped' : !!m && (m.state === 'running' || m.state === 'starting') && !m.startError);

  const setOp = (entry, text, kind) => {
    entry.shownAt = Date.now();
    const op = entry.body.querySelector('.op');
    op.className = 'op' + (kind ? ' op-' + kind : '');
    op.textContent = text;
  };

  const operate = async (short, op) => {
    const entry = rows.get(short);
    entry.busy = true;
    renderRow(entry);
    setOp(entry, op === 'stop' ? 'stopping…' : op + 'ing…');
    try {
      const response = await fetch('ui/api/modules/' + encodeURIComponent(short) + '/' + op,
        { method: 'POST', headers: { 'X-CSRF-Token': csrf }, credentials: 'same-origin' });
      const body = await response.json().catch(() => ({}));
      if (response.status === 401) { sessionEnded(); return; }
      if (!response.ok) {
        setOp(entry, `✗ ${op} failed: ${body.error_description || 'HTTP ' + response.status}`, 'bad');
        return;
      }
      if (body.module) { entry.data = body.module; }
      const m = body.module;
      if (succeeded(op, m)) {
        setOp(entry, `✓ ${PAST[op]}` + (m && m.pid ? ` (pid ${m.pid})` : ''), 'good');
      } else {
        setOp(entry, `✗ ${op}: now ${m ? stateWord(m) : 'not running'}` + (m && m.startError ? ` — ${m.startError.type}` : ''), 'bad');
      }
    } catch (e) {
      setOp(entry, `✗ ${op}: the hub did not answer`, 'bad');
    } finally {
      entry.busy = false;
      if (entry.data) renderRow(entry);
    }
  };

  // ---- log panes ----
  const logParts = (short) => {
    const body = rows.get(short).body;
    return { row: body.querySelector('.logs'), pre: body.querySelector('.logtext'), state: body.querySelector('.logstate'),
      pause: body.querySelector('button[data-op="pause"]'), toggle: body.querySelector('button[data-op="logs"]') };
  };

  const toggleLogs = (short) => {
    const parts = logParts(short);
    const opening = !openLogs.has(short);
    if (opening) { openLogs.add(short); parts.pre.textContent = ''; parts.state.textContent = 'loading…'; }
    else openLogs.delete(short);
    parts.row.hidden = !opening;
    parts.toggle.setAttribute('aria-expanded', String(opening));
    parts.toggle.textContent = opening ? 'Hide logs' : 'Logs';
    connect(); // the stream carries the open panes' lines
  };

  const togglePause = (short) => {
    const entry = rows.get(short), parts = logParts(short);
    entry.paused = !entry.paused;
    parts.pause.textContent = entry.paused ? 'Resume' : 'Pause';
    if (!entry.paused) { const held = entry.held; entry.held = []; held.forEach((line) => writeLine(short, line)); }
    parts.state.textContent = entry.paused ? 'paused' : '';
  };

  const writeLine = (short, line) => {
    const pre = logParts(short).pre;
    const atBottom = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
    pre.append(line + '\n');
    while (pre.childNodes.length > MAX_LOG_LINES) pre.firstChild.remove();
    if (atBottom) pre.scrollTop = pre.scrollHeight;
  };

  const appendLog = (short, line) => {
    const entry = rows.get(short);
    if (!entry || !openLogs.has(short)) return;
    if (entry.paused) {
      entry.held.push(line);
      if (entry.held.length > MAX_LOG_LINES) entry.held.shift();
      logParts(short).state.textContent = `paused — ${entry.held.length} new line(s)`;
      return;
    }
    writeLine(short, line);
  };

  const setLog = (short, lines) => {
    if (!rows.has(short)) return;
    const parts = logParts(short);
    parts.pre.textContent = '';
    rows.get(short).held = [];
    lines.forEach((line) => writeLine(short, line));
    parts.state.textContent = lines.length ? '' : 'no output yet';
    if (rows.get(short).paused) parts.state.textContent = 'paused';
  };

  // ---- the stream ----
  const sessionEnded = () => {
    ended = true;
    if (source) source.close();
    setConn('ended', 'signed out');
    document.getElementById('main').replaceChildren(el('p', { class: 'signin' },
      'Your dashboard session has ended. Run ', el('code', { text: 'parachute dashboard' }), ' for a new login link.'));
  };

  const retryLater = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(async () => {
      try {
        const response = await fetch('ui/api/session', { credentials: 'same-origin' });
        if (response.status === 401) { sessionEnded(); return; }
        retryDelay = 1000;
        connect();
      } catch (e) {
        retryDelay = Math.min(retryDelay * 2, 5000);
        retryLater();
      }
    }, retryDelay);
  };

  const connect = () => {
    if (ended) return;
    if (source) source.close();
    clearTimeout(retryTimer);
    const query = openLogs.size ? '?logs=' + encodeURIComponent([...openLogs].join(',')) : '';
    const es = source = new EventSource('api/events' + query);
    const on = (name, handle) => es.addEventListener(name, (event) => { if (es === source) handle(JSON.parse(event.data)); });
    on('hello', (d) => {
      probe.hellos++;
      if (probe.connectedAt === null) probe.connectedAt = performance.now();
      setConn('live', 'live');
      renderHub(d.hub);
      renderBanner(d.registryWarnings);
      replaceAll(d.modules);
      for (const [short, lines] of Object.entries(d.logs || {})) setLog(short, lines);
    });
    on('module', (d) => upsert(d.module, d.sentAt));
    on('removed', (d) => remove(d.shortName));
    on('catalog', (d) => { renderBanner(d.registryWarnings); replaceAll(d.modules); });
    on('log', (d) => appendLog(d.shortName, d.line));
    on('ended', () => sessionEnded());
    es.onerror = () => {
      if (es !== source || ended) return;
      setConn('reconnecting', 'reconnecting…');
      if (es.readyState === EventSource.CLOSED) retryLater(); // refused outright (stopping, too many pages): ask again
    };
  };

  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await fetch('logout', { method: 'POST', headers: { 'X-CSRF-Token': csrf }, credentials: 'same-origin' });
    } finally {
      location.reload();
    }
  });

  setInterval(tick, 1000);
  connect();
})();
