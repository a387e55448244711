/**
 * The claims grid at scale: a generated store of 1,000,000 claims over 100,000 articles (each
 * claim on its own passage, with a chain of one or two sources among 300, a stance, a reported
 * date and search keys from an Arabic vocabulary), then the grid's queries as the claims screen
 * makes them through the API: the grid opening (its first block with the count); views with one
 * column filter and one sort, each opened then scrolled to random offsets; and the quick filter. The store is kept in
 * bench/.data/claims.sqlite and reused. The last line printed is JSON:
 * { "claims", "blockP95Ms", "firstRowsMs", "quickFilterP95Ms" }.
 *
 *   npm run bench:claims [-- CLAIMS]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { callMethod } from '../electron/api/call';
import { localApi } from '../electron/backend/local';
import { indexText } from '../db/text/search-text';
import { openStore } from '../db/sqlite/store';
import { random } from './corpus';

const CLAIMS = Number(process.argv[2] ?? 1_000_000);
const ARTICLES = Math.max(1, Math.round(CLAIMS / 10));
const SOURCES = 300;
const ROUNDS = 20;
const dataDir = join(__dirname, '.data');
const path = join(dataDir, `claims-${CLAIMS}.sqlite`);

const WORDS = ['الانسحاب', 'القوات', 'الأمريكية', 'قاعدة', 'عين', 'الأسد', 'بغداد', 'واشنطن', 'التحالف', 'الدولي', 'مسؤولين', 'مصادر', 'مطلعة', 'وزارة', 'الدفاع', 'أيلول', 'سبتمبر', 'اتفاق', 'الجنود', 'أربيل', 'كردستان', 'الحكومة', 'العراقية', 'الأنبار', 'طائرات', 'مسيرة', 'هجوم', 'صواريخ', 'بيان', 'رويترز'];
const STANCES = ['asserts', 'asserts', 'asserts', 'denies', 'speculates'] as const;

function build(): void {
  mkdirSync(dataDir, { recursive: true });
  const db = openStore(path);
  const next = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const started = performance.now();
  db.transaction(() => {
    const article = db.prepare("INSERT INTO articles (title, outlet, published, language, direction, content_hash, imported_at) VALUES (?, ?, ?, 'ar', 'rtl', ?, '2026-01-01')");
    for (let i = 1; i <= ARTICLES; i++) article.run(phrase(6), `outlet ${i % SOURCES}`, `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`, `hash-${i}`);
    const source = db.prepare('INSERT INTO entities (kind, name, created_at, source_role, reliability) VALUES (?, ?, ?, ?, ?)');
    const roles = ['outlet', 'agency', 'government', 'unnamed'] as const;
    for (let i = 0; i < SOURCES; i++) source.run(i % 4 === 3 ? 'other' : 'organisation', `مصدر ${i}`, '2026-01-01', roles[i % 4], pick(['A', 'B', 'C', 'D', 'E', 'F', null]));
    const annotation = db.prepare("INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (?, 0, 40, ?, '', '', ?, ?)");
    const claim = db.prepare(
      `INSERT INTO claims (annotation_id, article_id, statement, stance, reported_from, reported_to, date_precision, credibility, outlet_entity_id, origin_entity_id, search_keys, search_keys_stale, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'day', ?, ?, ?, ?, 0, ?, ?)`,
    );
    const link = db.prepare('INSERT INTO claim_sources (claim_id, position, entity_id) VALUES (?, ?, ?)');
    for (let i = 1; i <= CLAIMS; i++) {
      const articleId = 1 + (i % ARTICLES);
      const quote = phrase(8);
      const statement = next() < 0.5 ? phrase(5) : null;
      const created = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
      const annotationId = Number(annotation.run(articleId, quote, created, created).lastInsertRowid);
      const chain = Array.from({ length: 1 + Math.floor(next() * 2) }, () => 1 + Math.floor(next() * SOURCES));
      const day = `2025-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      const claimId = Number(
        claim.run(annotationId, articleId, statement, pick(STANCES), day, day, pick([1, 2, 3, 4, 5, 6, null]), 1 + (articleId % SOURCES), chain.at(-1)!, indexText(`${quote} ${statement ?? ''}`), created, created).lastInsertRowid,
      );
      chain.forEach((entityId, position) => link.run(claimId, position, entityId));
    }
  })();
  db.exec('ANALYZE');
  db.close();
  console.log(`built ${CLAIMS.toLocaleString('en')} claims over ${ARTICLES.toLocaleString('en')} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

async function main() {
  if (!existsSync(path)) build();
  const store = openStore(path);
  const { dispatch } = localApi(store);
  const page = async (request: object) => {
    const result = await callMethod(dispatch, 'queryClaims', request as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const timed = async (request: object) => {
    const started = performance.now();
    await page(request);
    return performance.now() - started;
  };
  const next = random(3);
  // The grid opening: its first block with the count.
  const firstRowsMs = await timed({ startRow: 0, endRow: 100, withCount: true });
  // Views as the claims grid asks for them: a set filter on stance, a number filter on
  // credibility, a date range; each with a sort. The grid asks for a view's first block with its
  // count, then the blocks the analyst scrolls to.
  const views = [
    { filterModel: { stance: { filterType: 'set', values: ['denies'] } }, sortModel: [{ colId: 'reportedDate', sort: 'desc' }] },
    { filterModel: { credibility: { filterType: 'number', type: 'lessThanOrEqual', filter: 2 } }, sortModel: [{ colId: 'createdAt', sort: 'asc' }] },
    { filterModel: { reportedDate: { filterType: 'date', type: 'inRange', dateFrom: '2025-03-01', dateTo: '2025-06-30' } }, sortModel: [{ colId: 'credibility', sort: 'desc' }] },
  ];
  const viewFirst: number[] = [];
  const firstScroll: number[] = [];
  const blocks: number[] = [];
  for (const view of views) {
    viewFirst.push(await timed({ startRow: 0, endRow: 100, withCount: true, ...view }));
    const { total } = await page({ startRow: 0, endRow: 100, withCount: true, ...view });
    for (let i = 0; i < ROUNDS; i++) {
      const startRow = 100 * (1 + Math.floor(next() * (Math.max(total!, 200) / 100 - 1)));
      const ms = await timed({ startRow, endRow: startRow + 100, ...view });
      blocks.push(ms);
      if (i === 0) firstScroll.push(ms);
    }
  }
  const quick: number[] = [];
  for (let i = 0; i < ROUNDS; i++) quick.push(await timed({ startRow: 0, endRow: 100, withCount: true, quickFilter: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]}` }));
  const median = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
  console.log(`the grid opening, first block with its count: ${firstRowsMs.toFixed(0)} ms`);
  console.log(`a filtered, sorted view's first block with its count (it reads the view's ordered ids): ${viewFirst.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  console.log(`its first scroll past the first block: ${firstScroll.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  console.log(`every block of 100 at a random offset, the first scrolls included: p50 ${median(blocks).toFixed(1)} ms, p95 ${p95(blocks).toFixed(1)} ms`);
  console.log(`quick filter (two words, any spelling), first block with its count: p50 ${median(quick).toFixed(0)} ms, p95 ${p95(quick).toFixed(0)} ms`);
  store.close();
  console.log(JSON.stringify({ claims: CLAIMS, blockP95Ms: Math.round(p95(blocks)), firstRowsMs: Math.round(firstRowsMs), quickFilterP95Ms: Math.round(p95(quick)) }));
}

void main();
