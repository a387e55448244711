/**
 * One reader per format, each turning a file's bytes into article drafts: one draft for a text,
 * HTML, DOCX or PDF file, one per row for CSV, JSON and JSONL. A bad row becomes an error of its
 * own, so the other rows still import.
 */
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import mammoth from 'mammoth';
import { decodeText } from './decode';
import { ImportFileError } from './errors';
import { declaredHtmlCharset, extractHtml } from './html';

/** Metadata a source may carry; anything missing is filled in (title, language) or left empty. */
export interface DraftFields {
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  url?: string | null;
  published?: string | null;
  language?: string | null;
}

/** An article read from a source, before it is checked and stored. */
export interface ArticleDraft {
  /** The file, or the file and row, named in the import summary. */
  label: string;
  fields: DraftFields;
  body: string;
  sourceFormat: string;
  sourceEncoding: string | null;
  warnings: string[];
}

/** A row of a bulk file that could not be read. */
export interface DraftError {
  label: string;
  error: string;
}

type Reader = (bytes: Uint8Array, label: string) => Promise<(ArticleDraft | DraftError)[]>;

/** File extensions Sanad imports, and how each is read. */
const READERS: Record<string, Reader> = {
  '.txt': readText('txt'),
  '.text': readText('txt'),
  '.md': readText('md'),
  '.markdown': readText('md'),
  '.html': readHtml,
  '.htm': readHtml,
  '.xhtml': readHtml,
  '.docx': readDocx,
  '.pdf': readPdf,
  '.csv': readCsv,
  '.json': readJson,
  '.jsonl': readJsonLines,
  '.ndjson': readJsonLines,
};

/** The extensions the importer reads, for messages and file pickers. */
export const IMPORTABLE_EXTENSIONS = Object.keys(READERS);

/** Reads a file into drafts, or throws {@link ImportFileError} when the whole file is unreadable. */
export function readDrafts(name: string, bytes: Uint8Array, label: string): Promise<(ArticleDraft | DraftError)[]> {
  const extension = extname(name).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    throw new ImportFileError(`unsupported file type "${extension || '(none)'}"; Sanad imports ${IMPORTABLE_EXTENSIONS.join(' ')}`);
  }
  return reader(bytes, label);
}

function readText(format: string): Reader {
  return async (bytes, label) => {
    const { text, encoding, warnings } = decodeText(bytes);
    return [{ label, fields: {}, body: text, sourceFormat: format, sourceEncoding: encoding, warnings }];
  };
}

async function readHtml(bytes: Uint8Array, label: string) {
  const { text, encoding, warnings } = decodeText(bytes, declaredHtmlCharset(bytes));
  const { body, ...fields } = extractHtml(text);
  return [{ label, fields, body, sourceFormat: 'html', sourceEncoding: encoding, warnings }];
}

async function readDocx(bytes: Uint8Array, label: string) {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ImportFileError('this is not a DOCX file (it is not a ZIP package)');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new ImportFileError(`this DOCX file cannot be read: ${(error as Error).message}`);
  }
  // mammoth separates paragraphs with a blank line; the reader shows one paragraph per line.
  return [{ label, fields: {}, body: text.replace(/\n{2,}/g, '\n'), sourceFormat: 'docx', sourceEncoding: null, warnings: [] }];
}

async function readPdf(bytes: Uint8Array, label: string) {
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 5)) !== '%PDF-') throw new ImportFileError('this is not a PDF file');
  const { extractText, getDocumentProxy, getMeta } = await import('unpdf');
  let pages: string[];
  let info: Record<string, unknown> = {};
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = (await extractText(pdf, { mergePages: false })).text;
    info = ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new ImportFileError(`this PDF cannot be read: ${(error as Error).message}`);
  }
  const body = pages.join('\n').trim();
  if (!/[\p{L}\p{N}]/u.test(body)) {
    throw new ImportFileError('this PDF has no text layer (it is probably a scan); run OCR on it first, then import the result');
  }
  const text = (key: string) => (typeof info[key] === 'string' && (info[key] as string).trim()) || null;
  const warnings: string[] = [];
  // Arabic presentation forms mean the PDF stores glyphs in display order: extraction scrambles them.
  const presentationForms = body.match(/[\uFB50-\uFDFF\uFE70-\uFEFF]/g)?.length ?? 0;
  if (presentationForms > body.length * 0.2) {
    warnings.push('this PDF stores Arabic as shaped glyphs in display order; the extracted text may be out of order: check it against the PDF');
  }
  return [
    {
      label,
      // CreationDate is when the PDF was made, often long after publication: the date comes from the text instead.
      fields: { title: text('Title'), author: text('Author') },
      body,
      sourceFormat: 'pdf',
      sourceEncoding: null,
      warnings,
    },
  ];
}

/** Column names accepted for each field, lower-cased. */
const COLUMN_ALIASES: Record<keyof DraftFields | 'body', string[]> = {
  title: ['title', 'headline', 'العنوان'],
  body: ['body', 'text', 'content', 'article', 'النص'],
  outlet: ['outlet', 'source', 'publisher', 'الوسيلة', 'المصدر'],
  author: ['author', 'byline', 'الكاتب'],
  url: ['url', 'link'],
  published: ['published', 'date', 'published_at', 'publication_date', 'التاريخ'],
  language: ['language', 'lang', 'اللغة'],
};

/** Turns one record of a bulk file into a draft, or an error naming its row. */
function recordToDraft(record: unknown, label: string, format: string, encoding: string | null): ArticleDraft | DraftError {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return { label, error: 'not an object with title, body, … fields' };
  const byName = new Map(Object.entries(record).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const field = (name: keyof typeof COLUMN_ALIASES): string | null => {
    for (const alias of COLUMN_ALIASES[name]) {
      const value = byName.get(alias);
      if (value !== undefined && value !== null && String(value).trim() !== '') return String(value);
    }
    return null;
  };
  const body = field('body');
  if (!body) return { label, error: `no body: give the text in a "body" ${format === 'csv' ? 'column' : 'field'}` };
  return {
    label,
    fields: { title: field('title'), outlet: field('outlet'), author: field('author'), url: field('url'), published: field('published'), language: field('language') },
    body,
    sourceFormat: format,
    sourceEncoding: encoding,
    warnings: [],
  };
}

async function readCsv(bytes: Uint8Array, label: string) {
  const { text, encoding } = decodeText(bytes);
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: false });
  } catch (error) {
    throw new ImportFileError(`this CSV cannot be read: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new ImportFileError('the CSV has a header but no rows');
  // Row numbers as a spreadsheet shows them: the header is row 1.
  return rows.map((row, i) => recordToDraft(row, `${label}, row ${i + 2}`, 'csv', encoding));
}

async function readJson(bytes: Uint8Array, label: string) {
  const { text, encoding } = decodeText(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`this JSON cannot be read: ${(error as Error).message}`);
  }
  const records = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { articles?: unknown }).articles) ? (data as { articles: unknown[] }).articles : [data];
  return records.map((record, i) => recordToDraft(record, `${label}, item ${i + 1}`, 'json', encoding));
}

async function readJsonLines(bytes: Uint8Array, label: string) {
  const { text, encoding } = decodeText(bytes);
  const results: (ArticleDraft | DraftError)[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const lineLabel = `${label}, line ${i + 1}`;
    try {
      results.push(recordToDraft(JSON.parse(line), lineLabel, 'jsonl', encoding));
    } catch (error) {
      results.push({ label: lineLabel, error: `invalid JSON: ${(error as Error).message}` });
    }
  });
  return results;
}
