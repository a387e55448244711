/**
 * `sanad`, the command line: browser mode's server and scripted access to the store.
 * Runs under plain Node; it never loads Electron.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Claim, ImportReport } from './api/contract';
import { callMethod } from './api/call';
import { importLabel } from './api/handlers/common';
import { localApi } from './backend/local';
import { sqliteLibraryCheck, sqliteLibraryFiles } from '../db/sqlite/backup';
import { openStore, type Store } from '../db/sqlite/store';
import { startWorkerBackend } from './backend/worker-backend';
import { defaultUploadDir, importWorkerScript, resolveDbPath, storeWorkerScript } from './paths';
import { createPreparer, IMPORTABLE_EXTENSIONS, type IncomingFile, importFiles } from './services/import';
import { BACKUP_EXTENSION, BackupError, createBackup, restoreBackup } from './services/backup';
import { claimsCsv } from './services/claims-export';
import { uploadsIn } from './services/uploads';
import { startHttpServer } from './transport/http-server';

const HELP = `Sanad: an offline analyst workstation for sourced briefings.

Usage: sanad <command> [options]

Commands:
  serve                 Start browser mode on http://127.0.0.1 and print the address to open
    --port N            Port to listen on (default: any free port)
  import PATH...        Import files, and folders recursively, as articles; print a summary
                        (.txt .md in any common encoding, .html, .docx, .pdf, .csv, .json, .jsonl)
    --json              Print {imported:[{id,title}], failed:[{file,error}], skipped:[...]} instead
  list                  List the articles in the library
    --json              Print the articles as JSON
  search QUERY          Search the library (Arabic-aware); QUERY may use "phrases", AND, OR,
                        NOT, prefix*, and outlet: lang: tag: from:YYYY-MM-DD to:YYYY-MM-DD
    --json              Print [{id,title,outlet,published,snippet,highlights,score}]
    --limit N           At most N results (default 20)
  export --format F     Write the library's work in format F:
                          w3c    annotations as a W3C Web Annotation collection (JSON-LD)
                          qdpx   a REFI-QDA project for QDA tools: articles, codebook, codings, notes
                          acled  events as ACLED-style CSV, one row per event
                          csv    a table as CSV (UTF-8 with BOM, opens right in Excel)
                          xlsx   a table as an Excel workbook
    --table T           With csv or xlsx: claims (default), annotations or entities
    --article ID        With w3c: only this article's annotations
    -o FILE             Write to FILE (default: standard output; qdpx and xlsx need a file)
  import-annotations FILE
                        Import W3C Web Annotations onto the articles they target
  import-qdpx FILE      Import a REFI-QDA project (.qdpx) from Sanad or another QDA tool:
                        its text sources as articles, codes as tags, codings as annotations
    --json              Print the report as JSON
  claims                List the claims: quote, chain of sources, origin and grade
    --json              Print each claim as JSON, with its chain, origin, reliability and credibility
    --csv FILE          Write the claims as CSV (UTF-8 with BOM, opens right in Excel)
    --event ID          Only the claims linked to this event
    --filter TEXT       Only claims whose quote, statement or sources hold these words (any spelling)
  events --json         List the events with their independent sources and whether contested
  backup -o FILE        Back the whole library up into one file (.sanad-backup): a copy of the
                        database taken while it may be in use, with a manifest and its SHA-256
  restore FILE --db NEW Restore a backup as the library NEW, only once it is verified whole
                        (checksum, SQLite's integrity check, row counts); a damaged, cut-short or
                        foreign file is refused and nothing is written
    --force             Replace an existing library at NEW (quit Sanad first); the current one
                        is kept beside it as NEW.before-restore-<date>
  report --report ID    Write a briefing report as a file: its quotes, chains, grades, judgments,
                        references and sources, in the report's language and digits
    --format F          html (one self-contained file), md, docx or pdf
    -o FILE             Write to FILE (required for docx and pdf; html and md go to standard
                        output without it)
  help                  Show this help

Every command takes:
  --db PATH             The database file (default: $SANAD_DB, else the per-user data directory)
`;

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        limit: { type: 'string' },
        format: { type: 'string' },
        article: { type: 'string' },
        table: { type: 'string' },
        csv: { type: 'string' },
        event: { type: 'string' },
        filter: { type: 'string' },
        report: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`sanad: ${(error as Error).message}\nRun "sanad --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const dbPath = resolveDbPath(values.db);
  // Browser mode keeps no connection on this thread: the store workers own the store.
  if (command === 'serve') return serve(dbPath, values.port);
  // A restore makes a new library: it must not open (and so create or migrate) the one it may replace.
  if (command === 'restore') return restoreCommand(rest[0], dbPath, values.force);
  const commands: Record<string, (store: Store) => Promise<number>> = {
    import: (store) => importCommand(store, rest, values.json),
    list: (store) => listCommand(store, values.json),
    search: (store) => searchCommand(store, rest.join(' '), values.json, values.limit),
    export: (store) => exportCommand(store, values),
    'import-annotations': (store) => importAnnotationsCommand(store, rest[0]),
    'import-qdpx': (store) => importProjectCommand(store, rest[0], values.json),
    claims: (store) => claimsCommand(store, values),
    events: (store) => eventsCommand(store, values.json),
    backup: (store) => backupCommand(store, values.output),
    report: (store) => reportCommand(store, values.report, values.format, values.output),
  };
  const run = commands[command];
  if (!run) {
    process.stderr.write(`sanad: unknown command "${command}". Run "sanad --help" for usage.\n`);
    return 2;
  }
  let store: Store;
  try {
    store = openStore(dbPath);
  } catch (error) {
    process.stderr.write(`sanad: cannot open ${dbPath}: ${(error as Error).message}\n`);
    return 1;
  }
  return run(store);
}

async function serve(dbPath: string, portOption: string | undefined): Promise<number> {
  const port = portOption === undefined ? 0 : Number(portOption);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`sanad: --port must be a number from 0 to 65535, not "${portOption}"\n`);
    return 2;
  }
  // Uploaded files wait in this folder: the server writes them, the store's writer reads them.
  const uploadDir = defaultUploadDir();
  let backend;
  try {
    backend = await startWorkerBackend({ dbPath, workerScript: storeWorkerScript(__dirname), uploadDir });
  } catch (error) {
    process.stderr.write(`sanad: cannot open ${dbPath}: ${(error as Error).message}\n`);
    return 1;
  }
  const server = await startHttpServer({ dispatch: backend.dispatch, rendererDir: join(__dirname, '../renderer'), port, uploads: uploadsIn(uploadDir) });
  process.stdout.write(`Sanad browser mode is running. Open this address (it holds this launch's access token):\n  ${server.url}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await backend.close();
  return 0;
}

/** Files read into memory at once by `sanad import`. */
const CLI_READ_CHUNK = 500;

/** Files named on the command line, with folders expanded to the importable files inside them. */
function expandPaths(paths: string[]): { files: string[]; ignored: number } {
  const files: string[] = [];
  let ignored = 0;
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // A path that cannot be read is reported by the import itself, with the reason.
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const inFolder: string[] = [];
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith('.')) continue;
      if (IMPORTABLE_EXTENSIONS.includes(extname(entry.name).toLowerCase())) inFolder.push(join(entry.parentPath, entry.name));
      else ignored++;
    }
    files.push(...inFolder.sort());
  }
  return { files, ignored };
}

async function importCommand(store: Store, paths: string[], json: boolean): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write('sanad import: name at least one file or folder.\n');
    return 2;
  }
  // A project is not an article: it brings codes and codings too, through its own command.
  const project = paths.find((path) => extname(path).toLowerCase() === '.qdpx');
  if (project) {
    store.close();
    process.stderr.write(`sanad import: ${project} is a REFI-QDA project; import it with: sanad import-qdpx ${project}\n`);
    return 2;
  }
  const { files, ignored } = expandPaths(paths);
  if (ignored > 0) process.stderr.write(`sanad import: leaving out ${ignored} file(s) of types Sanad does not import\n`);
  let cancelled = false;
  const onInterrupt = () => {
    cancelled = true;
    process.stderr.write('\nsanad import: stopping after the files being stored now…\n');
  };
  process.once('SIGINT', onInterrupt);
  const preparer = createPreparer(importWorkerScript(__dirname));
  const { services, jobs } = localApi(store, { preparer });
  const report: ImportReport = { imported: [], skipped: [], failed: [] };
  // Read a chunk of files at a time, so memory stays bounded however many files there are.
  for (let first = 0; first < files.length && !cancelled; first += CLI_READ_CHUNK) {
    const readable: IncomingFile[] = [];
    for (const path of files.slice(first, first + CLI_READ_CHUNK)) {
      try {
        readable.push({ name: path, bytes: readFileSync(path) });
      } catch (error) {
        report.failed.push({ file: path, error: `cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      }
    }
    const chunkReport = await importFiles(services.uow, readable, {
      preparer,
      job: { runner: jobs, label: importLabel(readable.map((f) => f.name)), actor: 'local' },
      isCancelled: () => cancelled,
      onProgress: (done: number) => showProgress(first + done, files.length),
    });
    report.imported.push(...chunkReport.imported);
    report.skipped.push(...chunkReport.skipped);
    report.failed.push(...chunkReport.failed);
  }
  process.off('SIGINT', onInterrupt);
  await preparer.close();
  store.close();
  if (json) {
    const { imported, skipped, failed } = report;
    process.stdout.write(`${JSON.stringify({ imported: imported.map(({ id, title }) => ({ id, title })), skipped, failed }, null, 2)}\n`);
  } else {
    for (const i of report.imported) {
      const duplicate = i.possibleDuplicateOf ? `  (possible duplicate of #${i.possibleDuplicateOf.id}, ${Math.round(i.possibleDuplicateOf.similarity * 100)}% similar)` : '';
      process.stdout.write(`imported  #${i.id}  ${i.file}  "${i.title}"${duplicate}\n`);
      for (const warning of i.warnings ?? []) process.stdout.write(`          note: ${warning}\n`);
    }
    for (const s of report.skipped) process.stdout.write(`skipped   ${s.file}: ${s.reason}\n`);
    for (const f of report.failed) process.stdout.write(`failed    ${f.file}: ${f.error}\n`);
    const notDone = files.length - report.imported.length - report.skipped.length - report.failed.length;
    process.stdout.write(
      `${report.imported.length} imported, ${report.skipped.length} skipped, ${report.failed.length} failed${cancelled ? `; cancelled, ${notDone} file(s) not imported` : ''}\n`,
    );
  }
  return report.failed.length > 0 || cancelled ? 1 : 0;
}

/** Import progress on stderr: a line that rewrites itself on a terminal, occasional lines otherwise. */
function showProgress(done: number, total: number): void {
  if (process.stderr.isTTY) {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  } else if (total <= 50 || done === total || done % Math.ceil(total / 50) === 0) {
    process.stderr.write(`imported ${done}/${total}\n`);
  }
}

async function searchCommand(store: Store, query: string, json: boolean, limitOption: string | undefined): Promise<number> {
  const limit = limitOption === undefined ? 20 : Number(limitOption);
  const result = await callMethod(localApi(store).dispatch, 'searchArticles', { query, limit });
  store.close();
  if (!result.ok) {
    process.stderr.write(`sanad search: ${result.error.message}\n`);
    return result.error.code === 'INVALID_ARGUMENT' ? 2 : 1;
  }
  const { hits, order, matches } = result.value;
  if (json) {
    process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
    return 0;
  }
  if (order === 'newest' && query.trim()) {
    process.stderr.write(`about ${matches} articles match: too many to rank, so the most recently imported come first; add words to narrow the search\n`);
  }
  for (const hit of hits) {
    let marked = hit.snippet;
    for (const [start, end] of [...hit.highlights].reverse()) marked = `${marked.slice(0, start)}«${marked.slice(start, end)}»${marked.slice(end)}`;
    process.stdout.write(`#${hit.id}\t${hit.score.toFixed(2)}\t${hit.published ?? '-'}\t${hit.outlet ?? '-'}\t${hit.title}\n\t${marked}\n`);
  }
  if (hits.length === 0) process.stdout.write('no articles match\n');
  return 0;
}

/** The formats `sanad export` writes. */
const EXPORT_FORMATS = ['w3c', 'qdpx', 'acled', 'csv', 'xlsx'];
/** The tables `--format csv|xlsx` writes. */
const EXPORT_TABLES = ['claims', 'annotations', 'entities'];

/** What an export writes, from the API's answer: text, or bytes sent as base64. */
type Written = { content: string | Buffer; summary: string };

async function exportCommand(store: Store, options: { format?: string; article?: string; table?: string; output?: string }): Promise<number> {
  const { format, article, table = 'claims', output } = options;
  const fail = (message: string, code: number) => {
    store.close();
    process.stderr.write(`sanad export: ${message}\n`);
    return code;
  };
  if (!format || !EXPORT_FORMATS.includes(format)) {
    return fail(`say which format: --format ${EXPORT_FORMATS.join('|')}${format ? ` ("${format}" is not one Sanad writes)` : ''}`, 2);
  }
  if ((format === 'csv' || format === 'xlsx') && !EXPORT_TABLES.includes(table)) return fail(`--table takes ${EXPORT_TABLES.join(', ')} ("${table}" is not one)`, 2);
  // A zip or a workbook on a terminal is no use to anyone.
  if ((format === 'qdpx' || format === 'xlsx') && !output) return fail(`--format ${format} writes a binary file: name it with -o FILE`, 2);
  const dispatch = localApi(store).dispatch;
  let written: Written;
  if (format === 'w3c') {
    const result = await callMethod(dispatch, 'exportWebAnnotations', article === undefined ? {} : { articleId: Number(article) });
    if (!result.ok) return fail(result.error.message, result.error.code === 'INVALID_ARGUMENT' ? 2 : 1);
    written = { content: `${JSON.stringify(result.value, null, 2)}\n`, summary: `${result.value.total} annotations` };
  } else if (format === 'qdpx') {
    const result = await callMethod(dispatch, 'exportProject', {});
    if (!result.ok) return fail(result.error.message, 1);
    const { rows, codes, codings, notes, base64 } = result.value;
    written = { content: Buffer.from(base64, 'base64'), summary: `a REFI-QDA project of ${rows} sources, ${codes} codes, ${codings} codings and ${notes} notes` };
  } else if (format === 'acled') {
    const result = await callMethod(dispatch, 'exportAcledEvents', {});
    if (!result.ok) return fail(result.error.message, 1);
    written = { content: result.value.text, summary: `${result.value.rows} events` };
  } else {
    const type = format as 'csv' | 'xlsx';
    const result =
      table === 'claims'
        ? await callMethod(dispatch, 'exportClaims', { format: type, sortModel: [{ colId: 'id', sort: 'asc' }], filterModel: {} })
        : await callMethod(dispatch, 'exportTable', { table: table as 'annotations' | 'entities', format: type });
    if (!result.ok) return fail(result.error.message, 1);
    const { text, base64, rows } = result.value;
    written = { content: text ?? Buffer.from(base64 ?? '', 'base64'), summary: `${rows} ${table}` };
  }
  store.close();
  if (!output) {
    process.stdout.write(written.content);
    return 0;
  }
  try {
    writeFileSync(output, written.content);
  } catch (error) {
    process.stderr.write(`sanad export: cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`wrote ${written.summary} to ${output}\n`);
  return 0;
}

async function importProjectCommand(store: Store, file: string | undefined, json: boolean): Promise<number> {
  if (!file) {
    store.close();
    process.stderr.write('sanad import-qdpx: name the .qdpx file to import.\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    store.close();
    process.stderr.write(`sanad import-qdpx: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  const result = await callMethod(localApi(store).dispatch, 'importProject', { name: file, dataBase64: bytes.toString('base64') });
  store.close();
  if (!result.ok) {
    process.stderr.write(`sanad import-qdpx: ${result.error.message}\n`);
    return 1;
  }
  const report = result.value;
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const failure of report.failed) process.stdout.write(`failed    ${failure.item}: ${failure.error}\n`);
    process.stdout.write(
      `${report.articles} articles imported (${report.existing} already in the library), ${report.codes.added} tags added and ${report.codes.updated} updated, ${report.annotations} annotations imported (${report.skipped} already there), ${report.failed.length} failed\n`,
    );
  }
  return report.failed.length > 0 ? 1 : 0;
}

async function importAnnotationsCommand(store: Store, file: string | undefined): Promise<number> {
  if (!file) {
    process.stderr.write('sanad import-annotations: name the W3C annotation file to import.\n');
    return 2;
  }
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? `not valid JSON (${(error as Error).message})`;
    process.stderr.write(`sanad import-annotations: cannot read ${file}: ${reason}\n`);
    store.close();
    return 1;
  }
  const result = await callMethod(localApi(store).dispatch, 'importWebAnnotations', { document });
  store.close();
  if (!result.ok) {
    process.stderr.write(`sanad import-annotations: ${result.error.message}\n`);
    return 1;
  }
  const report = result.value;
  for (const failure of report.failed) process.stdout.write(`failed    ${failure.annotation}: ${failure.error}\n`);
  process.stdout.write(`${report.imported} imported, ${report.skipped} already there, ${report.failed.length} failed\n`);
  return report.failed.length > 0 ? 1 : 0;
}

async function listCommand(store: Store, json: boolean): Promise<number> {
  const result = await callMethod(localApi(store).dispatch, 'listArticles', {});
  store.close();
  if (!result.ok) {
    process.stderr.write(`sanad list: ${result.error.message}\n`);
    return 1;
  }
  const articles = result.value;
  if (json) process.stdout.write(`${JSON.stringify(articles, null, 2)}\n`);
  else for (const a of articles) process.stdout.write(`#${a.id}\t${a.language}\t${a.published ?? '-'}\t${a.title}\n`);
  return 0;
}

/** Rows the claims command reads per call. */
const CLAIMS_BLOCK = 1000;

async function claimsCommand(store: Store, options: { json: boolean; csv?: string; event?: string; filter?: string }): Promise<number> {
  const dispatch = localApi(store).dispatch;
  const eventId = options.event === undefined ? undefined : Number(options.event);
  if (eventId !== undefined && !(Number.isInteger(eventId) && eventId > 0)) {
    process.stderr.write(`sanad claims: --event takes an event number ("${options.event}" is not one)\n`);
    store.close();
    return 2;
  }
  const claims: Claim[] = [];
  for (let startRow = 0; ; startRow += CLAIMS_BLOCK) {
    const page = await callMethod(dispatch, 'queryClaims', { startRow, endRow: startRow + CLAIMS_BLOCK, sortModel: [{ colId: 'id', sort: 'asc' }], quickFilter: options.filter, eventId });
    if (!page.ok) {
      store.close();
      process.stderr.write(`sanad claims: ${page.error.message}\n`);
      return page.error.code === 'INVALID_ARGUMENT' ? 2 : 1;
    }
    claims.push(...page.value.rows);
    if (page.value.rows.length < CLAIMS_BLOCK) break;
  }
  store.close();
  if (options.csv) {
    try {
      writeFileSync(options.csv, claimsCsv(claims));
    } catch (error) {
      process.stderr.write(`sanad claims: cannot write ${options.csv}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`wrote ${claims.length} claims to ${options.csv}\n`);
  } else if (options.json) {
    // The origin's reliability beside the claim's credibility: the two halves of its grade.
    process.stdout.write(`${JSON.stringify(claims.map((c) => ({ ...c, reliability: c.origin?.reliability ?? null })), null, 2)}\n`);
  } else {
    for (const c of claims) process.stdout.write(`#${c.id}\t${c.grade}\t${[c.outlet, ...c.chain].flatMap((s) => (s ? [s.name] : [])).join(' → ') || '-'}\t${c.quote}\n`);
  }
  return 0;
}

async function eventsCommand(store: Store, json: boolean): Promise<number> {
  const result = await callMethod(localApi(store).dispatch, 'listEvents', {});
  store.close();
  if (!result.ok) {
    process.stderr.write(`sanad events: ${result.error.message}\n`);
    return 1;
  }
  if (json) process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
  else for (const e of result.value) process.stdout.write(`#${e.id}\t${e.date?.from ?? '-'}\t${e.independentSources} independent${e.contested ? ', contested' : ''}\t${e.title}\n`);
  return 0;
}

async function backupCommand(store: Store, output: string | undefined): Promise<number> {
  if (!output) {
    store.close();
    process.stderr.write(`sanad backup: say where to write the backup: -o FILE (e.g. -o library${BACKUP_EXTENSION})\n`);
    return 2;
  }
  try {
    const { manifest, bytes } = await createBackup(sqliteLibraryFiles(store), output, { now: new Date().toISOString() });
    process.stderr.write(`wrote ${output}: ${manifest.rows.articles ?? 0} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB (schema ${manifest.schemaVersion}, SHA-256 ${manifest.database.sha256})\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`sanad backup: cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  } finally {
    store.close();
  }
}

async function restoreCommand(file: string | undefined, target: string, force: boolean): Promise<number> {
  if (!file) {
    process.stderr.write('sanad restore: name the backup file to restore: sanad restore FILE --db NEW\n');
    return 2;
  }
  try {
    const { manifest, keptAs } = await restoreBackup(sqliteLibraryCheck, file, target, { force, now: new Date().toISOString() });
    process.stderr.write(`restored ${file} as ${target}: ${manifest.rows.articles ?? 0} articles, backed up ${manifest.createdAt} by Sanad ${manifest.sanadVersion}\n`);
    if (keptAs) process.stderr.write(`the library that was there is kept as ${keptAs}\n`);
    return 0;
  } catch (error) {
    const reason = error instanceof BackupError ? error.message : `cannot restore ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    process.stderr.write(`sanad restore: ${reason}\n`);
    return 1;
  }
}

const REPORT_FORMATS = ['html', 'md', 'docx', 'pdf'] as const;

async function reportCommand(store: Store, reportOption: string | undefined, format: string | undefined, output: string | undefined): Promise<number> {
  const id = Number(reportOption);
  const refuse = (message: string) => {
    store.close();
    process.stderr.write(`sanad report: ${message}\n`);
    return 2;
  };
  if (!(Number.isInteger(id) && id > 0)) return refuse(`say which report: --report ID${reportOption === undefined ? '' : ` ("${reportOption}" is not a report number)`}`);
  if (!REPORT_FORMATS.includes(format as (typeof REPORT_FORMATS)[number])) {
    return refuse(`say which format: --format ${REPORT_FORMATS.join('|')}${format ? ` ("${format}" is not one Sanad writes)` : ''}`);
  }
  if (!output && (format === 'docx' || format === 'pdf')) return refuse(`a ${format.toUpperCase()} file needs -o FILE`);
  const result = await callMethod(localApi(store).dispatch, 'exportReport', { id, format: format as (typeof REPORT_FORMATS)[number] });
  store.close();
  if (!result.ok) {
    process.stderr.write(`sanad report: ${result.error.message}\n`);
    return result.error.code === 'INVALID_ARGUMENT' ? 2 : 1;
  }
  const { text, base64 } = result.value;
  if (!output) {
    process.stdout.write(text!);
    return 0;
  }
  try {
    writeFileSync(output, text ?? Buffer.from(base64!, 'base64'));
  } catch (error) {
    process.stderr.write(`sanad report: cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`wrote report #${id} to ${output}\n`);
  return 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`sanad: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
