// The overview: gateway, members, alerts, positions (sortable, filtered) and recent orders, polled.
'use strict';

(() => {
  const sort = { key: 'distance', up: true };
  let positions = [];

  pm.wireToken();
  document.querySelectorAll('#positions th[data-key]').forEach(th => th.addEventListener('click', () => {
    sort.up = sort.key === th.dataset.key ? !sort.up : true;
    sort.key = th.dataset.key;
    renderPositions();
  }));
  document.getElementById('filter-underlying').addEventListener('input', renderPositions);
  document.getElementById('filter-status').addEventListener('change', renderPositions);

  function rows(selector, items, fill) {
    const body = document.querySelector(selector + ' tbody');
    body.replaceChildren(...items.map(item => { const tr = document.createElement('tr'); fill(tr, item); return tr; }));
  }

  function renderPositions() {
    const underlying = document.getElementById('filter-underlying').value.trim().toUpperCase();
    const status = document.getElementById('filter-status').value;
    const shown = positions
      .map(p => ({ ...p, distance: pm.distanceToStop(p), rule: pm.policyRule(p) }))
      .filter(p => (!underlying || p.underlying === underlying) && (!status || p.status === status))
      .sort((a, b) => {
        const x = a[sort.key], y = b[sort.key];
        const order = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1 : x < y ? -1 : 1;
        return (sort.up ? order : -order) || a.symbol.localeCompare(b.symbol);
      });
    document.querySelectorAll('#positions th[data-key]').forEach(th => {
      th.classList.toggle('sorted', th.dataset.key === sort.key);
      th.classList.toggle('up', th.dataset.key === sort.key && sort.up);
    });
    rows('#positions', shown, (tr, p) => {
      tr.dataset.symbol = p.symbol;
      const link = document.createElement('a');
      link.href = 'position.html?symbol=' + encodeURIComponent(p.symbol);
      link.textContent = p.symbol;
      pm.cell(tr, '', 'symbol').appendChild(link);
      pm.cell(tr, p.underlying, 'underlying');
      pm.cell(tr, p.status, 'status');
      pm.cell(tr, String(p.quantity), 'number quantity');
      pm.cell(tr, pm.money(p.entryPrice), 'number entry');
      pm.cell(tr, pm.money(p.lastPrice), 'number last');
      pm.cell(tr, pm.money(p.peak), 'number peak');
      pm.cell(tr, pm.money(p.stop), 'number stop');
      pm.cell(tr, pm.percent(p.distance), 'number distance' + (p.distance !== null && p.distance < 1 ? ' near' : ''));
      pm.cell(tr, p.rule, 'rule');
      pm.cell(tr, p.pendingExit || '', 'pending');
    });
  }

  async function poll() {
    const [cluster, gateway, alerts, list, orders, nodes] = await Promise.all([
      pm.api('/cluster'), pm.api('/gateway'), pm.api('/alerts'), pm.api('/positions'), pm.api('/orders?limit=20'), pm.api('/nodes'),
    ]);
    const failed = [cluster, gateway, alerts, list, orders].find(a => !a.ok);
    pm.say(failed ? failed.error : 'updated ' + new Date().toLocaleTimeString(), Boolean(failed));

    if (gateway.ok) {
      const g = gateway.json;
      const halted = document.getElementById('gateway-halted');
      halted.textContent = g.halted ? 'HALTED: ' + (g.haltReason || '') : 'off (orders flow)';
      halted.className = g.halted ? 'halted' : 'ok';
      document.getElementById('gateway-queued').textContent = g.queued + ' queued, ' + g.recentOrders + ' recent';
      document.getElementById('gateway-stream').textContent = g.streamListening ? 'listening' : 'down (polling orders)';
    }

    if (cluster.ok) {
      const versions = new Map((nodes.ok ? nodes.json : []).map(n => [n.address, n.version || n.appVersion]));
      rows('#members', cluster.json.members, (tr, m) => {
        pm.cell(tr, m.address + (m.address === cluster.json.leader ? ' (leader)' : ''));
        pm.cell(tr, m.status, m.status === 'Up' ? 'ok' : 'error');
        pm.cell(tr, m.reachable ? 'yes' : 'NO', m.reachable ? 'ok' : 'error');
        pm.cell(tr, versions.get(m.address) || m.appVersion);
      });
    }

    if (alerts.ok) {
      rows('#alerts', alerts.json, (tr, a) => {
        pm.cell(tr, a.kind, a.kind === 'UnmanagedShort' ? 'error' : '');
        pm.cell(tr, a.symbol);
        pm.cell(tr, pm.time(a.firstSeenAt));
        pm.cell(tr, a.message);
      });
    }

    if (list.ok) {
      positions = list.json;
      const counts = {};
      positions.forEach(p => { counts[p.status] = (counts[p.status] || 0) + 1; });
      document.getElementById('counts').replaceChildren(...Object.entries(counts).sort().map(([status, n]) => {
        const span = document.createElement('span');
        span.dataset.status = status;
        span.textContent = status + ': ' + n;
        return span;
      }));
      renderPositions();
    }

    if (orders.ok) {
      rows('#orders', orders.json, (tr, o) => {
        tr.dataset.symbol = o.symbol;
        pm.cell(tr, pm.time(o.receivedAt));
        pm.cell(tr, o.symbol);
        pm.cell(tr, o.intent);
        pm.cell(tr, String(o.quantity), 'number');
        pm.cell(tr, o.reason);
        pm.cell(tr, o.stage, 'stage');
        pm.cell(tr, o.refusalReason || (o.finalStatus ? o.finalStatus + ' ' + o.filledQuantity + (o.filledAveragePrice !== null ? ' @ ' + pm.money(o.filledAveragePrice) : '') : ''), 'outcome');
      });
    }
  }

  pm.every(1500, poll);
})();
