// Loads the built package by its own name, through the `exports` map, as ESM and as CommonJS,
// and checks that both settle a claim alike, that their type files exist, and that the `huzhu`
// command the `bin` field names runs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const esm = await import('huzhu');
const cjs = require('huzhu');

const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
const death = { kind: 'death', id: 'c1', date: '2024-06-01' };
const settle = (lib) => JSON.stringify(lib.evaluateClaim(lib.policies.guangxi[2024], member, death));

assert.equal(settle(esm), settle(cjs));
assert.equal(esm.evaluateClaim(esm.policies.guangxi[2024], member, death).total.toFixed(2), '10000.00');
assert.ok(cjs.InvalidInputError.prototype instanceof Error);
// Each build re-exports the Decimal of decimal.js's build for the same module system, and its
// results are instances of it: `instanceof` holds for `import { Decimal } from 'huzhu'` either way.
assert.equal(esm.Decimal, (await import('decimal.js')).Decimal);
assert.equal(cjs.Decimal, require('decimal.js'));
assert.ok(esm.evaluateClaim(esm.policies.guangxi[2024], member, death).total instanceof esm.Decimal);
assert.ok(cjs.evaluateClaim(cjs.policies.guangxi[2024], member, death).total instanceof cjs.Decimal);

// huzhu/core and huzhu/policies share huzhu's modules in either build: one class, one policy object.
for (const lib of [esm, cjs]) {
  const [core, bundled] = lib === esm ? [await import('huzhu/core'), await import('huzhu/policies')] : [require('huzhu/core'), require('huzhu/policies')];
  assert.equal(core.InvalidInputError, lib.InvalidInputError);
  assert.equal(bundled.guangxi, lib.policies.guangxi);
  assert.equal(core.selectPolicy('guangxi', '2024-06-01', core.createRegistry(Object.values(bundled.guangxi))), lib.policies.guangxi[2024]);
}

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
for (const entry of Object.values(manifest.exports).filter((entry) => typeof entry === 'object')) {
  for (const condition of Object.values(entry)) {
    for (const file of Object.values(condition)) assert.ok(existsSync(new URL(`../${file}`, import.meta.url)), `missing ${file}`);
  }
}
const bin = new URL(`../${manifest.bin.huzhu}`, import.meta.url);
const listed = execFileSync(process.execPath, [bin.pathname, 'policies'], { encoding: 'utf8' });
assert.match(listed, /^guangxi@2024 /m);
assert.equal(execFileSync(process.execPath, [bin.pathname, '--version'], { encoding: 'utf8' }).trim(), manifest.version);
console.log('dist: ESM and CommonJS builds of huzhu, huzhu/core and huzhu/policies load and agree; the huzhu command runs');
