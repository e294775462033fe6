// The AWS CLI's --output yaml and yaml-stream, pasted with Ctrl+V, show what the same answer's
// --output json shows: the state, the members, the output with its colours and emoji, the fleet.
//
// Every fixture is real AWS CLI v2 output (scripts/make_fixtures.sh). The JSON twin is pasted
// first, and its state JSON is what the YAML's must equal, but for the format and YAML's own
// findings (README "Input", YAML). Screenshot: test-artifacts/paste-yaml@2x.png.
'use strict';
const h = require('./support/harness');
const {awsCliJsonFixtures} = require('./support/expected');

async function paste(p, text, what) {
  const before = (await h.state(p.page)).generation;
  await h.pasteText(p.page, text);
  return h.waitFor(p.page, (s) => s.generation > before, what);
}

// What the view says about the invocation, which must not differ between twins (not: how the
// text was written, the findings about it, and the frame counters).
const SAID = ['valid', 'kind', 'has_invocation', 'fields', 'phase', 'detail', 'terminal', 'waiter', 'status',
              'status_details', 'explanation', 'response_code_meaning', 'times'];
function comparable(s) {
  return Object.fromEntries(SAID.map((k) => [k, s[k]]));
}

h.test('every yaml and yaml-stream fixture shows what its JSON twin shows', async () => {
  const p = await h.openPage();
  try {
    for (const f of awsCliJsonFixtures()) {
      const json = await paste(p, f.text, `${f.name}.json`);
      for (const ext of ['yaml', 'yaml-stream']) {
        const yaml = await paste(p, h.fixture(`aws-cli/${f.name}.${ext}`), `${f.name}.${ext}`);
        h.assertEqual(yaml.format, ext, `${f.name}.${ext}: format`);
        h.assertEqual(yaml.phase, f.phase, `${f.name}.${ext}: phase`);
        h.assert(yaml.valid, `${f.name}.${ext}: valid`);
        h.assertEqual(JSON.stringify(comparable(yaml)), JSON.stringify(comparable(json)), `${f.name}.${ext}: the state`);
        for (const d of yaml.diagnostics) h.assert(d.line > 0, `${f.name}.${ext}: ${d.code} is placed`);
      }
    }
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});

h.test('the rich sample as yaml: colours, CJK and emoji drawn, the fold said, and a screenshot', async () => {
  const p = await h.openPage({deviceScaleFactor: 2, viewport: {width: 1280, height: 800}});
  try {
    const s = await paste(p, h.fixture('aws-cli/success_rich.yaml'), 'success_rich.yaml');
    h.assertEqual(s.format, 'yaml', 'format');
    h.assertEqual(s.phase, 'success', 'phase');
    const codes = s.diagnostics.map((d) => d.code);
    for (const c of ['yaml.folded', 'yaml.escape_esc', 'yaml.escape_astral']) h.assert(codes.includes(c), `${c} is said`);
    // The output's glyphs are drawn from the browser's fonts once the view asked for them.
    const drawn = await h.waitFor(p.page, (x) => x.glyphs && x.glyphs.replaced === 0 && x.glyphs.added > 0, 'glyphs drawn', 20000);
    h.assert(drawn.glyphs.colored > 0, 'emoji in colour');
    await h.settle(p.page);
    await p.page.screenshot({path: h.artifactPath('paste-yaml@2x.png')});
  } finally {
    await p.close();
  }
});

h.test('a fleet as yaml-stream shows the fleet its JSON shows, page by page', async () => {
  const p = await h.openPage();
  try {
    const json = await paste(p, h.fixture('aws-cli/fleet-deploy.details.json'), 'fleet json');
    const yaml = await paste(p, h.fixture('aws-cli/fleet-deploy.details.yaml-stream'), 'fleet yaml-stream');
    h.assertEqual(yaml.format, 'yaml-stream', 'format');
    h.assertEqual(yaml.kind, json.kind, 'kind');
    h.assert(yaml.fleet && json.fleet, 'a fleet in both');
    // The table's rows (instance ids in order), the progress and the output groups are the JSON's.
    h.assertEqual(JSON.stringify(yaml.fleet), JSON.stringify(json.fleet), 'the fleet view');
    h.assert(yaml.fleet.invocations > 0 && yaml.fleet.groups > 0, 'invocations and groups shown');
    h.assert(yaml.diagnostics.some((d) => d.code === 'fleet.pages'), 'the three pages are said');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
