/**
 * The contract's building blocks: argument schemas several domains share, and how a method is
 * declared. Every string, array and record in the contract has a largest size (a test walks the
 * schemas to keep it so), and text fields take the same normalisers (db/text/fields.ts) as
 * values read from files.
 */
import { z } from 'zod';
import { cleanLine, cleanProse, LIMITS } from '../../../db/text/fields';
import { MAX_IMPORT_REQUEST_BYTES } from '../constants';

export { LIMITS } from '../../../db/text/fields';

/**
 * Schemas bounded by a check zod cannot show (a count of a record's keys, the size of a JSON
 * document), with the bound written out; the contract's test accepts these.
 */
export const declaredBounds = z.registry<{ bound: string }>();

export const id = z.number().int().positive();
export const entityKind = z.enum(['person', 'organisation', 'place', 'other']);
// (A format's own message comes first: the limit is only there to bound what is read.)
export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are written YYYY-MM-DD')
  .max(10)
  .refine(isCalendarDate, 'there is no such day (a month runs 01–12, and February 2025 has 28 days)');
/** Whether YYYY, YYYY-MM or YYYY-MM-DD names a day, month or year that exists (no 2025-02-30, no month 13). */
function isCalendarDate(text: string): boolean {
  const [year, month = 1, day = 1] = text.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb').max(7);

/**
 * A one-line label (a title, a tag's or an entity's name, an alias), cleaned as a file's
 * metadata is ({@link cleanLine}: bidi controls and control characters out, spaces collapsed).
 * Longer than `max` is refused (here a person can shorten it; a file's title is cut instead),
 * and so is one with nothing left once cleaned.
 */
export const line = (max: number, empty = 'cannot be empty') => z.string().max(max).transform(cleanLine).pipe(z.string().min(1, empty));

/** An optional one-line field (outlet, author, URL): cleaned as {@link line}; empty means none. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => cleanLine(v) || null)
    .nullable()
    .optional();

/** Free text of several lines (a note, a description), cleaned as {@link cleanProse}; empty means none. */
export const prose = (max: number) => z.string().max(max).transform((v) => cleanProse(v) || null);

/** The largest base64 text of a file of `bytes` bytes. */
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/**
 * A file's bytes as base64: at most what one request carries ({@link MAX_IMPORT_REQUEST_BYTES}).
 * A file over the import's own limit but under this one is still taken, so that the import's
 * summary names it among the others (which import) rather than the whole batch being refused.
 */
export const fileData = z.string().max(base64Length(MAX_IMPORT_REQUEST_BYTES));

/** Whether files sent in one call carry at most what one request may ({@link MAX_IMPORT_REQUEST_BYTES}), over IPC as over HTTP. */
export const withinOneRequest = (files: readonly { dataBase64?: string }[]) =>
  files.reduce((sum, file) => sum + (file.dataBase64?.length ?? 0), 0) <= base64Length(MAX_IMPORT_REQUEST_BYTES);

/** The message of {@link withinOneRequest}, in both languages. */
export const withinOneRequestError = { message: `at most ${MAX_IMPORT_REQUEST_BYTES / 1024 / 1024} MB of files in one call`, params: { key: 'tooLarge', megabytes: MAX_IMPORT_REQUEST_BYTES / 1024 / 1024 } };

/** A file's name or path as the analyst's system gives it. */
export const fileName = z.string().min(1).max(LIMITS.fileName);

/**
 * A JSON document passed whole to a reader that takes what it understands (W3C annotations):
 * at most {@link LIMITS.jsonDepth} levels deep, {@link LIMITS.jsonValues} values, and no string
 * longer than an article's text. Walked without recursion, so any depth is measured safely.
 */
export const jsonDocument = z.unknown().superRefine((value, context) => {
  let values = 0;
  const items: unknown[] = [value];
  const depths: number[] = [0];
  while (items.length > 0) {
    const item = items.pop();
    const depth = depths.pop()!;
    if (++values > LIMITS.jsonValues) {
      return context.addIssue({ code: 'custom', message: `at most ${LIMITS.jsonValues} values`, params: { key: 'tooMany', field: 'values', max: LIMITS.jsonValues }, input: value });
    }
    if (depth > LIMITS.jsonDepth) {
      return context.addIssue({ code: 'custom', message: `nests deeper than ${LIMITS.jsonDepth} levels`, params: { key: 'tooDeep', depth: LIMITS.jsonDepth }, input: value });
    }
    if (typeof item === 'string') {
      if (item.length > LIMITS.articleBody) {
        return context.addIssue({ code: 'custom', message: `a text of at most ${LIMITS.articleBody} characters`, params: { key: 'tooLong', field: 'text', max: LIMITS.articleBody }, input: value });
      }
    } else if (Array.isArray(item)) {
      for (const child of item) {
        items.push(child);
        depths.push(depth + 1);
      }
    } else if (item && typeof item === 'object') {
      for (const key in item) {
        items.push((item as Record<string, unknown>)[key]);
        depths.push(depth + 1);
      }
    }
  }
});
declaredBounds.add(jsonDocument, { bound: 'LIMITS.jsonDepth levels, LIMITS.jsonValues values, strings of LIMITS.articleBody' });

/**
 * How a method uses the store: 'read' only reads (it may run on a read-only connection beside
 * the writer, under WAL, in one read transaction); 'write' changes it in one transaction on the
 * one writer; 'long' waits for something besides the store (files being read, a background job)
 * and so opens its own short transactions around the waiting.
 */
export type MethodAccess = 'read' | 'write' | 'long';

/** Pairs an argument schema with the (unvalidated, trusted) result type of a method and its access. */
export function method<Output>(access: MethodAccess = 'write') {
  return <Input extends z.ZodType>(input: Input) => ({ input, access, output: undefined as unknown as Output });
}

const filterCondition = z.object({
  filterType: z.enum(['text', 'number', 'date', 'set']).optional(),
  values: z.array(z.union([z.string().max(200), z.number(), z.null()])).max(1_000).optional(),
  type: z.string().max(32).optional(),
  filter: z.union([z.string().max(500), z.number()]).nullish(),
  filterTo: z.number().nullish(),
  dateFrom: z.string().max(32).nullish(),
  dateTo: z.string().max(32).nullish(),
});

export const filterModel = z
  .record(z.string().max(64), filterCondition.extend({ operator: z.enum(['AND', 'OR']).optional(), conditions: z.array(filterCondition).max(5).optional() }))
  .refine((model) => Object.keys(model).length <= 20, 'at most 20 column filters');
declaredBounds.add(filterModel, { bound: '20 column filters' });

/** What a server-paged grid shows: its sort, column filters and quick filter (bounded: 5 sorts, 20 filters). */
export const gridView = z.object({
  sortModel: z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(5).default([]),
  filterModel: filterModel.default({}),
  quickFilter: z.string().max(500).optional(),
});

/** A page of a server-paged grid, as AG Grid's infinite row model asks for it (bounded: 1,000 rows). */
export const pageRequest = z
  .object({
    startRow: z.number().int().min(0).max(100_000_000),
    endRow: z.number().int().min(1).max(100_001_000),
    ...gridView.shape,
    withCount: z.boolean().default(false),
  })
  .refine((r) => r.endRow > r.startRow && r.endRow - r.startRow <= 1000, 'a page holds 1 to 1,000 rows (endRow - startRow)');
