// tests/e2e/support/proxy.js: the native ssmview-proxy and the fake SSM, as processes of a test.
//
// Index
//   PROXY, proxyAvailable   $SSMVIEW_PROXY, else build/native/proxy/ssmview-proxy (the native
//                           preset); missing -> exit 77 with a message, which CTest counts as a
//                           failure (as for the CLI: scripts/test.sh builds the native preset first)
//   startProxy              ssmview-proxy --listen 127.0.0.1:PORT ... -> {url, log(), stop()}: waits
//                           for its "listening on http://HOST:PORT" line (port 0: the only place
//                           the chosen port is printed)
//   startFakeSsm            tests/e2e/support/fake_ssm.py -> {url, keyId, secret, recorded(), stop()};
//                           the key is the one fake_ssm.py prints on its first line (its home)
//   pageOrigin              the origin of an open page (what --allow-origin must name)
//   closedPort              a loopback port nothing listens on (bound, then released)
//
// Every process binds 127.0.0.1 on an ephemeral port and is stopped by stop(); the fake also ends
// when this test process ends (its stdin closes), so a crashed test leaves nothing behind.
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const http = require('http');
const {spawn} = require('child_process');
const {ROOT} = require('./harness');

const PROXY = process.env.SSMVIEW_PROXY || path.join(ROOT, 'build', 'native', 'proxy', 'ssmview-proxy');

function proxyAvailable() {
  try { fs.accessSync(PROXY, fs.constants.X_OK); return true; } catch { return false; }
}

function skipWithoutProxy() {
  if (proxyAvailable()) return;
  console.log(`SKIP: no ssmview-proxy at ${PROXY} (build the native preset, or set SSMVIEW_PROXY)`);
  process.exit(77);
}

// Resolves with the first match of `re` in the stream's text, within timeoutMs.
function waitForLine(stream, re, what, timeoutMs, seen) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out waiting for ${what}; got: ${text.slice(-800)}`)); }, timeoutMs);
    const onData = (chunk) => {
      text += chunk.toString('utf8');
      const m = re.exec(text);
      if (m) { cleanup(); resolve(m); }
    };
    const onEnd = () => { cleanup(); reject(new Error(`${what}: the process ended first; it said: ${text.slice(-800)}`)); };
    const cleanup = () => { clearTimeout(timer); stream.off('data', onData); stream.off('end', onEnd); };
    stream.on('data', onData);
    stream.on('end', onEnd);
    if (seen) stream.on('data', (c) => seen.push(c.toString('utf8')));
  });
}

function stopper(child) {
  return () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 3000).unref();
  });
}

// args: extra flags (--simulate, --allow-origin ..., --endpoint-url ...); env: added to a clean one;
// port: 0 (any free one) unless a test needs the URL before the proxy runs.
async function startProxy(args, env = {}, port = 0) {
  const cleanEnv = {PATH: '/usr/bin:/bin', HOME: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', ...env};
  const child = spawn(PROXY, ['--listen', `127.0.0.1:${port}`, ...args], {env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe']});
  const log = [];
  child.stdout.on('data', (c) => log.push(c.toString('utf8')));
  const m = await waitForLine(child.stderr, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 'ssmview-proxy to listen', 15000, log);
  return {url: m[1], log: () => log.join(''), stop: stopper(child), child};
}

async function startFakeSsm() {
  const child = spawn('/usr/bin/python3', [path.join(__dirname, 'fake_ssm.py')], {stdio: ['pipe', 'pipe', 'pipe']});
  const errors = [];
  child.stderr.on('data', (c) => errors.push(c.toString('utf8')));
  // Its first line: {"url", "access_key_id", "secret_access_key"} (one JSON object).
  const m = await waitForLine(child.stdout, /^(\{.*\})\s*$/m, 'the fake SSM to listen', 15000);
  const first = JSON.parse(m[1]);
  const url = first.url;
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`the fake SSM named an unexpected URL: ${m[1]}`);
  const recorded = () => new Promise((resolve, reject) => {
    http.get(url + '/__recorded', (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => { try { resolve(JSON.parse(body)); } catch (e) { reject(e); } });
    }).on('error', reject);
  });
  const stop = stopper(child);
  return {url, keyId: first.access_key_id, secret: first.secret_access_key, recorded, errors: () => errors.join(''),
    stop: async () => { child.stdin.end(); await stop(); }};
}

async function pageOrigin(page) { return page.evaluate(() => window.location.origin); }

function closedPort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = srv.address().port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

module.exports = {PROXY, proxyAvailable, skipWithoutProxy, startProxy, startFakeSsm, pageOrigin, closedPort};
