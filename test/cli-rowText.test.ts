import { describe, expect, it } from 'vitest';
import { outcomeWriter } from '../src/cli/output';
import type { ClaimRow } from '../src/cli/settle';

// A claim's row as `evaluate` writes it from the engine's figures (fen), not from a result.
const row = (paidLines: (string | number)[], fen: number, extra: Partial<ClaimRow> = {}): ClaimRow => ({
  policy: { scheme: 'test', year: 2024 },
  memberId: 'm, 1',
  claimId: 'c"1',
  eligible: true,
  reasons: [],
  warnings: [],
  illustrative: false,
  fen,
  paidLines,
  ...extra,
});

describe('a row of one plan written from its figures', () => {
  it('writes each line from the fen, in line order, quoting the cells that need it', () => {
    const outcome = { line: 12, result: row(['hospitalisation', 158400, 'hospital-allowance', 20000], 178400) };
    expect(outcomeWriter('csv', 'en').row(outcome)).toBe('12,settled,test,2024,"m, 1","c""1",1784.00,hospitalisation=1584.00;hospital-allowance=200.00,,,false,\n');
    expect(outcomeWriter('ndjson', 'en').row(outcome)).toBe(
      '{"line":12,"status":"settled","scheme":"test","year":2024,"memberId":"m, 1","claimId":"c\\"1","total":"1784.00","benefits":{"hospitalisation":"1584.00","hospital-allowance":"200.00"},"reasons":[],"warnings":[],"illustrative":false}\n',
    );
    expect(outcomeWriter('json', 'en').row(outcome)).toBe(outcomeWriter('ndjson', 'en').row(outcome).slice(0, -1));
  });

  it('lists ids that are numbers first, in numeric order, as an object would', () => {
    const outcome = { line: 3, result: row(['lump', 5000, '20', 2000, '3', 3050], 10050, { illustrative: true }) };
    expect(outcomeWriter('csv', 'en').row(outcome)).toBe('3,settled,test,2024,"m, 1","c""1",100.50,3=30.50;20=20.00;lump=50.00,,,true,\n');
    expect(outcomeWriter('ndjson', 'en').row(outcome)).toContain('"total":"100.50","benefits":{"3":"30.50","20":"20.00","lump":"50.00"},"reasons":[],"warnings":[],"illustrative":true}\n');
  });

  it('quotes a benefits cell whose id holds a comma', () => {
    const outcome = { line: 4, result: row(['a,b', 100, 'c', 5], 105) };
    expect(outcomeWriter('csv', 'en').row(outcome)).toBe('4,settled,test,2024,"m, 1","c""1",1.05,"a,b=1.00;c=0.05",,,false,\n');
    expect(outcomeWriter('ndjson', 'en').row(outcome)).toContain('"benefits":{"a,b":"1.00","c":"0.05"}');
  });

  it('writes a refused row with no lines', () => {
    const outcome = { line: 5, result: row([], 0, { eligible: false }) };
    expect(outcomeWriter('csv', 'en').row(outcome)).toBe('5,refused,test,2024,"m, 1","c""1",0.00,,,,false,\n');
    expect(outcomeWriter('ndjson', 'en').row(outcome)).toContain('"status":"refused"');
    expect(outcomeWriter('ndjson', 'en').row(outcome)).toContain('"total":"0.00","benefits":{},"reasons":[]');
  });
});
