/**
 * Every input of the contract is bounded: each string, array and record a method takes has a
 * largest size, so no single call can carry (and make the store work through) an unbounded value.
 * The test walks the zod schemas themselves, so a new method or field without a limit fails here.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../electron/api/contract';
import { declaredBounds } from '../../electron/api/contract/schemas';
import { errorText } from '../../electron/api/error-messages';
import { tempApi } from '../helpers';

type Def = Record<string, unknown> & { type: string; checks?: { _zod: { def: { check: string } } }[] };

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;
const hasMaxLength = (def: Def) => (def.checks ?? []).some((c) => ['max_length', 'length_equals'].includes(c._zod.def.check));

/** The paths (method.field…) of the strings, arrays, records and unknown values in `schema` that have no largest size. */
function unbounded(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (inner: unknown, at = path) => unbounded(inner as z.ZodType, at, seen);
  const declared = declaredBounds.has(schema);
  switch (def.type) {
    case 'string':
      return hasMaxLength(def) ? [] : [`${path} (string)`];
    case 'array':
      return [...(hasMaxLength(def) ? [] : [`${path} (array)`]), ...walk(def.element, `${path}[]`)];
    case 'record':
      return [...(declared ? [] : [`${path} (record: declare its bound)`]), ...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{}`)];
    case 'unknown':
    case 'any':
      return declared ? [] : [`${path} (${def.type}: declare its bound)`];
    case 'object':
      return [
        ...Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) => walk(value, `${path}.${key}`)),
        ...(def.catchall ? walk(def.catchall, `${path}.*`) : []),
      ];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(def.innerType);
    case 'pipe':
      // What arrives is what the pipe's input takes; its output is already bounded by it.
      return walk(def.in);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => walk(option));
    case 'intersection':
      return [...walk(def.left), ...walk(def.right)];
    case 'tuple':
      return [...(def.items as z.ZodType[]).flatMap((item, i) => walk(item, `${path}[${i}]`)), ...(def.rest ? [`${path} (tuple rest)`] : [])];
    case 'lazy':
      return walk((def.getter as () => z.ZodType)());
    case 'number':
    case 'int':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'undefined':
    case 'transform':
      return [];
    default:
      return [`${path} (${def.type}: a kind of schema this test does not know; teach it)`];
  }
}

describe('the contract', () => {
  it('bounds every string, array and record every method takes', () => {
    const found = Object.entries(contract).flatMap(([name, method]) => unbounded(method.input as z.ZodType, name));
    expect(found).toEqual([]);
  });

  it('(the walk finds what lacks a bound)', () => {
    const loose = z.object({
      a: z.string(),
      b: z.array(z.string().max(3)),
      c: z.record(z.string().max(3), z.number()),
      d: z.unknown(),
      e: z.string().max(3).transform((v) => v).pipe(z.string()),
      f: z.string().trim().optional().nullable(),
    });
    expect(unbounded(loose, 'm')).toEqual(['m.a (string)', 'm.b (array)', 'm.c (record: declare its bound)', 'm.d (unknown: declare its bound)', 'm.f (string)']);
  });
});

describe('a value over its limit', () => {
  it('is refused naming the field and the limit, in both languages', async () => {
    const { dispatch } = tempApi();
    const result = await dispatch('createTag', { name: 'و'.repeat(81) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', key: 'tooLong', params: { field: 'name', max: 80 }, message: 'The name is too long: at most 80 characters.' } });
    if (result.ok) return;
    expect(errorText('ar', result.error.key!, result.error.params)).toBe('الاسم أطول من المسموح: الحد الأقصى للأحرف 80.');
  });

  it('names an item of a list, and a list with too many items', async () => {
    const { dispatch } = tempApi();
    const long = await dispatch('addSpellingVariants', { terms: ['أمريكي', 'ا'.repeat(81)] });
    expect(long).toMatchObject({ ok: false, error: { key: 'tooLong', params: { field: 'terms.1', max: 80 }, message: 'The spelling is too long: at most 80 characters.' } });
    const many = await dispatch('addSpellingVariants', { terms: Array.from({ length: 51 }, (_, i) => `كلمة${i}`) });
    expect(many).toMatchObject({ ok: false, error: { key: 'tooMany', params: { field: 'terms', max: 50 }, message: 'Too many spellings: at most 50.' } });
    if (many.ok) return;
    expect(errorText('ar', many.error.key!, many.error.params)).toBe('عدد التهجئات أكبر من المسموح: الحد الأقصى 50.');
  });

  it('is the same limit for a text typed and one read from a file', async () => {
    const { dispatch } = tempApi();
    const imported = await dispatch('importFiles', { files: [{ name: 'a.txt', dataBase64: Buffer.from('عنوان\nنص قصير').toString('base64') }] });
    expect(imported.ok).toBe(true);
    const tooLong = 'نص '.repeat(400_000);
    const typed = await dispatch('updateArticleText', { id: 1, body: tooLong });
    const fromFile = await dispatch('replaceArticleTextFromFile', { id: 1, name: 'long.txt', dataBase64: Buffer.from(tooLong).toString('base64') });
    for (const result of [typed, fromFile]) {
      expect(result).toMatchObject({ ok: false, error: { key: 'tooLong', params: { field: 'body', max: 1_000_000 }, message: 'The text is too long: at most 1,000,000 characters.' } });
    }
    const asNewArticle = await dispatch('importFiles', { files: [{ name: 'long.txt', dataBase64: Buffer.from(tooLong).toString('base64') }] });
    expect(asNewArticle).toMatchObject({
      ok: true,
      value: { failed: [{ file: 'long.txt', error: 'the text is 1,200,000 characters long; an article holds at most 1,000,000: split it into several files' }] },
    });
  });
});
