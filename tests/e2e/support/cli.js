// tests/e2e/support/cli.js: the native `ssmview` command, for link round trips with the page.
//
// Index
//   CLI            the executable's path
//   cliAvailable   whether it is there and executable (else the test exits 77)
//   run            run it with arguments and standard input; its standard output
//
// Found at $SSMVIEW_CLI, else build/native/cli/ssmview (the native preset). The wasm build does
// not build it: when it is missing the round-trip tests say so and exit 77. tests/e2e/CMakeLists.txt
// sets no SKIP_RETURN_CODE, so under ctest that is a failure (scripts/test.sh builds the native
// preset first); run by hand, 77 tells "not built" from a broken round trip. Never a silent pass.
'use strict';
const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');
const {ROOT} = require('./harness');

const CLI = process.env.SSMVIEW_CLI || path.join(ROOT, 'build', 'native', 'cli', 'ssmview');

function cliAvailable() {
  try { fs.accessSync(CLI, fs.constants.X_OK); return true; } catch { return false; }
}

function run(args, input) {
  return execFileSync(CLI, args, {input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe']});
}

module.exports = {CLI, cliAvailable, run};
