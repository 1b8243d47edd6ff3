// Shared by the console's pages: the admin API with the token (a header, never a cookie), formatting.
'use strict';

const pm = (() => {
  const tokenKey = 'pm-admin-token';
  const tokenHeader = 'X-PM-Admin-Token';

  function token() {
    return sessionStorage.getItem(tokenKey) || '';
  }

  // The token field in every page's header: kept for this tab only (sessionStorage), sent as a header.
  function wireToken() {
    const input = document.getElementById('token');
    input.value = token();
    input.addEventListener('change', () => {
      if (input.value) sessionStorage.setItem(tokenKey, input.value.trim());
      else sessionStorage.removeItem(tokenKey);
    });
  }

  async function api(path, options = {}) {
    const headers = { Accept: 'application/json' };
    if (token()) headers[tokenHeader] = token();
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const answer = await fetch('/admin/v1' + path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
      cache: 'no-store',
    });
    let json = null;
    try { json = await answer.json(); } catch { json = null; }
    return { ok: answer.ok, status: answer.status, json, error: json && json.error ? json.error : (answer.ok ? null : 'HTTP ' + answer.status) };
  }

  function money(value) {
    if (value === null || value === undefined) return '—';
    return Number(value).toFixed(2);
  }

  function percent(value) {
    return value === null || value === undefined || !isFinite(value) ? '—' : value.toFixed(1) + '%';
  }

  function time(text) {
    return text ? new Date(text).toLocaleTimeString() : '—';
  }

  // How far the watched price may move against the position before its stop: the number to watch at 3 a.m.
  function distanceToStop(position) {
    if (position.stop === null || position.lastPrice === null || !position.lastPrice) return null;
    const gap = position.side === 'Short' ? position.stop - position.lastPrice : position.lastPrice - position.stop;
    return gap / position.lastPrice * 100;
  }

  // The policy rule that chose this position's exit policy; the field comes with the policy rules
  // (another branch). Until a build carries it the column says so rather than guessing.
  function policyRule(position) {
    return position.ruleName || 'default';
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function say(message, isError) {
    const status = document.getElementById('status');
    status.textContent = message || '';
    status.className = isError ? 'error' : '';
  }

  // Poll on a fixed rhythm; a slow answer delays the next poll instead of piling requests up.
  function every(ms, work) {
    const run = async () => {
      try { await work(); } catch (e) { say(String(e), true); }
      setTimeout(run, ms);
    };
    run();
  }

  return { api, money, percent, time, distanceToStop, policyRule, cell, say, every, wireToken };
})();
