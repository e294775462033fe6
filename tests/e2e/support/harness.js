// tests/e2e/support/harness.js: what every browser test shares.
//
// Index
//   paths           repo root, dist/, fixtures, test-artifacts/
//   CHROMIUM_ARGS   the flags that render WebGL2 in headless Chromium without a GPU (docs/toolchain.md, section 4)
//   openPage        serve dist/ under a nested path, launch Chromium, open the page, await ready
//   settle          wait until the page stops drawing (frames() unchanged for a while)
//   pasteText       a real clipboard paste: navigator.clipboard.writeText, then Ctrl+V on the canvas
//   waitFor         poll a predicate on window.ssmview.state()
//   controlCenter   a view control's centre in CSS pixels; click: settle, then click it there
//   test            a tiny runner: one test per file, prints "N passed, N failed", exit code
//
// Tests run from CTest (tests/e2e/CMakeLists.txt) as `node FILE.test.js`; each starts its own
// server on an ephemeral 127.0.0.1 port and its own browser with a fresh profile, so they can
// run in parallel.
'use strict';
const fs = require('fs');
const path = require('path');
const {chromium} = require('playwright-core');
const {startServer} = require('./server');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = process.env.SSMVIEW_DIST || path.join(ROOT, 'dist');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const ARTIFACTS = process.env.SSMVIEW_ARTIFACTS || path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Headless tabs are never "visible" to the scheduler's throttling heuristics the way a real
  // window is; keep rAF and timers running at full rate so frame counts mean the same everywhere.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

// chromium.launch() gives every browser a fresh temporary profile (the --user-data-dir that
// docs/toolchain.md, section 4 asks for) and deletes it on close.
async function launchBrowser() {
  const browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS});
  return {browser};
}

// Opens the site. opts: {prefix, hash, deviceScaleFactor, viewport, file (open a file:// URL instead),
// page (path relative to dist, default index.html), colorScheme, timezoneId (an IANA zone)}
async function openPage(opts = {}) {
  const {browser} = await launchBrowser();
  let server = null;
  let url;
  if (opts.file) {
    url = 'file://' + path.join(DIST, opts.file);
  } else {
    server = await startServer({root: DIST, prefix: opts.prefix || '/some/nested/path/'});
    url = server.url + (opts.page || '');
  }
  if (opts.hash) url += opts.hash;
  const context = await browser.newContext({
    viewport: opts.viewport || {width: 1100, height: 760},
    deviceScaleFactor: opts.deviceScaleFactor || 1,
    colorScheme: opts.colorScheme || 'light',
    timezoneId: opts.timezoneId,
    permissions: server ? ['clipboard-read', 'clipboard-write'] : [],
  });
  if (server) await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: new URL(server.url).origin});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.evaluate(() => window.ssmview.ready);
  const close = async () => {
    await browser.close();
    if (server) await server.close();
  };
  return {browser, context, page, server, url, errors, close};
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Waits until no frame is drawn for `quietMs` (the page draws on demand), at most `timeoutMs`.
async function settle(page, quietMs = 700, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  let last = await page.evaluate(() => window.ssmview.frames());
  let since = Date.now();
  while (Date.now() < end) {
    await sleep(100);
    const now = await page.evaluate(() => window.ssmview.frames());
    if (now !== last) { last = now; since = Date.now(); }
    else if (Date.now() - since >= quietMs) return now;
  }
  throw new Error(`the page kept drawing for ${timeoutMs} ms (frames=${last})`);
}

async function state(page) { return page.evaluate(() => window.ssmview.state()); }

async function waitFor(page, predicate, what, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  let s;
  while (Date.now() < end) {
    s = await state(page);
    if (predicate(s)) return s;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(s).slice(0, 600)}`);
}

// A real paste: the text goes onto the system clipboard (headless Chromium's), the canvas gets
// focus, and Ctrl+V makes the browser fire its own `paste` event with that text.
async function pasteText(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#canvas');
  await page.keyboard.press('Control+V');
}

function fixture(rel) { return fs.readFileSync(path.join(FIXTURES, rel), 'utf8'); }

function artifactPath(name) {
  fs.mkdirSync(ARTIFACTS, {recursive: true});
  return path.join(ARTIFACTS, name);
}

// The one-test-per-file runner: test(name, fn) registers, and the file's cases run in order.
const cases = [];
function test(name, fn) {
  cases.push({name, fn});
  if (cases.length === 1) setImmediate(run);
}
async function run() {
  let passed = 0, failed = 0;
  for (const c of cases) {
    const t0 = Date.now();
    try {
      await c.fn();
      passed++;
      console.log(`ok   ${c.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${c.name}\n     ${e && e.stack ? e.stack : e}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

function assert(cond, message) { if (!cond) throw new Error(message || 'assertion failed'); }
function assertEqual(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message || 'values differ'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

module.exports = {
  ROOT, DIST, FIXTURES, ARTIFACTS, CHROMIUM_ARGS,
  launchBrowser, openPage, settle, state, waitFor, pasteText, fixture, artifactPath, sleep,
  test, assert, assertEqual,
};

// The centre of a view control (state().controls: device-pixel rects) in CSS pixels of the page.
async function controlCenter(page, name) {
  const s = await state(page);
  const r = s.controls[name];
  if (!r) throw new Error(`no control ${name}; have: ${Object.keys(s.controls).join(' ')}`);
  const box = await page.evaluate(() => { const b = document.getElementById('canvas').getBoundingClientRect(); return [b.left, b.top]; });
  return {x: box[0] + (r[0] + r[2] / 2) / s.scale, y: box[1] + (r[1] + r[3] / 2) / s.scale};
}

// An invocation with `lines` numbered stdout lines (for scrolling).
function longInvocation(lines, width = 60) {
  const out = [];
  for (let i = 1; i <= lines; i++) out.push(`line ${String(i).padStart(6, '0')} ` + 'abcdefghij'.repeat(Math.ceil(width / 10)).slice(0, width));
  return JSON.stringify({CommandId: 'long-0001', InstanceId: 'i-0123456789abcdef0', Status: 'Success', StatusDetails: 'Success',
    ResponseCode: 0, StandardOutputContent: out.join('\n') + '\n', StandardErrorContent: ''}, null, 4);
}

// Clicks a view control once the page is quiet. While following, the countdown draws a frame
// each second, so the default "quiet" is 400 ms (settle's own default would never be reached).
async function click(page, control, quietMs = 400) {
  await settle(page, quietMs);
  const {x, y} = await controlCenter(page, control);
  await page.mouse.click(x, y);
}

module.exports.controlCenter = controlCenter;
module.exports.click = click;
module.exports.longInvocation = longInvocation;
