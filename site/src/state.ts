// The page's whole state, and its round trip through the address: deflate-raw by the
// browser's CompressionStream, then base64url, after `#`. A link reproduces the page, and
// nothing of it is ever sent to a server (a fragment is not part of a request).
import { bundledRegistry, type AttributeDeclarations, type Language, type Policy } from '../../src';
import { z } from 'zod';

export interface EnrolmentForm {
  scheme: string;
  year: string;
  from: string;
  to: string;
  enrolledOn: string;
}

/** The member as the form holds it: text as typed, so that an invalid entry is kept and reported. */
export interface MemberForm {
  id: string;
  birthDate: string;
  sex: '' | 'female' | 'male';
  enrolments: EnrolmentForm[];
  flags: Record<string, boolean>;
  attributes: Record<string, string>;
}

export const COST_FIELDS = ['total', 'insurancePaid', 'inScopeCopay', 'selfPaid', 'aboveCeiling'] as const;
export type CostField = (typeof COST_FIELDS)[number];
export const CLAIM_KINDS = ['hospitalisation', 'outpatient', 'disability', 'death'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface ClaimForm {
  kind: ClaimKind;
  id: string;
  admission: string;
  discharge: string;
  /** The event date of an outpatient, disability or death claim. */
  date: string;
  cause: 'illness' | 'accident';
  grade: string;
  filedOn: string;
  costs: Record<CostField, string>;
  attributes: Record<string, string>;
}

export interface State {
  view: 'explorer' | 'playground';
  lang: Language;
  /** The rule file as typed. */
  rules: string;
  member: MemberForm;
  claim: ClaimForm;
  /** The bundled version the claim is also settled under, as `scheme@year`. */
  compare: string;
  /** The two bundled versions the explorer diffs. */
  diff: [string, string];
}

export const keyOf = (policy: Pick<Policy, 'scheme' | 'year'>): string => `${policy.scheme}@${policy.year}`;

/** A bundled version by its `scheme@year` key. */
export const bundled = (key: string): Policy | undefined => bundledRegistry.policies.find((policy) => keyOf(policy) === key);

/** A rule file as a policy author would start it from a bundled version. */
export const ruleFileOf = (policy: Policy): string => `${JSON.stringify(policy, null, 2)}\n`;

/** The enrolment a member needs for a version's claims: in the scheme it names, for the whole period. */
export function enrolmentFor(policy: Policy): EnrolmentForm {
  const start = policy.validFrom;
  return {
    scheme: policy.eligibility.enrolmentScheme ?? policy.scheme,
    year: String(policy.year),
    from: start,
    to: policy.validTo ?? `${start.slice(0, 4)}-12-31`,
    enrolledOn: '',
  };
}

/** Another version of the same scheme to compare with (the one before, else after), else the version itself. */
export function neighbourOf(policy: Policy): string {
  const versions = bundledRegistry.policies.filter((other) => other.scheme === policy.scheme);
  const index = versions.findIndex((other) => other.year === policy.year);
  const other = versions[index - 1] ?? versions[index + 1] ?? policy;
  return keyOf(other);
}

/** A stay like the README's quick start, in the version's first year. */
export function claimFor(policy: Policy): ClaimForm {
  const year = policy.validFrom.slice(0, 4);
  const inPeriod = (date: string) => (date < policy.validFrom ? policy.validFrom : date);
  return {
    kind: 'hospitalisation',
    id: `stay-${year}`,
    admission: inPeriod(`${year}-03-06`),
    discharge: inPeriod(`${year}-03-16`),
    date: inPeriod(`${year}-03-06`),
    cause: 'illness',
    grade: '5',
    filedOn: '',
    costs: { total: '30000.00', insurancePaid: '15000.00', inScopeCopay: '12000.00', selfPaid: '3000.00', aboveCeiling: '' },
    attributes: {},
  };
}

/** Whether a condition anywhere in the policy has this key (`sex`, `age`). */
const reads = (value: unknown, key: string): boolean =>
  typeof value === 'object' && value !== null && Object.entries(value).some(([name, child]) => name === key || reads(child, key));

/** The first value of each choice the policy declares: a claim is settled from the start, not refused for a missing fact. */
const firstValues = (declarations: AttributeDeclarations['member']): Record<string, string> =>
  Object.fromEntries(Object.entries(declarations ?? {}).flatMap(([name, declaration]) => Object.keys(declaration.values ?? {}).slice(0, 1).map((value) => [name, value])));

/** A rule file from a bundled version, with a member and a claim it settles: sex and birth date only when it reads them. */
export function startFrom(policy: Policy): Pick<State, 'rules' | 'member' | 'claim' | 'compare'> {
  const claim = claimFor(policy);
  return {
    rules: ruleFileOf(policy),
    member: {
      id: 'member-001',
      birthDate: reads(policy, 'age') ? `${policy.year - 40}-01-01` : '',
      sex: reads(policy, 'sex') ? 'female' : '',
      enrolments: [enrolmentFor(policy)],
      flags: {},
      attributes: firstValues(policy.attributes?.member),
    },
    claim: { ...claim, attributes: firstValues(policy.attributes?.claim) },
    compare: neighbourOf(policy),
  };
}

export function defaultState(): State {
  const first = bundled('guangxi@2024') ?? bundledRegistry.policies[0]!;
  return { view: 'explorer', lang: 'zh', ...startFrom(first), diff: ['guangxi@2023', 'guangxi@2024'] };
}

const VERSION = 'v1.';

/**
 * The most a link may inflate to. A few kilobytes of deflate can inflate to gigabytes: a
 * crafted link is refused once past this, before it fills the tab's memory.
 */
export const MAX_STATE_BYTES = 4 * 1024 * 1024;

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the link holds more than ${limit} bytes`);
    }
    chunks.push(read.value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The state as the text after `#`. */
export async function encodeState(state: State): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  return VERSION + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

// A link is anyone's text: it is read through a schema, so a crafted one shows the defaults and
// a notice instead of breaking the page. Text is kept as typed (the form reports what is wrong).
const text = z.string().max(1_000_000);
const record = <T extends z.ZodType>(value: T) => z.record(z.string().max(64), value);
const stateSchema: z.ZodType<State> = z.strictObject({
  view: z.enum(['explorer', 'playground']),
  lang: z.enum(['zh', 'en']),
  rules: text,
  member: z.strictObject({
    id: text,
    birthDate: text,
    sex: z.enum(['', 'female', 'male']),
    enrolments: z.array(z.strictObject({ scheme: text, year: text, from: text, to: text, enrolledOn: text })).max(1000),
    flags: record(z.boolean()),
    attributes: record(text),
  }),
  claim: z.strictObject({
    kind: z.enum(CLAIM_KINDS),
    id: text,
    admission: text,
    discharge: text,
    date: text,
    cause: z.enum(['illness', 'accident']),
    grade: text,
    filedOn: text,
    costs: z.strictObject({ total: text, insurancePaid: text, inScopeCopay: text, selfPaid: text, aboveCeiling: text }),
    attributes: record(text),
  }),
  compare: text,
  diff: z.tuple([text, text]),
});

/** The state a link holds: null when there is none; throws when the link is damaged or not one of this page's. */
export async function decodeState(hash: string): Promise<State | null> {
  const encoded = hash.replace(/^#/, '');
  if (encoded === '') return null;
  if (!encoded.startsWith(VERSION)) throw new Error('unknown link format');
  const json = new TextDecoder().decode(await pipe(fromBase64Url(encoded.slice(VERSION.length)), new DecompressionStream('deflate-raw'), MAX_STATE_BYTES));
  return stateSchema.parse(JSON.parse(json));
}
