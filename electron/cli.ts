/**
 * `sanad`, the command line: browser mode's server and scripted access to the store.
 * Runs under plain Node; it never loads Electron.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleSummary, ImportReport } from './api/contract';
import { createDispatcher, createHandlers } from './api/handlers';
import { openStore, type Store } from '../db/store';
import { resolveDbPath } from './paths';
import { importFiles } from './services/import-files';
import { startHttpServer } from './transport/http-server';

const HELP = `Sanad: an offline analyst workstation for sourced briefings.

Usage: sanad <command> [options]

Commands:
  serve                 Start browser mode on http://127.0.0.1 and print the address to open
    --port N            Port to listen on (default: any free port)
  import FILE...        Import UTF-8 .txt/.md files as articles and print a summary
    --json              Print {imported:[{id,title}], failed:[{file,error}], skipped:[...]} instead
  list                  List the articles in the library
    --json              Print the articles as JSON
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
  const commands: Record<string, (store: Store) => Promise<number>> = {
    serve: (store) => serve(store, values.port),
    import: async (store) => importCommand(store, rest, values.json),
    list: async (store) => listCommand(store, values.json),
  };
  const run = commands[command];
  if (!run) {
    process.stderr.write(`sanad: unknown command "${command}". Run "sanad --help" for usage.\n`);
    return 2;
  }
  let store: Store;
  const dbPath = resolveDbPath(values.db);
  try {
    store = openStore(dbPath);
  } catch (error) {
    process.stderr.write(`sanad: cannot open ${dbPath}: ${(error as Error).message}\n`);
    return 1;
  }
  return run(store);
}

async function serve(store: Store, portOption: string | undefined): Promise<number> {
  const port = portOption === undefined ? 0 : Number(portOption);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`sanad: --port must be a number from 0 to 65535, not "${portOption}"\n`);
    return 2;
  }
  const server = await startHttpServer({ dispatch: createDispatcher(createHandlers(store)), rendererDir: join(__dirname, '../renderer'), port });
  process.stdout.write(`Sanad browser mode is running. Open this address (it holds this launch's access token):\n  ${server.url}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  store.close();
  return 0;
}

function importCommand(store: Store, paths: string[], json: boolean): number {
  if (paths.length === 0) {
    process.stderr.write('sanad import: name at least one file.\n');
    return 2;
  }
  const report: ImportReport = { imported: [], skipped: [], failed: [] };
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      report.failed.push({ file: path, error: `cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    const one = importFiles(store, [{ name: path, bytes }]);
    report.imported.push(...one.imported);
    report.skipped.push(...one.skipped);
    report.failed.push(...one.failed);
  }
  store.close();
  if (json) {
    const { imported, skipped, failed } = report;
    process.stdout.write(`${JSON.stringify({ imported: imported.map(({ id, title }) => ({ id, title })), skipped, failed }, null, 2)}\n`);
  } else {
    for (const i of report.imported) process.stdout.write(`imported  #${i.id}  ${i.file}  "${i.title}"\n`);
    for (const s of report.skipped) process.stdout.write(`skipped   ${s.file}: ${s.reason}\n`);
    for (const f of report.failed) process.stdout.write(`failed    ${f.file}: ${f.error}\n`);
    process.stdout.write(`${report.imported.length} imported, ${report.skipped.length} skipped, ${report.failed.length} failed\n`);
  }
  return report.failed.length > 0 ? 1 : 0;
}

async function listCommand(store: Store, json: boolean): Promise<number> {
  const result = await createDispatcher(createHandlers(store))('listArticles', {});
  store.close();
  if (!result.ok) {
    process.stderr.write(`sanad list: ${result.error.message}\n`);
    return 1;
  }
  const articles = result.value as ArticleSummary[];
  if (json) process.stdout.write(`${JSON.stringify(articles, null, 2)}\n`);
  else for (const a of articles) process.stdout.write(`#${a.id}\t${a.language}\t${a.published ?? '-'}\t${a.title}\n`);
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
