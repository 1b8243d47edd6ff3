// One position: its chart (uPlot), state, policy, journal, and the changes an operator may make.
'use strict';

(() => {
  const symbol = (new URLSearchParams(location.search).get('symbol') || '').toUpperCase();
  const path = '/positions/' + encodeURIComponent(symbol);
  let chart = null;
  let chartSource = null;

  pm.wireToken();
  document.getElementById('symbol').textContent = symbol;
  document.title = symbol + ' · Position manager console';

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  // One x axis for everything: samples and journal changes give price, peak and stop; marks give exits and fills.
  function chartData(view) {
    const rows = new Map();
    const at = text => Date.parse(text) / 1000;
    const row = t => { if (!rows.has(t)) rows.set(t, { price: null, peak: null, stop: null, exit: null, fill: null }); return rows.get(t); };
    view.points.forEach(p => {
      const r = row(at(p.at));
      if (p.price !== null) r.price = p.price;
      r.peak = p.peak;
      r.stop = p.stop;
    });
    view.marks.filter(m => m.price !== null && (m.kind === 'exit' || m.kind === 'fill')).forEach(m => { row(at(m.at))[m.kind] = m.price; });
    const xs = [...rows.keys()].sort((a, b) => a - b);
    const series = ['price', 'peak', 'stop', 'exit', 'fill'].map(k => xs.map(x => rows.get(x)[k]));
    return [xs, ...series];
  }

  function drawChart(view) {
    const data = chartData(view);
    if (chart && chartSource === view.priceSource) {
      chart.setData(data);
      return;
    }

    chart?.destroy();
    chartSource = view.priceSource;
    const element = document.getElementById('chart');
    const stepped = uPlot.paths.stepped({ align: 1 });
    const marker = color => ({ stroke: color, fill: color, paths: () => null, points: { show: true, size: 11, fill: color, stroke: color } });
    chart = new uPlot({
      width: Math.max(element.clientWidth, 400),
      height: 320,
      scales: { x: { time: true } },
      axes: [{ stroke: '#8d99a8', grid: { stroke: '#2a3644' } }, { stroke: '#8d99a8', grid: { stroke: '#2a3644' } }],
      series: [
        {},
        { label: 'watched ' + view.priceSource, stroke: '#4ea1ff', width: 2, spanGaps: true },
        { label: 'peak', stroke: '#5fd38d', width: 1.5, paths: stepped, spanGaps: true },
        { label: 'stop', stroke: '#ff6b6b', width: 1.5, dash: [6, 4], paths: stepped, spanGaps: true },
        { label: 'exit', ...marker('#ffb84d') },
        { label: 'fill', ...marker('#c490ff') },
      ],
    }, data, element);
    window.pmChart = chart;
  }

  function showDetail(d) {
    const p = d.position;
    text('d-status', p.status + (d.closedReason ? ': ' + d.closedReason : ''));
    text('d-quantity', p.side.toLowerCase() + ' ' + p.quantity + ' of ' + d.originalQuantity);
    text('d-entry', pm.money(p.entryPrice));
    text('d-last', pm.money(p.lastPrice));
    text('d-peak', pm.money(p.peak));
    text('d-stop', pm.money(p.stop));
    text('d-distance', pm.percent(pm.distanceToStop(p)));
    text('d-why', d.stopExplanation);
    text('d-pending', d.pendingExit
      ? 'exit ' + d.pendingExit.exitSequence + ' ' + d.pendingExit.reason + ': ' + d.pendingExit.filledQuantity + '/' + d.pendingExit.quantity + ' filled, ' + d.pendingExit.clientOrderId
        + (d.pendingExit.cancelAskedAt ? ', cancelling (the market stayed through its limit)' : '')
      : 'none');
    text('d-quote', d.lastQuote ? 'bid ' + pm.money(d.lastQuote.bid) + ' ask ' + pm.money(d.lastQuote.ask) + ', ' + d.lastQuoteAgeSeconds + ' s ago' : 'none yet');
    text('d-policy', d.policy);
    text('d-rule', pm.policyRule(p));
  }

  function showHistory(h) {
    const body = document.querySelector('#history tbody');
    body.replaceChildren(...h.events.slice().reverse().map(e => {
      const tr = document.createElement('tr');
      tr.dataset.event = e.event;
      pm.cell(tr, String(e.sequenceNr), 'number');
      pm.cell(tr, pm.time(e.at));
      pm.cell(tr, e.event);
      pm.cell(tr, e.details, 'details');
      return tr;
    }));
  }

  async function poll() {
    const [detail, chartView, history] = await Promise.all([pm.api(path), pm.api(path + '/chart'), pm.api(path + '/history')]);
    const failed = [detail, chartView, history].find(a => !a.ok);
    pm.say(failed ? failed.error : 'updated ' + new Date().toLocaleTimeString(), Boolean(failed));
    if (detail.ok) showDetail(detail.json);
    if (chartView.ok) drawChart(chartView.json);
    if (history.ok) showHistory(history.json);
  }

  // Every change is a POST carrying the token header, after the operator confirmed it here.
  async function change(question, call) {
    if (!window.confirm(question)) return;
    const result = document.getElementById('action-result');
    const answer = await call();
    result.textContent = answer.ok ? answer.json.message : 'refused: ' + answer.error;
    result.className = answer.ok ? 'ok' : 'error';
  }

  document.getElementById('close').addEventListener('click', () =>
    change('Close ' + symbol + ' at market now?', () => pm.api(path + '/close', { method: 'POST' })));
  document.getElementById('halt').addEventListener('click', () => {
    const reason = window.prompt('Halt the gateway: no order will be sent until it is resumed. Why?');
    if (reason) change('Halt the gateway for every position (' + reason + ')?', () => pm.api('/gateway/halt', { method: 'POST', body: { reason } }));
  });
  document.getElementById('resume').addEventListener('click', () =>
    change('Resume the gateway: orders are sent again?', () => pm.api('/gateway/resume', { method: 'POST' })));

  pm.every(2000, poll);
})();
