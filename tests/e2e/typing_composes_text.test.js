// Typed text reaches the view's fields through the browser's own text input: input methods
// (Japanese, Chinese, Korean), dead keys and plain typing, each exactly once.
//
// A canvas gets no composition events, so while a field of the view is active the focus moves to
// a hidden textarea (#ime, wasm/platform_input.cpp). Composition is driven the way Chromium's own
// input method layer drives it, over the DevTools protocol: Input.imeSetComposition for each step
// of a composition, Input.insertText to commit it. The find box is the field typed into; the
// state's find query is what arrived, and its match count shows the sample's Japanese line found.
'use strict';
const h = require('./support/harness');

async function openFind(p) {
  await h.settle(p.page);
  await p.page.focus('#canvas');
  await p.page.keyboard.press('Control+F');
  await p.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime', null, {timeout: 10000});
}

async function query(p) { return (await h.state(p.page)).ui.find.query; }

h.test('a Japanese composition commits into the find box once, and finds the sample\'s line', async () => {
  const p = await h.openPage();
  try {
    await openFind(p);
    const cdp = await p.page.context().newCDPSession(p.page);
    for (const step of ['に', 'にほ', 'にほん']) {
      await cdp.send('Input.imeSetComposition', {text: step, selectionStart: step.length, selectionEnd: step.length});
    }
    h.assertEqual(await query(p), '', 'nothing reaches the field while composing');
    await cdp.send('Input.insertText', {text: '日本'});
    const s = await h.waitFor(p.page, (s) => s.ui.find.query === '日本', 'the committed word');
    h.assertEqual(s.ui.find.matches, 1, 'the sample\'s line 12 is found');
    // Korean: jamo compose into a syllable, then commit.
    for (const step of ['ㅎ', '하', '한']) await cdp.send('Input.imeSetComposition', {text: step, selectionStart: 1, selectionEnd: 1});
    await cdp.send('Input.insertText', {text: '한'});
    await h.waitFor(p.page, (s) => s.ui.find.query === '日本한', 'the Korean syllable after it');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});

h.test('a dead key composes its accent, plain typing arrives once, Backspace deletes', async () => {
  const p = await h.openPage();
  try {
    await openFind(p);
    const cdp = await p.page.context().newCDPSession(p.page);
    await p.page.keyboard.type('caf');
    await h.waitFor(p.page, (s) => s.ui.find.query === 'caf', 'typed letters, once each');
    // A dead acute then "e": the platform shows the accent as a composition, then commits é.
    await cdp.send('Input.dispatchKeyEvent', {type: 'rawKeyDown', key: 'Dead', code: 'Quote', windowsVirtualKeyCode: 222});
    await cdp.send('Input.imeSetComposition', {text: '\u00b4', selectionStart: 1, selectionEnd: 1});
    await cdp.send('Input.dispatchKeyEvent', {type: 'keyUp', key: 'Dead', code: 'Quote', windowsVirtualKeyCode: 222});
    await cdp.send('Input.insertText', {text: '\u00e9'});
    await h.waitFor(p.page, (s) => s.ui.find.query === 'caf\u00e9', 'the composed é');
    await p.page.keyboard.press('Backspace');
    await h.waitFor(p.page, (s) => s.ui.find.query === 'caf', 'Backspace removed é');
    // Escape leaves the field: the focus goes back to the canvas, and shortcuts work again.
    await p.page.keyboard.press('Escape');
    await p.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'canvas', null, {timeout: 10000});
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
