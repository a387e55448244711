/** Interchange: the library as a REFI-QDA project and back, events as ACLED's CSV, annotations and entities as tables. */
import { z } from 'zod';
import type { ProjectImportReport } from '../../../db/model';
import { fileInput } from './files';
import { method } from './schemas';

/** A file an export hands back: CSV as text, binary formats (XLSX, .qdpx) as base64. */
export interface ExportedFile {
  fileName: string;
  rows: number;
  text?: string;
  base64?: string;
}

/** The interchange methods of the contract. */
export const interchangeMethods = {
  /** The library as a REFI-QDA project (.qdpx, base64): articles as text sources, the codebook, every tag of a passage as a coding, notes as notes. */
  exportProject: method<ExportedFile & { base64: string; codes: number; codings: number; notes: number }>('long')(z.object({})),
  /** A REFI-QDA project written by Sanad or another QDA tool: its text sources become articles, its codes tags and its codings annotations; what cannot come across is named. One undoable step. */
  importProject: method<ProjectImportReport>('long')(fileInput),
  /** The events as an ACLED-style CSV, one row per event. */
  exportAcledEvents: method<ExportedFile & { text: string }>('read')(z.object({})),
  /** Every annotation or entity as CSV text, or as an XLSX workbook in base64 (right to left for an Arabic reader). Claims: exportClaims. */
  exportTable: method<ExportedFile>('read')(z.object({ table: z.enum(['annotations', 'entities']), format: z.enum(['csv', 'xlsx']), rightToLeft: z.boolean().default(false) })),
};
