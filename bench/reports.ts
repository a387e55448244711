/**
 * A briefing of 1,000 claims exported to PDF and to DOCX, as the reports screen and the CLI export
 * it: a generated store of 100 articles in Arabic and English, 20 events of 50 claims each (chains
 * of one or two sources, grades, reported dates, some events contested), one report quoting every
 * event in timeline order; then `exportReport` as PDF and as DOCX, each timed from the call to the
 * file (reading the report, checking each quote against its claim, laying out, writing), in a
 * fresh process so the PDF's time includes loading Typst and its fonts. The last line printed is
 * JSON: { "claims", "pdfMs", "docxMs" }.
 *
 *   npm run bench:reports [-- CLAIMS]
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { callMethod } from '../electron/api/call';
import { localApi } from '../electron/backend/local';
import { openStore } from '../db/sqlite/store';
import { random } from './corpus';

const CLAIMS = Number(process.argv[2] ?? 1_000);
const EVENTS = 20;
const ARTICLES = 100;
const SOURCES = 40;

const ARABIC = ['الانسحاب', 'القوات', 'الأمريكية', 'من', 'قاعدة', 'عين', 'الأسد', 'بغداد', 'واشنطن', 'التحالف', 'الدولي', 'مسؤولين', 'مصادر', 'مطلعة', 'وزارة', 'الدفاع', 'أيلول', 'اتفاق', 'الجنود', 'أربيل', 'الحكومة', 'العراقية', 'الأنبار', 'بيان', 'رويترز', 'أن', 'في'];
const ENGLISH = ['the', 'withdrawal', 'from', 'Ain', 'al-Asad', 'US', 'forces', 'officials', 'said', 'on', 'Tuesday', 'base', 'coalition', 'Baghdad', 'troops', 'remain', 'in', 'Iraq', 'according', 'to'];

function build(path: string): number[] {
  const db = openStore(path);
  const next = random(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (words: readonly string[], n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  db.transaction(() => {
    const article = db.prepare('INSERT INTO articles (title, outlet, published, url, language, direction, content_hash, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= ARTICLES; i++) {
      const arabic = i % 4 !== 0;
      article.run(sentence(arabic ? ARABIC : ENGLISH, 7), `outlet ${i % 12}`, `2025-08-${String(1 + (i % 28)).padStart(2, '0')}`, `https://example.org/news/${i}`, arabic ? 'ar' : 'en', arabic ? 'rtl' : 'ltr', `hash-${i}`, '2026-01-01');
    }
    const source = db.prepare('INSERT INTO entities (kind, name, created_at, source_role, reliability) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < SOURCES; i++) source.run('organisation', i % 2 ? `مصدر ${i}` : `Source ${i}`, '2026-01-01', pick(['outlet', 'agency', 'government', 'official'] as const), pick(['A', 'B', 'C', 'D', 'E', 'F', null]));
    const event = db.prepare("INSERT INTO events (title, event_type, date_from, date_to, date_precision, created_at, updated_at) VALUES (?, 'Strategic developments', ?, ?, 'day', '2026-01-01', '2026-01-01')");
    for (let i = 1; i <= EVENTS; i++) {
      const day = `2025-08-${String(i).padStart(2, '0')}`;
      event.run(sentence(ARABIC, 5), day, day);
    }
    const annotation = db.prepare("INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (?, 0, 80, ?, '', '', '2026-01-01', '2026-01-01')");
    const claim = db.prepare(
      `INSERT INTO claims (annotation_id, article_id, stance, reported_from, reported_to, date_precision, credibility, outlet_entity_id, origin_entity_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'day', ?, ?, ?, '2026-01-01', '2026-01-01')`,
    );
    const link = db.prepare('INSERT INTO claim_sources (claim_id, position, entity_id) VALUES (?, ?, ?)');
    const onEvent = db.prepare('INSERT INTO claim_events (claim_id, event_id, relation) VALUES (?, ?, ?)');
    for (let i = 1; i <= CLAIMS; i++) {
      const articleId = 1 + (i % ARTICLES);
      const arabic = articleId % 4 !== 0;
      const annotationId = Number(annotation.run(articleId, sentence(arabic ? ARABIC : ENGLISH, 18)).lastInsertRowid);
      const chain = Array.from({ length: 1 + Math.floor(next() * 2) }, () => 1 + Math.floor(next() * SOURCES));
      const day = `2025-08-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      const claimId = Number(claim.run(annotationId, articleId, pick(['asserts', 'asserts', 'denies'] as const), day, day, pick([1, 2, 3, 4, null]), 1 + (articleId % 12), chain.at(-1)!).lastInsertRowid);
      chain.forEach((entityId, position) => link.run(claimId, position, entityId));
      onEvent.run(claimId, 1 + (i % EVENTS), next() < 0.05 ? 'contradicts' : 'supports');
    }
  })();
  db.close();
  return Array.from({ length: EVENTS }, (_, i) => i + 1);
}

async function main(): Promise<void> {
  const path = join(mkdtempSync(join(tmpdir(), 'sanad-bench-reports-')), 'reports.sqlite');
  const eventIds = build(path);
  const store = openStore(path);
  const { dispatch } = localApi(store);
  const call = async <T>(method: string, arg: unknown): Promise<T> => {
    const result = await callMethod(dispatch, method as never, arg as never);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const report = await call<{ id: number }>('createReport', { title: 'انسحاب القوات الأمريكية من عين الأسد', eventIds, language: 'ar' });
  await call('updateReport', { id: report.id, handling: 'RESTRICTED', bluf: sentence(), judgments: [{ text: sentence(), likelihood: 'likely', confidence: 'moderate' }] });
  const time = async (format: 'pdf' | 'docx') => {
    const started = performance.now();
    const file = await call<{ base64: string }>('exportReport', { id: report.id, format });
    const ms = Math.round(performance.now() - started);
    console.log(`${format}: ${ms} ms, ${Math.round(Buffer.from(file.base64, 'base64').length / 1024)} KB`);
    return ms;
  };
  const pdfMs = await time('pdf');
  const docxMs = await time('docx');
  store.close();
  console.log(JSON.stringify({ claims: CLAIMS, pdfMs, docxMs }));
}

/** A BLUF or judgment in the bench's words. */
function sentence(): string {
  return 'بدأت القوات الأمريكية الانسحاب من قاعدة عين الأسد، ومن المتوقع أن يكتمل قبل أيلول 2025.';
}

void main();
