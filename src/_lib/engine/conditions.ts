/**
 * Conditions compiled to predicates over a claim's context, and written out in words. A fact a
 * condition reads that the member or claim lacks (a birth date for an age limit, an attribute
 * the policy declares) is an input error naming the field, never a silent "no".
 */
import type { AttributeDeclarations, Condition, CountRange, DateRange } from '../conditionSchema';
import { dayNumber, isoDate } from '../dates';
import { InvalidInputError } from '../errors';
import type { ConditionList, Label } from '../policySchema';
import type { ClaimContext } from './context';

export type Predicate = (context: ClaimContext) => boolean;

const within = (value: number, range: CountRange) => (range.from === undefined || value >= range.from) && (range.to === undefined || value <= range.to);

const dayRange = (range: DateRange) => ({ from: range.from === undefined ? -Infinity : dayNumber(range.from), to: range.to === undefined ? Infinity : dayNumber(range.to) });

const listOf = <T extends string>(value: T | readonly T[]): readonly T[] => (typeof value === 'string' ? [value] : value);

function missing(path: readonly (string | number)[], message: string): never {
  throw new InvalidInputError([{ path: [...path], code: 'missing_fact', message }]);
}

/** Whole years from a birth date to a day: the age on that day. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The value of a declared choice attribute, or an error naming the field and the allowed values. */
function choice(
  values: Readonly<Record<string, string>> | undefined,
  name: string,
  allowed: Readonly<Record<string, unknown>>,
  path: readonly (string | number)[],
): string {
  const value = values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
  if (value === undefined || !Object.hasOwn(allowed, value)) {
    const expected = Object.keys(allowed).map((known) => `"${known}"`).join(', ');
    missing([...path, 'attributes', name], `this policy reads "${name}": expected one of ${expected}${value === undefined ? '' : `; got "${value}"`}`);
  }
  return value;
}

/** Whether the member was enrolled in the scheme's previous protection year. */
export type ContinuingTest = (context: ClaimContext) => boolean;

/** Tests of a claim that need the policy beyond its attributes: a renewal, a pre-existing condition. */
export interface PolicyTests {
  readonly continuing: ContinuingTest;
  /** Whether a diagnosis claim's condition was first diagnosed before the member's cover started. */
  readonly preExisting: Predicate;
}

export function compileCondition(condition: Condition, attributes: AttributeDeclarations | undefined, policyTests: PolicyTests): Predicate {
  const { continuing } = policyTests;
  const tests: Predicate[] = [];
  for (const [flag, wanted] of Object.entries(condition.flags ?? {})) {
    tests.push(({ member }) => (member.flags !== undefined && Object.hasOwn(member.flags, flag) && member.flags[flag] === true) === wanted);
  }
  for (const [name, wanted] of Object.entries(condition.member ?? {})) {
    const allowed = attributes!.member![name]!.values!;
    const values = listOf(wanted);
    tests.push(({ member }) => values.includes(choice(member.attributes, name, allowed, ['member'])));
  }
  for (const [name, wanted] of Object.entries(condition.claim ?? {})) {
    const allowed = attributes!.claim![name]!.values!;
    const values = listOf(wanted);
    tests.push(({ claim, path }) => values.includes(choice(claim.attributes, name, allowed, path)));
  }
  if (condition.cause !== undefined) {
    const causes = listOf(condition.cause);
    tests.push(({ claim }) => claim.cause !== undefined && causes.includes(claim.cause));
  }
  const { stayNumber, days, eventDate, discharge, sex, age } = condition;
  if (stayNumber !== undefined) tests.push((context) => context.stayNumber > 0 && within(context.stayNumber, stayNumber));
  if (days !== undefined) tests.push((context) => context.claim.kind === 'hospitalisation' && within(context.days, days));
  if (eventDate !== undefined) {
    const range = dayRange(eventDate);
    tests.push(({ eventDay }) => eventDay >= range.from && eventDay <= range.to);
  }
  if (discharge !== undefined) {
    const range = dayRange(discharge);
    tests.push(({ claim }) => {
      if (claim.kind !== 'hospitalisation') return false;
      const day = claim.day + claim.nights;
      return day >= range.from && day <= range.to;
    });
  }
  if (sex !== undefined) {
    tests.push(({ member }) => (member.sex ?? missing(['member', 'sex'], 'this policy reads the member\'s sex: expected "female" or "male"')) === sex);
  }
  if (age !== undefined) {
    tests.push(({ member, eventDay }) => {
      const birthDate = member.birthDate ?? missing(['member', 'birthDate'], 'this policy has an age limit: expected the member\'s birth date, like "1970-05-01"');
      const date = isoDate(eventDay);
      // Born after the event: an age of −1 would pass any "at most" limit.
      if (birthDate > date) missing(['member', 'birthDate'], `expected a birth date on or before the event date ${date}; got ${birthDate}`);
      return within(ageOn(birthDate, date), age);
    });
  }
  if (condition.continuing !== undefined) {
    const wanted = condition.continuing;
    tests.push((context) => continuing(context) === wanted);
  }
  if (condition.conditionClass !== undefined) {
    const classes = listOf(condition.conditionClass);
    tests.push(({ conditionClass }) => conditionClass !== '' && classes.includes(conditionClass));
  }
  if (condition.patient !== undefined) {
    const patient = condition.patient;
    tests.push(({ claim }) => claim.diagnosis !== undefined && claim.diagnosis.patient === patient);
  }
  if (condition.preExisting !== undefined) {
    const wanted = condition.preExisting;
    tests.push((context) => context.claim.diagnosis !== undefined && policyTests.preExisting(context) === wanted);
  }
  if (condition.anyOf !== undefined) {
    const options = condition.anyOf.map((inner) => compileCondition(inner, attributes, policyTests));
    tests.push((context) => options.some((option) => option(context)));
  }
  return (context) => tests.every((test) => test(context));
}

type Words = Readonly<Record<keyof typeof EN, string>>;

const range = (lang: keyof Label, what: string, r: CountRange, unit = ''): string => {
  // "from 2 to 2" is the second stay: said as one number.
  if (r.from !== undefined && r.from === r.to) return `${what}${lang === 'zh' ? '' : ' '}${r.from}${unit}`;
  return lang === 'zh'
    ? r.to === undefined
      ? `${what}${r.from}${unit}及以上`
      : r.from === undefined
        ? `${what}${r.to}${unit}及以下`
        : `${what}${r.from}${unit}至${r.to}${unit}`
    : r.to === undefined
      ? `${what} ${r.from}${unit} or more`
      : r.from === undefined
        ? `${what} at most ${r.to}${unit}`
        : `${what} ${r.from} to ${r.to}${unit}`;
};

const dates = (lang: keyof Label, what: string, r: DateRange) =>
  lang === 'zh'
    ? `${what}${r.from === undefined ? '' : `自${r.from}`}${r.to === undefined ? '' : `至${r.to}`}`
    : `${what}${r.from === undefined ? '' : ` from ${r.from}`}${r.to === undefined ? '' : ` to ${r.to}`}`;

/** A condition in words, in both languages, with the policy's labels for its attributes and classes of conditions. */
export function describeCondition(condition: Condition, attributes: AttributeDeclarations | undefined, classes?: ConditionList['classes']): Label {
  const say = (lang: keyof Label): string => {
    const parts: string[] = [];
    const no = lang === 'zh' ? '非' : 'not ';
    for (const [flag, wanted] of Object.entries(condition.flags ?? {})) {
      const label = attributes?.member?.[flag]?.label[lang] ?? flag;
      parts.push(wanted ? label : `${no}${label}`);
    }
    for (const kind of ['member', 'claim'] as const) {
      for (const [name, wanted] of Object.entries(condition[kind] ?? {})) {
        const declaration = attributes?.[kind]?.[name];
        const values = listOf(wanted).map((value) => declaration?.values?.[value]?.[lang] ?? value);
        parts.push(`${declaration?.label[lang] ?? name}${lang === 'zh' ? '：' : ': '}${values.join(lang === 'zh' ? '或' : ' or ')}`);
      }
    }
    const words: Words = lang === 'zh' ? ZH : EN;
    if (condition.cause !== undefined) parts.push(listOf(condition.cause).map((cause) => words[cause]).join(lang === 'zh' ? '或' : ' or '));
    if (condition.stayNumber !== undefined) parts.push(range(lang, words.stayNumber, condition.stayNumber, lang === 'zh' ? '次' : ''));
    if (condition.days !== undefined) parts.push(range(lang, words.days, condition.days, lang === 'zh' ? '天' : ' days'));
    if (condition.age !== undefined) parts.push(range(lang, words.age, condition.age, lang === 'zh' ? '岁' : ''));
    if (condition.eventDate !== undefined) parts.push(dates(lang, words.eventDate, condition.eventDate));
    if (condition.discharge !== undefined) parts.push(dates(lang, words.discharge, condition.discharge));
    if (condition.sex !== undefined) parts.push(words[condition.sex]);
    if (condition.continuing !== undefined) parts.push(condition.continuing ? words.continuing : words.newMember);
    if (condition.conditionClass !== undefined) {
      const names = listOf(condition.conditionClass).map((id) => classes?.[id]?.label[lang] ?? id);
      parts.push(`${words.conditionClass}${names.join(lang === 'zh' ? '或' : ' or ')}`);
    }
    if (condition.patient !== undefined) parts.push(words[condition.patient]);
    if (condition.preExisting !== undefined) parts.push(condition.preExisting ? words.preExisting : words.notPreExisting);
    if (condition.anyOf !== undefined) {
      const options = condition.anyOf.map((inner) => describeCondition(inner, attributes, classes)[lang]);
      parts.push(lang === 'zh' ? `（${options.join('；或')}）` : `(${options.join('; or ')})`);
    }
    return parts.join(lang === 'zh' ? '，' : ', ');
  };
  return { zh: say('zh'), en: say('en') };
}

const ZH = {
  illness: '因病',
  accident: '因意外',
  stayNumber: '本年度第',
  days: '住院天数',
  age: '年龄',
  eventDate: '事件日期',
  discharge: '出院日期',
  female: '女性',
  male: '男性',
  continuing: '上一保障期已参保（续保）',
  newMember: '新参保',
  conditionClass: '病种类别：',
  member: '会员本人患病',
  family: '家属患病',
  preExisting: '参保前已确诊',
  notPreExisting: '参保后确诊',
} as const;

const EN = {
  illness: 'caused by illness',
  accident: 'caused by an accident',
  stayNumber: 'stay number in the year',
  days: 'days in hospital',
  age: 'aged',
  eventDate: 'event date',
  discharge: 'discharged',
  female: 'women',
  male: 'men',
  continuing: 'enrolled in the previous period (a renewal)',
  newMember: 'newly enrolled',
  conditionClass: 'condition of class ',
  member: 'the member\'s own condition',
  family: 'a family member\'s condition',
  preExisting: 'first diagnosed before the cover started',
  notPreExisting: 'first diagnosed after the cover started',
} as const;
