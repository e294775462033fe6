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
    await p.page.focus('#canvas');
    const [chooser] = await Promise.all([
      p.page.waitForEvent('filechooser', {timeout: 10000}),
      p.page.keyboard.press('Control+O'),
    ]);
    await chooser.setFiles(f.file);
    const s = await h.waitFor(p.page, (s) => s.generation > before, 'the chosen file');
    h.assertEqual(s.source_name, path.basename(f.file), 'source name');
    h.assertEqual(s.phase, 'cancelled', 'phase');
  } finally {
    await p.close();
  }
});
