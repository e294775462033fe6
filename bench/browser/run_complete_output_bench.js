#!/usr/bin/env node
// bench/browser/run_complete_output_bench.js: "Load the complete output" in the page, from the click
// to the first frame that shows a 10 MiB object, against curl fetching the same object directly.
//
// Index
//   servers   bench_proxy_upstream (the anchor: serves the object at GET /<bucket>/<key>, the same
//             bytes every time) and ssmview-proxy in front of it (--endpoint-url), as
//             bench/proxy/run_s3_bench.sh starts them; the page from dist/ on 127.0.0.1
//   page      a cut invocation whose StandardOutputUrl names that object is loaded (as a paste
//             would), then per round: load it under a new CommandId (a new invocation), click
//             "Load the complete output" with the mouse, and time from the click (a pointerdown
//             listener's performance.now()) to the first animation frame after the one that shows
//             the complete text (state().whole.stdout.phase "done": that frame also rebuilt the pane)
//   anchors   curl -w %{time_total} of the object straight from the upstream (the anchor), and
//             fetch() of the same proxy URL in the same page, read whole (the browser's own cost of
//             moving 10 MB from its network stack into the page), alternating with the page's rounds
//   report    medians, best, the ratios (page / curl: goal within 2x, issue: the whole output; and
//             page / fetch()), and where the page's time goes (the proxy's headers, the body's end)
//
// Not a test: it prints numbers. The watcher polls window.ssmview.frames() every animation frame
// (16.7 ms at 60 Hz) and reads state() only when a frame was drawn, so the page's figure includes up
// to one animation frame of observation delay. Usage (after the native and wasm builds):
//   node bench/browser/run_complete_output_bench.js [--rounds N] [--mb MB] [--build DIR]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const {spawn, execFileSync} = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const h = require(path.join(ROOT, 'tests', 'e2e', 'support', 'harness.js'));

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const ROUNDS = Number(opt('--rounds', 9));
const MB = Number(opt('--mb', 10));
const BUILD = path.resolve(opt('--build', path.join(ROOT, 'build', 'native')));
const UPSTREAM = path.join(BUILD, 'bench', 'proxy', 'bench_proxy_upstream');
const PROXY = path.join(BUILD, 'proxy', 'ssmview-proxy');
const KEY = 'out/0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f/i-0123456789abcdef0/awsrunShellScript/0.awsrunShellScript/stdout';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

function firstLine(child, re, what) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${text}`)), 15000);
    const on = (c) => { text += c; const m = re.exec(text); if (m) { clearTimeout(timer); resolve(m); } };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
  });
}

async function main() {
  for (const b of [UPSTREAM, PROXY]) if (!fs.existsSync(b)) throw new Error(`missing ${b}: cmake --build ${BUILD} --target ssmview-proxy bench_proxy_upstream`);
  const children = [];
  const p = await h.openPage({viewport: {width: 1200, height: 780}});
  try {
    const upstream = spawn(UPSTREAM, ['--threads', '2', '--object-mb', String(MB)], {stdio: ['ignore', 'pipe', 'pipe']});
    children.push(upstream);
    const upPort = (await firstLine(upstream, /^(\d+)\s*$/m, 'bench_proxy_upstream'))[1];
    const origin = await p.page.evaluate(() => window.location.origin);
    const proxy = spawn(PROXY, ['--listen', '127.0.0.1:0', '--region', 'us-east-1', '--endpoint-url', `http://127.0.0.1:${upPort}`,
      '--allow-origin', origin], {stdio: ['ignore', 'pipe', 'pipe'], env: {PATH: '/usr/bin:/bin', HOME: os.tmpdir(),
      AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK0000000', AWS_SECRET_ACCESS_KEY: 'bench/secret/not/a/real/key/0000000000',
      AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true'}});
    children.push(proxy);
    const proxyUrl = (await firstLine(proxy, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 'ssmview-proxy'))[1];

    // The cut invocation, pointing at the anchor's object.
    const inv = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'aws-cli', 'truncated.json'), 'utf8'));
    inv.StandardOutputUrl = `https://s3.us-east-1.amazonaws.com/bench-bucket/${KEY}`;
    // A new CommandId each round: loading the same invocation again keeps what was read for it.
    let round = 0;
    const nextText = () => JSON.stringify({...inv, CommandId: inv.CommandId.slice(0, -4) + String(1000 + round++).slice(-4)});
    await p.page.evaluate((url) => window.ssmview.fetchForm({proxy: url}), proxyUrl);
    // Where the time goes: the click, the proxy's answer headers, the last byte of the body (a
    // wrapper around fetch for /s3/ requests, reading the same stream), and frames drawn meanwhile.
    await p.page.evaluate(() => {
      window.__t = {};
      document.querySelector('canvas').addEventListener('pointerdown', () => {
        window.__t = {click: performance.now(), frames: window.ssmview.frames()};
      }, true);
      const fetch0 = window.fetch;
      window.fetch = function(url, init) {
        return fetch0.call(this, url, init).then((r) => {
          if (!String(url).includes('/s3/') || !r.body) return r;
          window.__t.headers = performance.now();
          const arrayBuffer = r.arrayBuffer.bind(r);
          r.arrayBuffer = () => arrayBuffer().then((b) => { window.__t.body = performance.now(); return b; });
          const getReader = r.body.getReader.bind(r.body);
          r.body.getReader = () => {
            const reader = getReader();
            const read = reader.read.bind(reader);
            reader.read = () => read().then((x) => { if (x.done) window.__t.body = performance.now(); return x; });
            return reader;
          };
          return r;
        });
      };
    });

    const direct = `http://127.0.0.1:${upPort}/bench-bucket/${KEY}`;
    const want = MB * 1024 * 1024;
    const curl = () => {
      const out = execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{time_total}', direct], {encoding: 'utf8'});
      const [code, size, secs] = out.trim().split(' ');
      if (code !== '200' || Number(size) !== want) throw new Error(`bad answer from the anchor: ${out}`);
      return Number(secs) * 1000;
    };
    const pageRound = async () => {
      await p.page.evaluate((t) => window.ssmview.load(t), nextText());
      await h.settle(p.page, 300);
      const watch = p.page.evaluate(() => new Promise((resolve, reject) => {
        let frames = window.ssmview.frames();
        const limit = performance.now() + 60000;
        const tick = () => {
          const now = performance.now();
          const f = window.ssmview.frames();
          if (f !== frames) {
            frames = f;
            const w = window.ssmview.state().whole.stdout;
            const t = window.__t;
            if (w.phase === 'done') return resolve({ms: now - t.click, headers: t.headers - t.click, body: t.body - t.click,
              frames: f - t.frames, bytes: w.bytes, lines: window.ssmview.state().fields.StandardOutputContent.lines});
            if (w.phase === 'failed') return reject(new Error(JSON.stringify(w.error)));
          }
          if (now > limit) return reject(new Error('no complete output within 60 s'));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }));
      watch.catch(() => {});  // awaited below; a failed click must not leave it unhandled
      await h.click(p.page, 'output.load_complete');
      const r = await watch;
      if (r.bytes !== want) throw new Error(`the page loaded ${r.bytes} bytes, not ${want}`);
      return r;
    };

    // The browser's own anchor: fetch() of the same URL through the same proxy, with the page's
    // options, read whole (what Chromium's network stack costs before the view does anything).
    const rawFetch = () => p.page.evaluate(async (u) => {
      const t0 = performance.now();
      const r = await fetch(u, {headers: {Range: 'bytes=0-16777215'}, mode: 'cors', credentials: 'omit', cache: 'no-store',
        redirect: 'error', referrerPolicy: 'no-referrer'});
      const b = await r.arrayBuffer();
      return {ms: performance.now() - t0, bytes: b.byteLength};
    }, `${proxyUrl}/s3/us-east-1/bench-bucket/${KEY}`).then((r) => {
      if (r.bytes !== want) throw new Error(`fetch() read ${r.bytes} bytes`);
      return r.ms;
    });

    curl(); await rawFetch(); await pageRound();  // warm all three
    const curls = [], raws = [], pages = [], headers = [], bodies = [], frames = [];
    let lines = 0;
    for (let i = 0; i < ROUNDS; i++) {
      curls.push(curl());
      raws.push(await rawFetch());
      const r = await pageRound();
      pages.push(r.ms);
      headers.push(r.headers);
      bodies.push(r.body);
      frames.push(r.frames);
      lines = r.lines;
    }
    const c = median(curls), f = median(raws), g = median(pages);
    console.log(`${MB} MiB object (${lines} lines), ${ROUNDS} rounds each, alternating (milliseconds)`);
    console.log(`  curl from the anchor directly                 median ${c.toFixed(1)}  best ${Math.min(...curls).toFixed(1)}`);
    console.log(`  fetch() in the page, through the proxy        median ${f.toFixed(1)}  best ${Math.min(...raws).toFixed(1)}`);
    console.log(`  page: click -> first frame showing it (proxy) median ${g.toFixed(1)}  best ${Math.min(...pages).toFixed(1)}`);
    console.log(`  ratio (page / curl)                           ${(g / c).toFixed(2)} x   (goal: <= 2 x)`);
    console.log(`  ratio (page / fetch() of the same URL)        ${(g / f).toFixed(2)} x`);
    console.log(`  of which: click -> the proxy's headers ${median(headers).toFixed(1)}, -> the body's last byte ${median(bodies).toFixed(1)},` +
                ` frames drawn meanwhile ${median(frames)}`);
  } finally {
    await p.close();
    for (const c of children) c.kill('SIGTERM');
  }
}

main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
