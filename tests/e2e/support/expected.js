// tests/e2e/support/expected.js: what each real AWS CLI fixture must show, written down
// independently of the core (from the SSM API reference: Status drives the phase, StatusDetails
// refines it), so the page is checked against the documentation, not against itself.
//
// Index
//   PHASE_OF_STATUS, DETAIL_OF_STATUS_DETAILS, TERMINAL   the documented vocabulary
//   awsCliJsonFixtures   every tests/fixtures/aws-cli/*.json with its expected phase, detail, terminal
//   onePerPhase          the first fixture of each phase (screenshots)
'use strict';
const fs = require('fs');
const path = require('path');
const {FIXTURES} = require('./harness');

const PHASE_OF_STATUS = {
  Pending: 'pending', InProgress: 'in_progress', Delayed: 'delayed', Success: 'success',
  Cancelled: 'cancelled', TimedOut: 'timed_out', Failed: 'failed', Cancelling: 'cancelling',
};
const DETAIL_OF_STATUS_DETAILS = {
  DeliveryTimedOut: 'delivery_timed_out', ExecutionTimedOut: 'execution_timed_out',
  Undeliverable: 'undeliverable', Terminated: 'terminated',
};
const TERMINAL = new Set(['success', 'failed', 'timed_out', 'cancelled']);

// Every tests/fixtures/aws-cli/*.json with its expected phase, detail and terminal flag.
function awsCliJsonFixtures() {
  const dir = path.join(FIXTURES, 'aws-cli');
  // One invocation each: the fleet outputs (fleet-*.json) are read by tests/cli/fleet_inspect_test.py.
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('fleet-')).sort().map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const inv = JSON.parse(text);
    const phase = PHASE_OF_STATUS[inv.Status];
    if (!phase) throw new Error(`${f}: unexpected Status ${inv.Status}`);
    return {
      name: f.replace(/\.json$/, ''), file: path.join(dir, f), text, inv, phase,
      detail: DETAIL_OF_STATUS_DETAILS[inv.StatusDetails] || '',
      terminal: TERMINAL.has(phase),
    };
  });
}

// One fixture per phase (the first in name order), for screenshots.
function onePerPhase() {
  const seen = new Map();
  for (const f of awsCliJsonFixtures()) if (!seen.has(f.phase)) seen.set(f.phase, f);
  return [...seen.values()];
}

module.exports = {awsCliJsonFixtures, onePerPhase, PHASE_OF_STATUS};
