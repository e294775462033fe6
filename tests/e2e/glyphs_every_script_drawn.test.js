// Text in any script the browser's fonts cover is drawn as itself, never as U+FFFD.
//
// The bundled font covers Latin, Greek, Cyrillic and symbols; everything else is drawn by the
// browser's canvas 2D text (the system's fonts, colour emoji included) into the font atlas
// (view/fonts.h, wasm/platform_fonts.cpp). state().glyphs says how many code points the last frame
// still drew as the replacement glyph: 0 once the page has settled. Setup installs the Noto fonts
// (CJK, colour emoji, and the scripts of fonts-noto-core) so the browser here has what users have.
// Screenshots at deviceScaleFactor 2 in test-artifacts/ (glyphs-*.png) are for a person to look at:
// the sample's Japanese line 12 and emoji line 19, and a line per script.
'use strict';
const h = require('./support/harness');

const SCRIPTS = [
  'CJK       日本語のログ: 完了しました / 中文日志: 部署成功',
  'Hangul    배포가 완료되었습니다',
  'emoji     🚀 deployed ✅ ok ❌ failed 🔥 hot 📦 package',
  'Greek     Καλημέρα κόσμε',
  'Cyrillic  Проверка завершена',
  'Arabic    تم النشر بنجاح',
  'Hebrew    הפריסה הושלמה',
  'Devanagari तैनाती पूरी हुई',
  'Thai      การติดตั้งเสร็จสมบูรณ์',
  'combining e\u0301 a\u0300 n\u0303 o\u0308',
  'grid      |日本|ab|한국|cd|🚀🚀|ef|',
];

function invocation(stdout) {
  return JSON.stringify({CommandId: '0f8f2c1d-4b4e-4f6a-9c53-1c9e3d6a7b21', InstanceId: 'i-0123456789abcdef0',
                         Comment: 'ログ収集 🚀', Status: 'Success', StatusDetails: 'Success', ResponseCode: 0,
                         StandardOutputContent: stdout, StandardErrorContent: ''}, null, 4);
}

async function outputCrop(p, name, height = 330) {
  const s = await h.state(p.page);
  const pane = s.controls['output.pane'];
  h.assert(pane, 'the output pane is drawn');
  await p.page.screenshot({path: h.artifactPath(name),
                           clip: {x: pane[0] / 2, y: pane[1] / 2, width: Math.min(640, pane[2] / 2), height: Math.min(height, pane[3] / 2)}});
}

h.test('the sample\'s Japanese and emoji lines are drawn: no replacement glyph, emoji in colour', async () => {
  const p = await h.openPage({deviceScaleFactor: 2, viewport: {width: 1280, height: 800}});
  try {
    await h.settle(p.page);
    const s = await h.state(p.page);
    h.assertEqual(s.source_name, 'success_rich', 'the first screen shows the rich sample');
    h.assertEqual(s.glyphs.replaced, 0, 'code points drawn as U+FFFD');
    h.assert(s.glyphs.added >= 8, `the browser drew the CJK and emoji glyphs (${s.glyphs.added})`);
    h.assert(s.glyphs.colored >= 3, `emoji are drawn in colour (${s.glyphs.colored})`);
    await outputCrop(p, 'glyphs-sample@2x.png');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});

h.test('a paste in every script draws with no replacement glyph, and the atlas stops growing', async () => {
  const p = await h.openPage({deviceScaleFactor: 2, viewport: {width: 1280, height: 800}});
  try {
    await h.settle(p.page);
    const before = (await h.state(p.page)).generation;
    await h.pasteText(p.page, invocation(SCRIPTS.join('\n') + '\n'));
    await h.waitFor(p.page, (s) => s.generation > before, 'the paste');
    await h.settle(p.page);
    const s = await h.state(p.page);
    h.assertEqual(s.glyphs.replaced, 0, 'code points drawn as U+FFFD');
    await outputCrop(p, 'glyphs-scripts@2x.png');

    // More frames over the same text (the mouse over the pane, a find) add no glyphs.
    const added = s.glyphs.added;
    const frames = await p.page.evaluate(() => window.ssmview.frames());
    const pane = s.controls['output.pane'];
    await p.page.mouse.move(pane[0] / 2 + 40, pane[1] / 2 + 40);
    await p.page.mouse.move(pane[0] / 2 + 200, pane[1] / 2 + 80);
    await h.settle(p.page);
    const after = await h.state(p.page);
    h.assert(await p.page.evaluate(() => window.ssmview.frames()) > frames, 'frames were drawn');
    h.assertEqual(after.glyphs.added, added, 'glyphs added after the text was drawn once');
    h.assertEqual(after.glyphs.replaced, 0, 'code points drawn as U+FFFD, later');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
