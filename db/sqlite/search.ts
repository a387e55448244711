/**
 * Search over the library. The query language: words, "exact phrases", AND / OR / NOT (or a
 * leading -), prefix*, parentheses, and filters outlet:, lang:, tag:, from:, to:. Every word is
 * folded and stemmed as the index was, and widened to its spelling variants. Results are ranked
 * by bm25 (title weighted above body), each with a snippet cut from the original text and the
 * matched words marked on it.
 */
import { SearchQueryError } from '../errors';
import type Database from 'better-sqlite3';
import type { SearchFilters, SearchHit, SearchResult } from '../model';
import { foldWord, searchKey, stripPrefixes, tokenize } from '../text/search-text';
import { codePointLength } from '../text/text';
import { variantKeys } from './spelling-variants';
import { statement } from './statements';

type QueryNode =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'and'; include: QueryNode[]; exclude: QueryNode[] }
  | { kind: 'or'; options: QueryNode[] };

type Lexeme = { type: 'word' | 'phrase' | 'open' | 'close' | 'and' | 'or' | 'not'; text: string } | { type: 'filter'; name: string; text: string };

const FILTER_NAMES = new Set(['outlet', 'lang', 'language', 'tag', 'from', 'to']);

function lex(query: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  const pattern = /\s*(?:"([^"]*)"?|(\()|(\))|(-)(?=\S)|([^\s()"]+?):(?:"([^"]*)"?|([^\s()"]+))|([^\s()"]+))/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < query.length && (match = pattern.exec(query))) {
    const [, phrase, open, close, minus, filterName, filterQuoted, filterBare, word] = match;
    if (phrase !== undefined) lexemes.push({ type: 'phrase', text: phrase });
    else if (open) lexemes.push({ type: 'open', text: open });
    else if (close) lexemes.push({ type: 'close', text: close });
    else if (minus) lexemes.push({ type: 'not', text: '-' });
    else if (filterName !== undefined && FILTER_NAMES.has(filterName.toLowerCase())) {
      lexemes.push({ type: 'filter', name: filterName.toLowerCase(), text: filterQuoted ?? filterBare ?? '' });
    } else if (filterName !== undefined) lexemes.push({ type: 'word', text: `${filterName}:${filterQuoted ?? filterBare ?? ''}` });
    else if (word === 'AND' || word === 'OR' || word === 'NOT') lexemes.push({ type: word.toLowerCase() as 'and' | 'or' | 'not', text: word });
    else if (word !== undefined) lexemes.push({ type: 'word', text: word });
    if (match[0] === '') break;
  }
  return lexemes;
}

/** Splits a query into its full-text part and its filters. */
/** How deep parentheses may nest in a query: enough for any real one, and no deeper than the parser's stack allows. */
const MAX_QUERY_NESTING = 16;

export function parseQuery(query: string): { tree: QueryNode | null; filters: SearchFilters } {
  const filters: SearchFilters = {};
  const lexemes = lex(query).filter((l) => {
    if (l.type !== 'filter') return true;
    const key = l.name === 'lang' || l.name === 'language' ? 'language' : (l.name as keyof SearchFilters);
    filters[key] = l.text;
    return false;
  });
  let position = 0;
  let depth = 0;
  const peek = () => lexemes[position];

  function parseOr(): QueryNode | null {
    const options: QueryNode[] = [];
    for (;;) {
      const node = parseAnd();
      if (node) options.push(node);
      if (peek()?.type !== 'or') break;
      position++;
    }
    if (options.length === 0) return null;
    return options.length === 1 ? options[0]! : { kind: 'or', options };
  }

  function parseAnd(): QueryNode | null {
    const include: QueryNode[] = [];
    const exclude: QueryNode[] = [];
    for (;;) {
      const next = peek();
      if (!next || next.type === 'or' || next.type === 'close') break;
      if (next.type === 'and') {
        position++;
        continue;
      }
      const negate = next.type === 'not';
      if (negate) position++;
      const operand = parsePrimary();
      if (!operand) continue;
      (negate ? exclude : include).push(operand);
    }
    if (include.length === 0 && exclude.length > 0) {
      throw new SearchQueryError('NOT needs something to search for first, for example: انسحاب NOT سوريا');
    }
    if (include.length === 0) return null;
    return include.length === 1 && exclude.length === 0 ? include[0]! : { kind: 'and', include, exclude };
  }

  function parsePrimary(): QueryNode | null {
    const next = lexemes[position++];
    if (!next) return null;
    if (next.type === 'open') {
      if (++depth > MAX_QUERY_NESTING) throw new SearchQueryError(`Parentheses nest more than ${MAX_QUERY_NESTING} deep; write the query with fewer.`);
      const inner = parseOr();
      depth--;
      if (peek()?.type === 'close') position++;
      return inner;
    }
    if (next.type === 'phrase') {
      const words = tokenize(next.text).map((t) => t.text);
      return words.length ? { kind: 'phrase', words } : null;
    }
    if (next.type === 'word') {
      const prefix = next.text.endsWith('*');
      // A word with punctuation inside ("U.S.", "كردستان-24") is searched as the phrase of its parts.
      const words = tokenize(next.text).map((t) => t.text);
      if (words.length === 0) return null;
      if (words.length > 1) return { kind: 'phrase', words };
      return { kind: 'word', text: words[0]!, prefix };
    }
    return null;
  }

  return { tree: parseOr(), filters };
}

function quoted(key: string): string {
  return `"${key.replace(/"/g, '""')}"`;
}

/** The stem a prefix query matches against: folded, clitics stripped, suffixes kept. */
function prefixKey(word: string): string {
  const folded = foldWord(word);
  return /[\u0600-\u06FF]/.test(folded) ? stripPrefixes(folded) : folded;
}

interface Matchers {
  keys: Set<string>;
  prefixes: string[];
  /** Each phrase's keys in order: find in an article counts a phrase once, not word by word. */
  phrases?: string[][];
}

/** The FTS5 MATCH expression for a query tree, and the keys a snippet should mark. */
function toFts(db: Database.Database, node: QueryNode, matchers: Matchers): string {
  switch (node.kind) {
    case 'word': {
      if (node.prefix) {
        const key = prefixKey(node.text);
        matchers.prefixes.push(key);
        return `${quoted(key)}*`;
      }
      const keys = variantKeys(db, searchKey(node.text));
      keys.forEach((k) => matchers.keys.add(k));
      return keys.length === 1 ? quoted(keys[0]!) : `(${keys.map(quoted).join(' OR ')})`;
    }
    case 'phrase': {
      const keys = node.words.map(searchKey);
      // Finding in an article wants the phrase whole; snippets mark its words.
      if (matchers.phrases) matchers.phrases.push(keys);
      else keys.forEach((k) => matchers.keys.add(k));
      return quoted(keys.join(' '));
    }
    case 'or':
      return `(${node.options.map((o) => toFts(db, o, matchers)).join(' OR ')})`;
    case 'and': {
      const included = `(${node.include.map((n) => toFts(db, n, matchers)).join(' AND ')})`;
      if (node.exclude.length === 0) return included;
      // Excluded words are not marked in snippets: they do not occur in the results.
      const ignored: Matchers = { keys: new Set(), prefixes: [] };
      return `${included} NOT (${node.exclude.map((n) => toFts(db, n, ignored)).join(' OR ')})`;
    }
  }
}

/** Above this many matching articles, results come newest first rather than ranked (see searchArticles). */
export const RANKING_LIMIT = 20_000;

/** How many articles a query matches at most, from the index's document counts (no scan of the matches). */
function estimateMatches(db: Database.Database, node: QueryNode): number {
  const documents = (key: string) => (statement(db, 'SELECT doc FROM article_search_vocab WHERE term = ?').pluck().get(key) as number | undefined) ?? 0;
  switch (node.kind) {
    case 'word':
      if (node.prefix) {
        const key = prefixKey(node.text);
        return statement(db, "SELECT coalesce(sum(doc), 0) FROM article_search_vocab WHERE term >= ? AND term < ? || '\uffff'").pluck().get(key, key) as number;
      }
      return variantKeys(db, searchKey(node.text)).reduce((sum, key) => sum + documents(key), 0);
    case 'phrase':
      return Math.min(...node.words.map((w) => documents(searchKey(w))));
    case 'or':
      return node.options.reduce((sum, option) => sum + estimateMatches(db, option), 0);
    case 'and':
      return Math.min(...node.include.map((n) => estimateMatches(db, n)));
  }
}

/**
 * Every place in `body` that a query's words match, found the way search matches them (folded,
 * stemmed, widened to variants, prefixes), as code-point spans in text order.
 */
export function findInText(db: Database.Database, body: string, query: string): { start: number; end: number }[] {
  const { tree } = parseQuery(query);
  if (!tree) return [];
  const matchers: Matchers = { keys: new Set(), prefixes: [], phrases: [] };
  toFts(db, tree, matchers);
  const tokens = tokenize(body);
  const keys = tokens.map((token) => searchKey(token.text));
  const phraseAt = (i: number) => matchers.phrases!.find((phrase) => phrase.every((key, j) => keys[i + j] === key));
  const matches: { start: number; end: number }[] = [];
  let codePoints = 0;
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    // A phrase is one match from its first word to its last; other words match one by one.
    const phrase = phraseAt(i);
    if (!phrase && !isMatch(tokens[i]!.text, matchers)) continue;
    const last = tokens[i + (phrase ? phrase.length - 1 : 0)]!;
    codePoints += codePointLength(body.slice(at, tokens[i]!.start));
    const length = codePointLength(body.slice(tokens[i]!.start, last.end));
    matches.push({ start: codePoints, end: codePoints + length });
    codePoints += length;
    at = last.end;
    if (phrase) i += phrase.length - 1;
  }
  return matches;
}

function isMatch(word: string, matchers: Matchers): boolean {
  if (matchers.keys.has(searchKey(word))) return true;
  if (matchers.prefixes.length === 0) return false;
  const stem = prefixKey(word);
  return matchers.prefixes.some((p) => stem.startsWith(p));
}

/** Characters of context in a snippet. */
const SNIPPET_WORDS = 28;

/** A snippet of `body` around the densest run of matched words, with their offsets in it. */
export function makeSnippet(body: string, matchers: Matchers): { snippet: string; highlights: [number, number][] } {
  const tokens = tokenize(body);
  const matched = tokens.map((t) => isMatch(t.text, matchers));
  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!matched[i]) continue;
    let count = 0;
    for (let j = i; j < Math.min(tokens.length, i + SNIPPET_WORDS); j++) if (matched[j]) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = i;
    }
  }
  const first = Math.max(0, bestStart - 6);
  const last = Math.min(tokens.length - 1, first + SNIPPET_WORDS);
  if (tokens.length === 0) return { snippet: '', highlights: [] };
  const from = first === 0 ? 0 : tokens[first]!.start;
  const to = last === tokens.length - 1 ? body.length : tokens[last]!.end;
  const lead = first === 0 ? '' : '… ';
  const snippet = `${lead}${body.slice(from, to).replace(/\s+/g, ' ')}${last === tokens.length - 1 ? '' : ' …'}`;
  // Whitespace runs were collapsed: map offsets through the same collapse.
  const highlights: [number, number][] = [];
  for (let i = first; i <= last; i++) {
    if (!matched[i]) continue;
    const start = lead.length + collapsedLength(body.slice(from, tokens[i]!.start));
    highlights.push([start, start + tokens[i]!.text.length]);
  }
  return { snippet, highlights };
}

function collapsedLength(text: string): number {
  return text.replace(/\s+/g, ' ').length;
}

/**
 * Searches the library; an empty query with filters lists the filtered articles, newest first.
 * A query that matches more than {@link RANKING_LIMIT} articles is listed newest first as well:
 * ranking would score every match (slow at that size) while its words, being in most articles,
 * carry almost no relevance signal. The result says which order it used.
 */
export function searchArticles(db: Database.Database, query: string, extraFilters: SearchFilters = {}, limit = 20): SearchResult {
  const { tree, filters: queryFilters } = parseQuery(query);
  const filters = { ...queryFilters, ...Object.fromEntries(Object.entries(extraFilters).filter(([, v]) => v)) } as SearchFilters;
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filters.outlet) {
    conditions.push("a.outlet LIKE '%' || ? || '%'");
    params.push(filters.outlet);
  }
  if (filters.language) {
    conditions.push('a.language = ?');
    params.push(filters.language.toLowerCase());
  }
  if (filters.from) {
    conditions.push('a.published >= ?');
    params.push(filters.from);
  }
  if (filters.to) {
    conditions.push('substr(a.published, 1, length(?)) <= ?');
    params.push(filters.to, filters.to);
  }
  if (filters.tag) {
    conditions.push('EXISTS (SELECT 1 FROM annotations n JOIN annotation_tags x ON x.annotation_id = n.id JOIN tags t ON t.id = x.tag_id WHERE n.article_id = a.id AND lower(t.name) = lower(?))');
    params.push(filters.tag);
  }
  const matchers: Matchers = { keys: new Set(), prefixes: [] };
  // Bodies are read for the page of results only: selecting them while ranking would read the
  // text of every match.
  let ranked: { id: number; score: number }[];
  let order: SearchResult['order'] = 'relevance';
  let matches = 0;
  let exact = false;
  if (tree) {
    matches = estimateMatches(db, tree);
    if (matches > RANKING_LIMIT) order = 'newest';
    // Filters join the articles table, walked from the index side: in rowid order FTS5 stops after
    // `limit` rows; ranked, the join sorts at most RANKING_LIMIT matches. A rowid IN (...) set would
    // instead materialise every article the filter allows.
    const from = conditions.length ? 'article_search s JOIN articles a ON a.id = s.rowid' : 'article_search s';
    const where = conditions.length ? ` AND ${conditions.join(' AND ')}` : '';
    ranked = statement(
      db,
      order === 'relevance'
        ? `SELECT s.rowid AS id, -s.rank AS score FROM ${from}
           WHERE article_search MATCH ? AND s.rank MATCH 'bm25(4.0, 1.0)'${where}
           ORDER BY s.rank LIMIT ?`
        : `SELECT s.rowid AS id, 0 AS score FROM ${from} WHERE article_search MATCH ?${where} ORDER BY s.rowid DESC LIMIT ?`,
    ).all(toFts(db, tree, matchers), ...params, limit) as { id: number; score: number }[];
    // Under the ranking limit, counting the matches costs little: the count is exact (NOT,
    // phrases and spelling variants included). Above it, the index's estimate stands.
    if (order === 'relevance') {
      matches = statement(db, `SELECT count(*) FROM ${from} WHERE article_search MATCH ?${where}`).pluck().get(toFts(db, tree, { keys: new Set(), prefixes: [] }), ...params) as number;
      exact = true;
    }
  } else if (conditions.length) {
    order = 'newest';
    ranked = statement(db, `SELECT a.id, 0 AS score FROM articles a WHERE ${conditions.join(' AND ')} ORDER BY a.published DESC, a.id DESC LIMIT ?`).all(
      ...params,
      limit,
    ) as { id: number; score: number }[];
    matches = statement(db, `SELECT count(*) FROM articles a WHERE ${conditions.join(' AND ')}`).pluck().get(...params) as number;
    exact = true;
  } else {
    return { hits: [], order, matches: 0, matchesExact: true };
  }
  const load = statement(db, 'SELECT a.id, a.title, a.outlet, a.published, a.language, a.direction, x.body FROM articles a JOIN article_texts x ON x.article_id = a.id WHERE a.id = ?');
  const hits = ranked.map(({ id, score }) => {
    const { body, ...article } = load.get(id) as Omit<SearchHit, 'snippet' | 'highlights' | 'score'> & { body: string };
    return { ...article, score, ...makeSnippet(body, matchers) };
  });
  return { hits, order, matches: exact ? matches : Math.max(matches, hits.length), matchesExact: exact };
}
