#!/usr/bin/env node
// bench/browser/run_bench.js: the viewer in headless Chromium, next to a bare Dear ImGui page.
//
// Index
//   setup                 serve dist/ and the baseline page (build/wasm/bench/browser/site) on 127.0.0.1;
//                         settle() is the e2e harness's (bounded: an error after 15 s of drawing)
//   firstFrame            navigation -> first frame, median of N fresh page loads, both pages -> ratio
//   pasteToFrame          a paste event -> the frame that shows it (API-maximal invocation, 10 MB one)
//   scrollCpu             main-thread time per frame while a 200,000-line output is scrolled, split
//                         into ImGui + view (wasm) and WebGL submission (state().frame_cpu_ms); the
//                         same for the targets table of a 10,000-invocation fleet, down and up
//   fleetInvocations      list-command-invocations --details of 10,000 targets (issue 9's size);
//                         its paste -> frame against JSON.parse of the same text in the same page
//   glyphFill             a screen of 2,400 CJK ideographs the bundled font lacks: load -> no U+FFFD
//                         left, against canvas fillText of as many unseen code points
//   idleFrames            frames drawn in 5 idle seconds (the viewer: 0; the baseline: ~300)
//   sizes                 gzip -9 sizes of wasm + js (and brotli -q 11), the font, the single-file page
//   main                  prints a table (and --json prints the figures as JSON)
//
// Not a test: it prints numbers. Chromium here renders with SwiftShader (no GPU), so absolute
// times are slow and noisy; the navigation time is reported as a ratio to the baseline page built
// with the same toolchain and flags. Usage (after `cmake --build --preset wasm`):
//   node bench/browser/run_bench.js [--runs N] [--json]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const {chromium} = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const {startServer} = require(path.join(ROOT, 'tests', 'e2e', 'support', 'server.js'));
// The e2e suite's Chromium flags and its settle() (wait for the page to stop drawing, with a bounded
// wait that throws a clear error: a page that never goes quiet must not hang the benchmark).
const {CHROMIUM_ARGS, settle, sleep} = require(path.join(ROOT, 'tests', 'e2e', 'support', 'harness.js'));
const DIST = process.env.SSMVIEW_DIST || path.join(ROOT, 'dist');
const BASELINE = process.env.SSMVIEW_BASELINE || path.join(ROOT, 'build', 'wasm', 'bench', 'browser', 'site');

const args = process.argv.slice(2);
const RUNS = Number((args[args.indexOf('--runs') + 1]) || 0) || 7;
const JSON_OUT = args.includes('--json');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };

// ---- inputs ----------------------------------------------------------------------------------------
// The largest invocation GetCommandInvocation returns: every member, StandardOutputContent at its
// 24,000-character limit and StandardErrorContent at 8,000, with colours and non-ASCII text.
function maximalInvocation() {
  const fill = (n, seed) => {
    let s = '';
    let i = 0;
    while (s.length < n) {
      i++;
      s += (i % 7 === 0 ? '\u001b[31mERROR\u001b[0m ' : i % 5 === 0 ? '\u001b[1;32mok\u001b[0m ' : '') +
           `${seed} ${String(i).padStart(5, '0')} Καλημέρα Проверка ┌─┐ → ${'x'.repeat(i % 40)}\n`;
    }
    return s.slice(0, n);
  };
  const id = '0f8f2c1d-4b4e-4f6a-9c53-1c9e3d6a7b21';
  return JSON.stringify({
    CommandId: id, InstanceId: 'i-0123456789abcdef0', Comment: 'c'.repeat(100),
    DocumentName: 'AWS-RunShellScript', DocumentVersion: '$DEFAULT', PluginName: 'aws:runShellScript',
    ResponseCode: 1, ExecutionStartDateTime: '2026-11-20T14:03:07.604Z', ExecutionElapsedTime: 'PT10M0.317S',
    ExecutionEndDateTime: '2026-11-20T14:13:07.921Z', Status: 'Failed', StatusDetails: 'Failed',
    StandardOutputContent: fill(24000, 'out'), StandardOutputUrl: `https://s3.us-east-1.amazonaws.com/bucket/prefix/${id}/i-0123456789abcdef0/awsrunShellScript/0.awsrunShellScript/stdout`,
    StandardErrorContent: fill(8000, 'err'), StandardErrorUrl: `https://s3.us-east-1.amazonaws.com/bucket/prefix/${id}/i-0123456789abcdef0/awsrunShellScript/0.awsrunShellScript/stderr`,
    CloudWatchOutputConfig: {CloudWatchLogGroupName: '/aws/ssm/AWS-RunShellScript', CloudWatchOutputEnabled: true},
  }, null, 4);
}

// 200,000 lines, ~10 MB: the view's design target (a saved full output, pasted as one invocation).
function hugeInvocation(lines = 200000) {
  const out = [];
  for (let i = 1; i <= lines; i++) out.push(`${String(i).padStart(6, '0')} \u001b[36mINFO\u001b[0m worker-${i % 17} processed batch ${i * 7919 % 100000} in ${i % 97} ms`);
  return JSON.stringify({CommandId: 'huge', InstanceId: 'i-0123456789abcdef0', Status: 'Success', StatusDetails: 'Success',
    ResponseCode: 0, StandardOutputContent: out.join('\n') + '\n', StandardErrorContent: ''}, null, 4);
}

// `aws ssm list-command-invocations --details` of `n` targets as the CLI prints it: one step each,
// every 50th failed, outputs that differ in a number and a time (so "ignore digits" has work).
function fleetInvocations(n = 10000) {
  const id = '5d0a8c2e-1b7f-4e39-9a64-0c3b2f8e7d11';
  const invocations = [];
  for (let i = 0; i < n; i++) {
    const failed = i % 50 === 0;
    const status = failed ? 'Failed' : 'Success';
    const sec = String(i % 60).padStart(2, '0');
    const out = failed ? `fetching build ${i % 7}\n\n----------ERROR-------\ncurl: (28) timed out after 30001 ms\n`
                       : `fetching build ${i % 7}\nunpacked ${1200 + i % 13} files\nhealthy at 2026-11-20T14:03:${sec}Z\n`;
    invocations.push({
      CommandId: id, InstanceId: 'i-' + i.toString(16).padStart(17, '0'), InstanceName: `web-${i}`, Comment: 'fleet bench',
      DocumentName: 'AWS-RunShellScript', DocumentVersion: '$DEFAULT', RequestedDateTime: '2026-11-20T09:03:07.512000-05:00',
      Status: status, StatusDetails: status, StandardOutputUrl: '', StandardErrorUrl: '',
      CommandPlugins: [{Name: 'aws:runShellScript', Status: status, StatusDetails: status, ResponseCode: failed ? 28 : 0,
        ResponseStartDateTime: '2026-11-20T09:03:08.412000-05:00', ResponseFinishDateTime: `2026-11-20T09:03:${String(10 + i % 40)}.192000-05:00`,
        Output: out, StandardOutputUrl: '', StandardErrorUrl: '', OutputS3Region: 'us-east-1', OutputS3BucketName: '', OutputS3KeyPrefix: ''}],
      ServiceRole: '', NotificationConfig: {NotificationArn: '', NotificationEvents: [], NotificationType: ''},
      CloudWatchOutputConfig: {CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false},
    });
  }
  return JSON.stringify({CommandInvocations: invocations}, null, 4);
}

// JSON.parse of the same text in the page: the anchor for a paste's cost.
async function parseTime(page, text, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await page.evaluate((t) => { const t0 = performance.now(); JSON.parse(t); return performance.now() - t0; }, text));
  return {median_ms: median(times), runs};
}

// ---- setup -------------------------------------------------------------------------------------------
async function newPage(browser, url, viewport = {width: 1280, height: 800}) {
  const context = await browser.newContext({viewport, deviceScaleFactor: 1});
  const page = await context.newPage();
  await page.goto(url);
  return {context, page};
}

// ---- firstFrame --------------------------------------------------------------------------------------
async function firstFrame(browser, siteUrl, baseUrl) {
  const viewer = [], baseline = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so drift in machine load hits both pages alike.
    let {context, page} = await newPage(browser, siteUrl);
    await page.evaluate(() => window.ssmview.ready);
    viewer.push(await page.evaluate(() => Module.ssmFirstFrameAt));
    await context.close();
    ({context, page} = await newPage(browser, baseUrl));
    await page.waitForFunction(() => window.baselineFirstFrameAt !== undefined);
    baseline.push(await page.evaluate(() => window.baselineFirstFrameAt));
    await context.close();
  }
  return {viewer_ms: median(viewer), baseline_ms: median(baseline), ratio: median(viewer) / median(baseline), runs: RUNS};
}

// ---- pasteToFrame --------------------------------------------------------------------------------------
// A paste event as the browser fires it (a ClipboardEvent with a DataTransfer), timed from just
// before dispatch to the end of the frame that shows the new invocation. (The e2e tests use the
// real clipboard; here the clipboard's own cost, mostly DevTools moving 10 MB, is left out.)
async function pasteToFrame(page, text, runs) {
  const times = [], views = [], gls = [];
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate((t) => new Promise((resolve) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      const before = window.ssmview.frames();
      const t0 = performance.now();
      document.getElementById('canvas').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
      const check = () => {
        // rAF callbacks run in registration order: the viewer's frame (queued by the paste) runs first.
        // That first frame's own CPU (ImGui + view, and WebGL) is read at once, before another frame.
        if (window.ssmview.frames() > before) {
          const ms = performance.now() - t0;
          const cpu = window.ssmview.state().frame_cpu_ms;
          resolve({ms, view: cpu.view_last, gl: cpu.gl_last});
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }), text);
    times.push(r.ms);
    views.push(r.view);
    gls.push(r.gl);
    await settle(page);
  }
  return {median_ms: median(times), min_ms: Math.min(...times), runs,
          first_frame_view_median_ms: median(views), first_frame_view_max_ms: Math.max(...views), first_frame_gl_median_ms: median(gls)};
}

// ---- scrollCpu ------------------------------------------------------------------------------------------
async function scrollCpu(page, frames, control = 'output.pane', turnEvery = 0) {
  const s = await page.evaluate(() => window.ssmview.state());
  const pane = s.controls[control];
  const x = (pane[0] + pane[2] / 2) / s.scale, y = (pane[1] + pane[3] / 2) / s.scale;
  await page.mouse.move(x, y);
  await settle(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const task0 = await metric('TaskDuration');
  const result = await page.evaluate(([px, py, n, turn]) => new Promise((resolve) => {
    const canvas = document.getElementById('canvas');
    const samples = [];
    const f0 = window.ssmview.frames();
    let i = 0;
    const step = () => {
      if (i > 0) samples.push(window.ssmview.state().frame_cpu_ms);
      if (i++ >= n) { resolve({samples, frames: window.ssmview.frames() - f0}); return; }
      // 40 notches = 200 lines a frame: through 200,000 lines in ~1000 frames, touching new text every frame.
      // A table ends sooner: `turn` > 0 reverses the direction every `turn` frames.
      const dy = turn > 0 && Math.floor(i / turn) % 2 ? -4000 : 4000;
      canvas.dispatchEvent(new WheelEvent('wheel', {clientX: px, clientY: py, deltaY: dy, deltaMode: 0, bubbles: true, cancelable: true}));
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }), [x, y, frames, turnEvery]);
  const task1 = await metric('TaskDuration');
  const col = (k) => result.samples.map((x) => x[k]);
  return {
    frame_cpu_median_ms: median(col('last')), frame_cpu_p95_ms: pct(col('last'), 95), frames: result.frames,
    view_median_ms: median(col('view_last')), view_p95_ms: pct(col('view_last'), 95),
    gl_median_ms: median(col('gl_last')),
    main_thread_per_frame_ms: (task1 - task0) * 1000 / result.frames,
  };
}

// ---- idleFrames -------------------------------------------------------------------------------------------
async function idleFrames(page, read) {
  await sleep(1000);
  const a = await page.evaluate(read);
  await sleep(5000);
  return (await page.evaluate(read)) - a;
}

// ---- sizes -------------------------------------------------------------------------------------------------
function gz(file) { return zlib.gzipSync(fs.readFileSync(file), {level: 9}).length; }
const br = (file) => zlib.brotliCompressSync(fs.readFileSync(file), {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11}}).length;

function sizes() {
  const f = (n) => path.join(DIST, n);
  return {
    viewer_wasm_js_gzip: gz(f('ssmview.wasm')) + gz(f('ssmview.js')),
    viewer_wasm_js_raw: fs.statSync(f('ssmview.wasm')).size + fs.statSync(f('ssmview.js')).size,
    font_gzip: gz(f('DejaVuSansMono-subset.ttf')),
    font_raw: fs.statSync(f('DejaVuSansMono-subset.ttf')).size,
    full_font_gzip: fs.existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf') ? gz('/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf') : null,
    single_html_gzip: gz(f('ssmview-single.html')),
    baseline_wasm_js_gzip: gz(path.join(BASELINE, 'baseline.wasm')) + gz(path.join(BASELINE, 'baseline.js')),
    // Brotli at its best quality, as dist/'s .br twins are made (README "Hosting the page").
    viewer_wasm_js_br: br(f('ssmview.wasm')) + br(f('ssmview.js')),
    baseline_wasm_js_br: br(path.join(BASELINE, 'baseline.wasm')) + br(path.join(BASELINE, 'baseline.js')),
  };
}

// ---- glyphFill ----------------------------------------------------------------------------------------------
// A screen of text the bundled font lacks: 60 lines of 40 CJK ideographs, all different. The page
// shows U+FFFD for them in its first frame and asks the browser to draw them (view/fonts.h), a
// slice per task; timed from the load to the frame with no replacement glyph left, with the
// longest main-thread task on the way (PerformanceObserver 'longtask'). The anchor: the same
// number of code points never drawn before, drawn with canvas fillText alone in the same page
// (the browser's font fallback is most of the cost). Each run uses code points not seen before.
function cjkScreen(first) {
  const lines = [];
  let cp = first;
  for (let i = 0; i < 60; i++) { let l = ''; for (let j = 0; j < 40; j++) l += String.fromCodePoint(cp++); lines.push(l); }
  return JSON.stringify({CommandId: '0f8f2c1d-4b4e-4f6a-9c53-1c9e3d6a7b21', InstanceId: 'i-0123456789abcdef0', Status: 'Success',
    StatusDetails: 'Success', ResponseCode: 0, StandardOutputContent: lines.join('\n') + '\n', StandardErrorContent: ''}, null, 4);
}

async function glyphFill(page, runs) {
  const fills = [], anchors = [], longest = [], added = [];
  for (let i = 0; i < runs; i++) {
    const first = 0x4E00 + i * 4800;
    const r = await page.evaluate((t) => new Promise((resolve) => {
      const tasks = [];
      const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
      obs.observe({type: 'longtask'});
      const before = window.ssmview.state().glyphs.added;
      const t0 = performance.now();
      window.ssmview.load(t);
      const check = () => {
        const g = window.ssmview.state().glyphs;
        if (g.replaced === 0 && g.added > before) {
          const ms = performance.now() - t0;
          setTimeout(() => { obs.disconnect(); resolve({ms, added: g.added - before, longest: Math.max(0, ...tasks)}); }, 100);
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }), cjkScreen(first));
    fills.push(r.ms);
    longest.push(r.longest);
    added.push(r.added);
    // The anchor: as many unseen code points (the next 2,400), drawn by the canvas alone.
    anchors.push(await page.evaluate(([from, n, px]) => {
      const c = document.createElement('canvas');
      c.width = 2048; c.height = 2048;
      const ctx = c.getContext('2d', {willReadFrequently: true});
      ctx.font = px + 'px monospace';
      const t0 = performance.now();
      for (let k = 0; k < n; k++) ctx.fillText(String.fromCodePoint(from + k), (k % 64) * 32, 30 + Math.floor(k / 64) * 32);
      ctx.getImageData(0, 0, 2048, 2048);
      return performance.now() - t0;
    }, [first + 2400, r.added, 15]));
    await settle(page);
  }
  return {median_ms: median(fills), anchor_median_ms: median(anchors), longest_task_ms: Math.max(...longest), glyphs: median(added), runs};
}

// ---- main ----------------------------------------------------------------------------------------------------
async function main() {
  for (const need of [path.join(DIST, 'index.html'), path.join(BASELINE, 'baseline.html')]) {
    if (!fs.existsSync(need)) { console.error(`missing ${need}: run cmake --preset wasm && cmake --build --preset wasm`); process.exit(2); }
  }
  const site = await startServer({root: DIST, prefix: '/ssmview/'});
  const base = await startServer({root: BASELINE, prefix: '/baseline/'});
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS});
  const out = {chromium: browser.version(), runs: RUNS};
  try {
    out.first_frame = await firstFrame(browser, site.url, base.url + 'baseline.html');

    let {context, page} = await newPage(browser, site.url);
    await page.evaluate(() => window.ssmview.ready);
    await settle(page);
    out.idle_frames_5s = await idleFrames(page, () => window.ssmview.frames());
    out.paste_maximal = await pasteToFrame(page, maximalInvocation(), 5);
    const huge = hugeInvocation();
    out.paste_10mb = Object.assign(await pasteToFrame(page, huge, 3), {bytes: Buffer.byteLength(huge)});
    out.scroll_200k_lines = await scrollCpu(page, 240);
    const fleet = fleetInvocations();
    out.paste_fleet_10k = Object.assign(await pasteToFrame(page, fleet, 5), {bytes: Buffer.byteLength(fleet)});
    out.parse_fleet_10k = await parseTime(page, fleet, 5);
    await settle(page);
    out.scroll_fleet_10k = await scrollCpu(page, 240, 'fleet.table', 30);
    await context.close();

    ({context, page} = await newPage(browser, site.url));
    await page.evaluate(() => window.ssmview.ready);
    await settle(page);
    out.glyph_fill = await glyphFill(page, 3);
    await context.close();

    ({context, page} = await newPage(browser, base.url + 'baseline.html'));
    await page.waitForFunction(() => window.baselineFirstFrameAt !== undefined);
    out.baseline_idle_frames_5s = await idleFrames(page, () => window.baselineFrames);
    await context.close();

    out.sizes = sizes();
  } finally {
    await browser.close();
    await site.close();
    await base.close();
  }
  if (JSON_OUT) { console.log(JSON.stringify(out, null, 2)); return; }
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const ms = (n) => `${n.toFixed(1)} ms`;
  const rows = [
    ['Chromium', out.chromium + ' (headless, SwiftShader)'],
    ['navigation -> first frame, viewer', `${ms(out.first_frame.viewer_ms)} (median of ${RUNS})`],
    ['navigation -> first frame, baseline', ms(out.first_frame.baseline_ms)],
    ['  ratio viewer / baseline', out.first_frame.ratio.toFixed(2)],
    ['paste -> frame, API-maximal invocation', `${ms(out.paste_maximal.median_ms)} (min ${ms(out.paste_maximal.min_ms)})`],
    ['paste -> frame, 200,000 lines / ' + (out.paste_10mb.bytes / 1048576).toFixed(1) + ' MiB', `${ms(out.paste_10mb.median_ms)} (min ${ms(out.paste_10mb.min_ms)})`],
    ['CPU per frame, 200,000 lines scrolling', `median ${ms(out.scroll_200k_lines.frame_cpu_median_ms)}, p95 ${ms(out.scroll_200k_lines.frame_cpu_p95_ms)} (${out.scroll_200k_lines.frames} frames, 200 lines/frame)`],
    ['  of which ImGui + view (wasm)', `median ${ms(out.scroll_200k_lines.view_median_ms)}, p95 ${ms(out.scroll_200k_lines.view_p95_ms)}`],
    ['  of which WebGL submission', `median ${ms(out.scroll_200k_lines.gl_median_ms)} (waits for SwiftShader; baseline frame interval ${ms(5000 / Math.max(1, out.baseline_idle_frames_5s))})`],
    ['  main-thread task time per frame', ms(out.scroll_200k_lines.main_thread_per_frame_ms)],
    ['paste -> frame, fleet of 10,000 / ' + (out.paste_fleet_10k.bytes / 1048576).toFixed(1) + ' MiB', `${ms(out.paste_fleet_10k.median_ms)} (min ${ms(out.paste_fleet_10k.min_ms)})`],
    ['  JSON.parse of it in the page (anchor)', `${ms(out.parse_fleet_10k.median_ms)}; ratio ${(out.paste_fleet_10k.median_ms / out.parse_fleet_10k.median_ms).toFixed(1)}`],
    ['  its first frame: ImGui + view (wasm)', `median ${ms(out.paste_fleet_10k.first_frame_view_median_ms)}, max ${ms(out.paste_fleet_10k.first_frame_view_max_ms)}; WebGL submission ${ms(out.paste_fleet_10k.first_frame_gl_median_ms)}`],
    ['CPU per frame, 10,000 targets scrolling', `median ${ms(out.scroll_fleet_10k.frame_cpu_median_ms)}, p95 ${ms(out.scroll_fleet_10k.frame_cpu_p95_ms)} (${out.scroll_fleet_10k.frames} frames)`],
    ['  of which ImGui + view (wasm)', `median ${ms(out.scroll_fleet_10k.view_median_ms)}, p95 ${ms(out.scroll_fleet_10k.view_p95_ms)}`],
    ['CJK screen, load -> no U+FFFD left', `${ms(out.glyph_fill.median_ms)} for ${out.glyph_fill.glyphs} glyphs (median of ${out.glyph_fill.runs}); longest task ${ms(out.glyph_fill.longest_task_ms)}`],
    ['  canvas fillText of as many (anchor)', `${ms(out.glyph_fill.anchor_median_ms)}; ratio ${(out.glyph_fill.median_ms / out.glyph_fill.anchor_median_ms).toFixed(1)}`],
    ['frames in 5 idle seconds, viewer', String(out.idle_frames_5s)],
    ['frames in 5 idle seconds, baseline', String(out.baseline_idle_frames_5s)],
    ['gzip wasm + js, viewer', `${kb(out.sizes.viewer_wasm_js_gzip)} (raw ${kb(out.sizes.viewer_wasm_js_raw)})`],
    ['gzip wasm + js, baseline', `${kb(out.sizes.baseline_wasm_js_gzip)}; ratio ${(out.sizes.viewer_wasm_js_gzip / out.sizes.baseline_wasm_js_gzip).toFixed(2)}`],
    ['brotli wasm + js, viewer / baseline', `${kb(out.sizes.viewer_wasm_js_br)} / ${kb(out.sizes.baseline_wasm_js_br)}; ratio ${(out.sizes.viewer_wasm_js_br / out.sizes.baseline_wasm_js_br).toFixed(2)}`],
    ['gzip font (subset)', `${kb(out.sizes.font_gzip)} (raw ${kb(out.sizes.font_raw)}; full DejaVu Sans Mono ${out.sizes.full_font_gzip ? kb(out.sizes.full_font_gzip) : '?'} gzip)`],
    ['gzip ssmview-single.html', kb(out.sizes.single_html_gzip)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
