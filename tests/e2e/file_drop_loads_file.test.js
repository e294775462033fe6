// Dropping a file anywhere on the page loads it; the open-file dialog (Ctrl+O) does too.
'use strict';
const path = require('path');
const h = require('./support/harness');
const {awsCliJsonFixtures} = require('./support/expected');

async function dropFile(page, selector, name, text) {
  const dataTransfer = await page.evaluateHandle(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, {type: 'application/json'}));
    return dt;
  }, [name, text]);
  await page.dispatchEvent(selector, 'dragenter', {dataTransfer});
  await page.dispatchEvent(selector, 'dragover', {dataTransfer});
  await page.dispatchEvent(selector, 'drop', {dataTransfer});
}

h.test('a file dropped on the canvas is loaded, with its name', async () => {
  const f = awsCliJsonFixtures().find((x) => x.phase === 'failed');
  const p = await h.openPage();
  try {
    const before = (await h.state(p.page)).generation;
    await dropFile(p.page, '#canvas', 'failed-run.json', f.text);
    const s = await h.waitFor(p.page, (s) => s.generation > before, 'the dropped file');
    h.assertEqual(s.source, 'file', 'source');
    h.assertEqual(s.source_name, 'failed-run.json', 'source name');
    h.assertEqual(s.phase, 'failed', 'phase');
  } finally {
    await p.close();
  }
});

h.test('a file dropped on the HTML below the canvas is loaded too', async () => {
  const f = awsCliJsonFixtures().find((x) => x.phase === 'in_progress');
  const p = await h.openPage();
  try {
    const before = (await h.state(p.page)).generation;
    await dropFile(p.page, '#raw', 'running.json', f.text);
    const s = await h.waitFor(p.page, (s) => s.generation > before, 'the dropped file');
    h.assertEqual(s.phase, 'in_progress', 'phase');
  } finally {
    await p.close();
  }
});

h.test('Ctrl+O opens the file dialog, and the chosen file is loaded', async () => {
  const f = awsCliJsonFixtures().find((x) => x.phase === 'cancelled');
  const p = await h.openPage();
  try {
    const before = (await h.state(p.page)).generation;
    const consoleLines = [];
    p.page.on('console', (m) => consoleLines.push(m.type() + ': ' + m.text()));
    // Playwright turns on the browser's file-chooser interception when the first listener is
    // added, in a message of its own; a page round trip after it makes sure the browser has it
    // before the key is pressed (a chooser opened before it is refused silently in headless).
    const chooserPromise = p.page.waitForEvent('filechooser', {timeout: 15000});
    await p.page.focus('#canvas');
    await p.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'canvas');
    await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    await p.page.keyboard.press('Control+O');
    const chooser = await chooserPromise.catch((e) => {
      throw new Error(e.message + '\nthe page said:\n' + consoleLines.join('\n'));
    });
    await chooser.setFiles(f.file);
    const s = await h.waitFor(p.page, (s) => s.generation > before, 'the chosen file');
    h.assertEqual(s.source_name, path.basename(f.file), 'source name');
    h.assertEqual(s.phase, 'cancelled', 'phase');
  } finally {
    await p.close();
  }
});
