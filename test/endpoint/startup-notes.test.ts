// What `npm run endpoint` and `npm start` announce about SANDBOX_FAULTS, SFN_MOCK_CONFIG and SFN_TIME_SCALE, and
// the fault report they print on shutdown: a few lines, not one JSON line.
import { startupNotes } from '../../src/cli/startup-notes';
import { configFromEnv } from '../../src/config/config';
import { faultReportLines } from '../../src/faults';

describe('startupNotes', () => {
  it('says nothing for a plain start', () => {
    expect(startupNotes(configFromEnv({}), { faults: false })).toEqual([]);
  });

  it('announces fault injection, mocks and a scaled clock', () => {
    const config = configFromEnv({
      SANDBOX_FAULTS: 'examples/faults/throttle-putitem-20pct.json',
      SFN_MOCK_CONFIG: 'examples/mock-config/MockConfigFile.json',
      SFN_TIME_SCALE: '0',
    });
    expect(startupNotes(config, { faults: true })).toEqual([
      'fault injection active (SANDBOX_FAULTS: examples/faults/throttle-putitem-20pct.json): the DynamoDB calls it selects fail; a report is printed on shutdown',
      'mocks loaded (SFN_MOCK_CONFIG: examples/mock-config/MockConfigFile.json): start an execution of <stateMachineArn>#<TestCase> to use one',
      'SFN_TIME_SCALE=0: Wait states, Retry delays and timeouts are scaled to nothing (timeouts disabled)',
    ]);
  });
});

describe('faultReportLines', () => {
  it('gives totals, then one line per operation and per error', () => {
    const lines = faultReportLines({
      injected: 412,
      byOperation: { PutItem: 412 },
      byError: { ProvisionedThroughputExceededException: 412 },
      calls: { PutItem: 2060, Scan: 3 },
      faultedCalls: { PutItem: [1, 2] },
    });
    expect(lines).toEqual([
      'fault injection (SANDBOX_FAULTS): 412 of 2,063 DynamoDB calls failed on purpose',
      '  PutItem                                 412 of 2,060 calls faulted',
      '  Scan                                    0 of 3 calls faulted',
      '  ProvisionedThroughputExceededException  412 injected',
    ]);
  });
});
