// Writes the tables generated from the bundled policies: the README's parameter table (between
// its marker comments) and docs/schemes.md. `npm run tables` runs it; test/tables.test.ts fails
// when a file differs from what this writes. Values and provenance are worded by the functions
// explanations use, so a table cannot say other than a result does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { explainSource } from '../src/buildExplanation';
import { parametersOf } from '../src/_lib/parameters';
import type { Policy } from '../src/_lib/policySchema';
import { bundledRegistry } from '../src/policies';

const ROOT = join(import.meta.dirname, '..');
const START = '<!-- parameters:start -->';
const END = '<!-- parameters:end -->';
const GENERATED = '<!-- generated from src/policies by `npm run tables`: edit the policies, not this table -->';

/** One table cell: no line breaks, and a `|` that does not end the cell. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** Every parameter of a policy, and how the English explanation of a result citing it shows it. */
function explained(policy: Policy) {
  return [...parametersOf(policy)].map(([path, parameter], index) => ({
    parameter,
    source: explainSource({ parameter: path, label: parameter.label, value: parameter.value, provenance: parameter.provenance }, index + 1, 'en', policy.attributes),
  }));
}

const bilingual = (label: { zh: string; en: string }) => `${label.zh} ${label.en}`;

function readmeTable(): string {
  const rows = bundledRegistry.policies.flatMap((policy) =>
    explained(policy).map(({ parameter, source }) => [`${policy.scheme} ${policy.year}`, `\`${source.parameter}\``, bilingual(parameter.label), source.value, source.status]),
  );
  return table(['policy', 'parameter', 'label', 'value', 'status'], rows);
}

function versionSection(policy: Policy): string {
  const file = `src/policies/${policy.scheme}/${policy.year}.json`;
  const rows = explained(policy).map(({ parameter, source }) => [
    `\`${source.parameter}\``,
    `${bilingual(parameter.label)}${source.status === 'illustrative' ? ' ※' : ''}`,
    source.value,
    source.status === 'illustrative' ? `※ ${source.text}` : `published: ${source.text}`,
  ]);
  const notes = (policy.notes ?? []).map((note) =>
    typeof note === 'string' ? `- ${note}` : [note.en, note.zh].filter((text) => text !== undefined).map((text, i) => `${i === 0 ? '-' : ' '} ${text}`).join('\n'),
  );
  // The conditions a diagnosis claim may name, by code: what a union checks its list against.
  const conditions = policy.conditions === undefined ? [] : [
    'Listed conditions (a diagnosis claim names the code):',
    table(['code', 'condition', 'class'], Object.entries(policy.conditions.list).map(([code, { label, class: id }]) => [`\`${code}\``, bilingual(label), `${bilingual(policy.conditions!.classes[id]!.label)} (\`${id}\`)`])),
  ];
  return [
    `### ${policy.scheme} ${policy.year}`,
    `${policy.name.zh} · ${policy.name.en}`,
    `In force from ${policy.validFrom} ${policy.validTo === undefined ? 'on, with no end date' : `to ${policy.validTo}`}. ` +
      `Rule file [\`${file}\`](../${file}); in code \`policies${/^[A-Za-z_$][\w$]*$/.test(policy.scheme) ? `.${policy.scheme}` : `['${policy.scheme}']`}[${policy.year}]\`.`,
    rows.length === 0 ? 'No parameters.' : table(['parameter', 'label', 'value', 'provenance'], rows),
    ...conditions,
    ...(notes.length === 0 ? [] : ['Notes:', notes.join('\n')]),
  ].join('\n\n');
}

function schemesPage(): string {
  const schemes = [...new Set(bundledRegistry.policies.map((policy) => policy.scheme))];
  const sections = schemes.map((scheme) => {
    const versions = bundledRegistry.policies.filter((policy) => policy.scheme === scheme);
    return [`## ${scheme}`, `Versions: ${versions.map((policy) => policy.year).join(', ')}.`, ...versions.map(versionSection)].join('\n\n');
  });
  return `${[
    '# Bundled schemes',
    GENERATED,
    'Every bundled policy version with every parameter: its value as explanations write it, and its provenance. ' +
      'A **published** value names its source and quotes it; an *illustrative* one (※) is nobody\'s published figure, and its note says why it is there. ' +
      'The same list in one table is in the [README](../README.md#bundled-policies).',
    schemes.map((scheme) => `- [${scheme}](#${scheme})`).join('\n'),
    ...sections,
  ].join('\n\n')}\n`;
}

/** Each generated file's path, from the repository's root, and the text it must hold. */
export function generatedFiles(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END} around its parameter table`);
  return new Map([
    ['README.md', `${readme.slice(0, start + START.length)}\n${GENERATED}\n${readmeTable()}\n${readme.slice(end)}`],
    ['docs/schemes.md', schemesPage()],
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [file, text] of generatedFiles()) {
    writeFileSync(join(ROOT, file), text);
    console.log(`wrote ${file}`);
  }
}
