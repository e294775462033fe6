// A pasted invocation whose stderr ends in the SSM agent's stderr marker ("---Error truncated----",
// four dashes at the end) shows the truncation banner on the stderr tab, and only there; the page
// says exactly what `ssmview inspect --json` says about both streams.
//
// The invocation is the real AWS CLI's failed.json with the marker appended to its stderr, written
// back the way the AWS CLI writes JSON (4-space indent). It goes in through a real Ctrl+V paste.
// window.ssmview.state() gives fields.<member>.truncated, the diagnostics and the controls drawn
// (the banner is the control "output.truncated_banner"); the native CLI gives its own answer.
'use strict';
const h = require('./support/harness');
const cli = require('./support/cli');

if (!cli.cliAvailable()) {
  console.log(`skipped: the native CLI is not built (${cli.CLI}); build the native preset first`);
  process.exit(77);
}

const MEMBERS = ['StandardOutputContent', 'StandardErrorContent'];

function cutAt(diagnostics, member) {
  return diagnostics.filter((d) => d.path === '/' + member && (d.code === 'output.truncated' || d.code === 'output.at_limit'));
}

h.test('stderr ending in ---Error truncated---- shows the banner on stderr, as inspect --json reports', async () => {
  const inv = JSON.parse(h.fixture('aws-cli/failed.json'));
  inv.StandardErrorContent += '\n---Error truncated----';
  const text = JSON.stringify(inv, null, 4) + '\n';
  const fromCli = JSON.parse(cli.run(['inspect', '--json'], text));

  const p = await h.openPage();
  try {
    const before = (await h.state(p.page)).generation;
    await h.pasteText(p.page, text);
    let s = await h.waitFor(p.page, (s) => s.generation > before, 'the paste');
    h.assertEqual(s.phase, 'failed', 'phase');

    // What the page and the CLI say, stream by stream.
    h.assertEqual(s.fields.StandardErrorContent.truncated, true, 'stderr is marked cut in state()');
    h.assertEqual(s.fields.StandardOutputContent.truncated, false, 'stdout is not marked cut in state()');
    for (const m of MEMBERS) {
      const page = cutAt(s.diagnostics, m), line = cutAt(fromCli.diagnostics, m);
      h.assertEqual(JSON.stringify(page), JSON.stringify(line), `${m}: the page's finding is the CLI's`);
      h.assertEqual(s.fields[m].truncated, line.length === 1, `${m}: the page's flag follows the CLI`);
    }
    const finding = cutAt(s.diagnostics, 'StandardErrorContent')[0];
    h.assertEqual(finding.code, 'output.truncated', 'the stderr finding');
    h.assertEqual(finding.message,
        'StandardErrorContent ends in the agent\'s "---Error truncated----" marker: the service kept only the first part. ' +
        'The full text was not sent to S3 (no URL is set).', 'the stderr finding\'s message');

    // The stdout tab (shown first: stdout is not empty) has no banner; the stderr tab has it.
    await h.settle(p.page);
    s = await h.state(p.page);
    h.assertEqual(s.ui.stream, 'stdout', 'the stdout tab is shown first');
    h.assert(!('output.truncated_banner' in s.controls), 'no banner on stdout');
    const {x, y} = await h.controlCenter(p.page, 'output.tab.stderr');
    await p.page.mouse.click(x, y);
    s = await h.waitFor(p.page, (s) => s.ui.stream === 'stderr' && 'output.truncated_banner' in s.controls,
                        'the stderr tab with its truncation banner');
    h.assertEqual(p.errors.length, 0, `page errors: ${p.errors.join('; ')}`);
  } finally {
    await p.close();
  }
});
