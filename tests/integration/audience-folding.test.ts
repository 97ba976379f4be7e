// The compiled audience SQL against a plain evaluation of the same filter, over random Unicode names,
// tags and filters: both must pick the same clients, whatever the letters, accents and case.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { audienceFilterSchema, type AudienceCondition, type AudienceFilter } from '../../shared/audience';
import { foldText } from '../../shared/text-fold';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { compileFilter } from '../../electron/core/audience/compile-filter';
import { filterContext } from '../../electron/core/audience/filter-context';
import { EMPTY_VALUES, type ContactValues } from '../../electron/core/contacts/contact-values';
import { byIds, ContactsRepository } from '../../electron/core/contacts/contacts-repository';
import { tempDir } from '../support/test-core';

/** Letters that lower-casing, NOCASE or a byte comparison get wrong, and names objects answer to. */
const TRICKY = [
  'Élite', 'élite', 'ÉLITE', 'E\u0301lite', 'e\u0301lite',
  'Straße', 'STRASSE', 'strasse', 'ẞ',
  'ΟΔΥΣΣΕΥΣ', 'Οδυσσεύς', 'οδυσσευς', 'σοφος',
  'İstanbul', 'i\u0307stanbul', 'Istanbul', 'ıstanbul',
  'ﬁle', 'FILE', 'Ǆ', 'ǅ', 'ǆ', 'Zoë', 'ZOE\u0308',
  '👩🏽‍🦰', '🎉 VIP', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  '100%', 'a_b', '\\', "O'Brien", '',
];
const TEXT_FIELDS = ['name', 'firstName', 'lastName', 'notes', 'leadStatus', 'email', 'custom:Stylist', 'custom:Couleur préférée'] as const;
type Field = (typeof TEXT_FIELDS)[number];
const CUSTOM_KEYS = ['Stylist', 'Couleur préférée'] as const;

interface Sample {
  values: ContactValues;
  tags: string[];
}

// SQLite's LIKE reads text only up to a U+0000, which no name or tag of a client holds.
const randomText = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).map((text) => text.replaceAll('\u0000', ''));
const word = fc.oneof(fc.constantFrom(...TRICKY), randomText, fc.tuple(fc.constantFrom(...TRICKY), randomText).map(([a, b]) => `${a} ${b}`));
const tagName = word.map((text) => text.trim()).filter((text) => text.length >= 1 && text.length <= 60);

const sample: fc.Arbitrary<Sample> = fc
  .record({
    name: word,
    firstName: fc.option(word),
    lastName: fc.option(word),
    notes: fc.option(word),
    leadStatus: fc.option(word),
    email: fc.option(fc.constantFrom('ana@salon.dev', 'bo.chen@mail.example')),
    custom: fc.array(fc.tuple(fc.constantFrom(...CUSTOM_KEYS), word), { maxLength: 2 }),
    tags: fc.array(tagName, { maxLength: 3 }),
  })
  .map(({ custom, tags, ...text }) => ({ values: { ...EMPTY_VALUES, ...text, customFields: Object.fromEntries(custom) }, tags }));
/** Clients as a list holds them: an email belongs to one client only. */
const samples = fc.uniqueArray(sample, { minLength: 1, maxLength: 8, selector: (s) => s.values.email ?? Symbol('none') });

/** What an owner might type for a stored text: itself, in other case, composed or not, or a piece of it. */
function typedFrom(stored: string): fc.Arbitrary<string> {
  const chars = [...stored];
  return fc.oneof(
    fc.constantFrom(stored, stored.toUpperCase(), stored.toLowerCase(), stored.normalize('NFD'), stored.normalize('NFC')),
    fc.tuple(fc.nat(chars.length), fc.nat(chars.length)).map(([a, b]) => chars.slice(Math.min(a, b), Math.max(a, b)).join('')),
  );
}

function filterFor(samples: Sample[]): fc.Arbitrary<AudienceFilter> {
  const stored = samples.flatMap((s) => [s.values.name, s.values.firstName, s.values.email, ...s.tags].filter((t): t is string => !!t));
  const typed = stored.length === 0 ? word : fc.oneof(word, fc.constantFrom(...stored).chain(typedFrom));
  const tagTyped = typed.map((text) => text.trim()).filter((text) => text.length >= 1 && text.length <= 60);
  const text: fc.Arbitrary<AudienceCondition> = fc.oneof(
    fc.record({ kind: fc.constant('text'), field: fc.constantFrom(...TEXT_FIELDS), op: fc.constantFrom('is', 'is_not', 'contains'), value: typed }),
    fc.record({ kind: fc.constant('text'), field: fc.constantFrom(...TEXT_FIELDS), op: fc.constant('is_any_of'), value: fc.array(typed, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('text'), field: fc.constantFrom(...TEXT_FIELDS), op: fc.constantFrom('is_empty', 'is_not_empty') }),
  ) as fc.Arbitrary<AudienceCondition>;
  const tags = fc.record({
    kind: fc.constant('tags'),
    field: fc.constant('tags'),
    op: fc.constantFrom('any', 'all', 'none'),
    value: fc.array(tagTyped, { minLength: 1, maxLength: 3 }),
  }) as fc.Arbitrary<AudienceCondition>;
  const { group } = fc.letrec<{ group: AudienceFilter }>((tie) => ({
    group: fc.record({
      kind: fc.constant('group' as const),
      match: fc.constantFrom('all' as const, 'any' as const),
      conditions: fc.array(fc.oneof({ maxDepth: 3 }, text, tags, tie('group')), { maxLength: 4 }),
    }),
  }));
  // As the contract hands it to the core (tag names trimmed).
  return group.map((filter) => audienceFilterSchema.parse(filter));
}

/** The reference: the filter evaluated in plain JavaScript with the folding rule. */
function matches(s: Sample, node: AudienceFilter | AudienceCondition): boolean {
  if (node.kind === 'group') {
    const results = node.conditions.map((c) => matches(s, c));
    return results.length === 0 || (node.match === 'all' ? results.every(Boolean) : results.some(Boolean));
  }
  if (node.kind === 'tags') {
    const held = new Set(s.tags.map(foldText));
    const named = node.value.map(foldText);
    if (node.op === 'any') return named.some((n) => held.has(n));
    if (node.op === 'all') return named.every((n) => held.has(n));
    return !named.some((n) => held.has(n));
  }
  if (node.kind !== 'text') throw new Error(`no reference for ${node.kind}`);
  return textMatches(valueOf(s, node.field as Field), node);
}

function textMatches(value: string | null, c: Extract<AudienceCondition, { kind: 'text' }>): boolean {
  const typed = typeof c.value === 'string' ? foldText(c.value) : '';
  switch (c.op) {
    case 'is':
      return value !== null && foldText(value) === typed;
    case 'is_not':
      return value === null || foldText(value) !== typed;
    case 'contains':
      return value !== null && foldText(value).includes(typed);
    case 'is_any_of':
      return value !== null && [c.value].flat().some((v) => v !== undefined && foldText(v) === foldText(value));
    case 'is_empty':
      return value === null || value === '';
    case 'is_not_empty':
      return value !== null && value !== '';
  }
}

function valueOf({ values }: Sample, field: Field): string | null {
  if (!field.startsWith('custom:')) return values[field as Exclude<Field, `custom:${string}`>];
  const key = field.slice('custom:'.length);
  return Object.hasOwn(values.customFields, key) ? (values.customFields[key] ?? null) : null;
}

describe('audience filters in every language', () => {
  const dir = tempDir();
  let database: OpenDatabase;
  let contacts: ContactsRepository;
  const context = filterContext(new Date('2026-03-15T12:00:00Z'), 'UTC');

  beforeAll(() => {
    database = openDatabase(join(dir.path, 'salon.db'));
    contacts = new ContactsRepository(database.db);
  });
  afterAll(() => {
    database.close();
    dir.remove();
  });

  /** Store the samples as the app does (fold keys and tags by the repository); their ids in order. */
  function store(samples: Sample[]): number[] {
    database.sqlite.exec('DELETE FROM contacts; DELETE FROM tags;');
    return samples.map(({ values, tags }) => {
      const id = contacts.insert(values, new Date());
      for (const tag of tags) contacts.addTag(byIds([id]), tag);
      return id;
    });
  }

  function pickedBySql(filter: AudienceFilter): number[] {
    const { sql, params } = compileFilter(filter, context);
    return database.sqlite.prepare(`SELECT id FROM contacts WHERE ${sql} ORDER BY id`).pluck().all(...params) as number[];
  }

  it('picks the same clients in SQL as the plain evaluation, for any names, tags and nested filters', () => {
    const world = samples.chain((list) => fc.tuple(fc.constant(list), fc.array(filterFor(list), { minLength: 1, maxLength: 4 })));
    fc.assert(
      fc.property(world, ([samples, filters]) => {
        const ids = store(samples);
        for (const filter of filters) {
          const expected = ids.filter((_, i) => matches(samples[i] as Sample, filter));
          const actual = pickedBySql(filter);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            throw new Error(`SQL picked ${JSON.stringify(actual)}, the evaluation ${JSON.stringify(expected)} for ${JSON.stringify(filter)}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
