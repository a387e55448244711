/**
 * Import throughput: Sanad's import (decode, normalise, detect language and date, hash, check
 * duplicates and near-duplicates, index for Arabic-aware search; each file atomic in its own
 * savepoint, commits grouped by 200 files, as `sanad import` and the app do)
 * against a bare better-sqlite3 insert of the same texts into a table plus an FTS5 index.
 *
 *   npx tsx bench/import.ts [N ...]      default: 10000 100000   (after npm install, which builds the import worker)
 *
 * The bare insert is timed twice: all articles in one transaction (its best case, and the
 * comparison the target is about), and one transaction per article (the naive loop).
 * The Sanad store of the largest run is kept in bench/.data/ for bench/search.ts.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../db/sqlite/store';
import { importWorkerScript } from '../electron/paths';
import { localApi } from '../electron/backend/local';
import { createPreparer, importFiles } from '../electron/services/import';
import { generateArticles } from './corpus';

const dataDir = join(__dirname, '.data');

function bareStore(path: string): Database.Database {
  rmSync(path, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL) STRICT;
           CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');`);
  return db;
}

function timeBare(texts: { title: string; body: string }[], path: string, perArticleTransactions: boolean): number {
  const db = bareStore(path);
  const insert = db.prepare('INSERT INTO articles (title, body) VALUES (?, ?)');
  const index = db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)');
  const one = db.transaction((t: { title: string; body: string }) => {
    const id = insert.run(t.title, t.body).lastInsertRowid;
    index.run(id, t.title, t.body);
  });
  const all = db.transaction(() => texts.forEach((t) => one(t)));
  const started = performance.now();
  if (perArticleTransactions) texts.forEach((t) => one(t));
  else all();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return texts.length / seconds;
}

async function timeSanad(texts: { title: string; body: string }[], path: string): Promise<number> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const store = openStore(path);
  const files = texts.map((t, i) => ({ name: `article-${i}.txt`, bytes: Buffer.from(t.body) }));
  // The built worker, as the app and the CLI run it (npm install builds it).
  const preparer = createPreparer(importWorkerScript(join(__dirname, '../out/main')));
  const started = performance.now();
  const imported = (await importFiles(localApi(store).services.uow, files, { preparer })).imported.length;
  const seconds = (performance.now() - started) / 1000;
  await preparer.close();
  store.close();
  if (imported !== texts.length) throw new Error(`only ${imported} of ${texts.length} imported`);
  return texts.length / seconds;
}

async function main() {
  const sizes = process.argv.slice(2).map(Number);
  mkdirSync(dataDir, { recursive: true });
  for (const n of sizes.length ? sizes : [10_000, 100_000]) {
    const texts = [...generateArticles(n)];
    const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t.body), 0) / 1024 / 1024;
    process.stdout.write(`\n${n} articles, ${megabytes.toFixed(0)} MB of text (${((megabytes * 1024) / n).toFixed(1)} KB each)\n`);
    const barePerArticle = timeBare(texts, join(dataDir, 'bare.sqlite'), true);
    process.stdout.write(`  bare insert + FTS5, one transaction per article: ${barePerArticle.toFixed(0)} articles/s\n`);
    const bareBatch = timeBare(texts, join(dataDir, 'bare.sqlite'), false);
    process.stdout.write(`  bare insert + FTS5, one transaction for all:     ${bareBatch.toFixed(0)} articles/s\n`);
    const sanad = await timeSanad(texts, join(dataDir, `sanad-${n}.sqlite`));
    process.stdout.write(`  Sanad import:                                    ${sanad.toFixed(0)} articles/s\n`);
    process.stdout.write(`  ratio Sanad / bare (one transaction):     ${(sanad / bareBatch).toFixed(2)}   (target >= 0.70)\n`);
    process.stdout.write(`  ratio Sanad / bare (transaction each):    ${(sanad / barePerArticle).toFixed(2)}\n`);
  }
  rmSync(join(dataDir, 'bare.sqlite'), { force: true });
}

void main();
