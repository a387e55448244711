/** The contract's building blocks: argument schemas several domains share, and how a method is declared. */
import { z } from 'zod';

export const id = z.number().int().positive();
export const entityKind = z.enum(['person', 'organisation', 'place', 'other']);
export const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are written YYYY-MM-DD');
export const optionalText = (max: number) => z.string().trim().max(max).transform((v) => v || null).nullable().optional();
export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');

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
  filterType: z.enum(['text', 'number', 'date']).optional(),
  type: z.string().max(32).optional(),
  filter: z.union([z.string().max(500), z.number()]).nullish(),
  filterTo: z.number().nullish(),
  dateFrom: z.string().max(32).nullish(),
  dateTo: z.string().max(32).nullish(),
});

/** What a server-paged grid shows: its sort, column filters and quick filter (bounded: 5 sorts, 20 filters). */
export const gridView = z.object({
  sortModel: z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(5).default([]),
  filterModel: z
    .record(z.string().max(64), filterCondition.extend({ operator: z.enum(['AND', 'OR']).optional(), conditions: z.array(filterCondition).max(5).optional() }))
    .refine((model) => Object.keys(model).length <= 20, 'at most 20 column filters')
    .default({}),
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
