/**
 * Calendar dates: the day numbers every date check and day count uses, and the cases that
 * once depended on the machine's time zone, run here and under other zones in child
 * processes (TZ is read when a process starts, so setting it inside this one proves nothing).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDateSchema } from '../src/_lib/dates';
import { runDateCases } from './_dateCases';

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

describe('dayNumber', () => {
  it('counts the days since 1970-01-01 as the calendar does, from 0001 to 9999', () => {
    const first = Date.parse('0001-01-01T00:00:00Z') / DAY;
    const last = Date.parse('9999-12-31T00:00:00Z') / DAY;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        expect(dayNumber(iso(day * DAY))).toBe(day);
      }),
    );
    expect([dayNumber('1970-01-01'), dayNumber('2024-03-01') - dayNumber('2024-02-28'), dayNumber('2023-03-01') - dayNumber('2023-02-28')]).toEqual([0, 2, 1]);
    expect([dayNumber('0001-01-01'), dayNumber('9999-12-31')]).toEqual([first, last]);
  });

  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['0000-12-31', false],
    ['2024-1-01', false],
    ['2024/01/01', false],
    ['202x-01-01', false],
    ['20xx-01-01', false],
    ['２０２４-01-01', false],
    ['2024-01-01 ', false],
  ])('reads %s as a real date: %s', (date, real) => {
    expect(Number.isNaN(dayNumber(date))).toBe(!real);
    expect(isoDateSchema.safeParse(date).success).toBe(real);
  });
});

describe('dates in this process’s time zone', () => {
  it.each(runDateCases())('$name', ({ got, expected }) => {
    expect(got).toEqual(expected);
  });
});

const CASES = fileURLToPath(new URL('./_dateCases.ts', import.meta.url));
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/Los_Angeles', 'Asia/Shanghai'];

describe('dates under other time zones', () => {
  // A child process starts with the zone; a whole Node start with tsx is seconds on a busy machine.
  it.each(ZONES)('%s', (zone) => {
    const script = [
      `const { runDateCases } = await import(${JSON.stringify(CASES)});`,
      'console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, results: runDateCases() }));',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    const { zone: used, results } = JSON.parse(output) as { zone: string; results: ReturnType<typeof runDateCases> };
    expect(used).toBe(zone);
    expect(results.filter(({ got, expected }) => JSON.stringify(got) !== JSON.stringify(expected))).toEqual([]);
    expect(results).toHaveLength(runDateCases().length);
  }, 60_000);
});
