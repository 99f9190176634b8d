// Temporary: the JSON rule files hold exactly what the TypeScript policies they replace produced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parsePolicy } from '../src';
import { guangxi2023 } from '../src/policies/guangxi-2023';
import { guangxi2024 } from '../src/policies/guangxi-2024';
import { guilinCondolence2023 } from '../src/policies/guilin-condolence-2023';
import { xining2024 } from '../src/policies/xining-2024';

it.each([
  ['guangxi/2023.json', guangxi2023],
  ['guangxi/2024.json', guangxi2024],
  ['guilin-condolence/2023.json', guilinCondolence2023],
  ['xining/2024.json', xining2024],
])('%s deep-equals the policy the .ts file defined', (file, policy) => {
  const text = readFileSync(join(import.meta.dirname, '..', 'src', 'policies', file), 'utf8');
  expect(parsePolicy(text)).toStrictEqual(policy);
  expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(policy)));
});
