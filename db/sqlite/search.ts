/**
 * Search over the library. The query language: words, "exact phrases", AND / OR / NOT (or a
 * leading -), prefix*, parentheses, and filters outlet:, lang:, tag:, from:, to:. Every word is
 * folded and stemmed as the index was, and widened to its spelling variants; a month's name
 * finds the month however it is named (أيلول = سبتمبر); a prefix finds every word that begins
 * with it (folded, never stemmed: see prefixSearch), and the variants of such words. Results are ranked
 * by bm25 (title weighted above body), each with a snippet cut from the original text and the
 * matched words marked on it.
 */
import { SearchQueryError } from '../errors';
import type Database from 'better-sqlite3';
import type { SearchFilters, SearchHit, SearchResult } from '../model';
import { arabicMonthNames, isTwoWordMonth, monthsIn, queryMonth } from '../text/months';
import { monthTerm, prefixSearch, searchKey, startsWithPrefix, type TextToken, tokenize } from '../text/search-text';
import { codePointLength } from '../text/text';
import { variantKeys, variantKeysOfPrefix } from './spelling-variants';
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
    // Whether the last operand was a word typed just before this one (no AND, NOT or parenthesis
    // between): two such words that name a month (كانون الثاني) are that month, not two words.
    let afterWord = false;
    for (;;) {
      const next = peek();
      if (!next || next.type === 'or' || next.type === 'close') break;
      if (next.type === 'and') {
        position++;
        afterWord = false;
        continue;
      }
      const negate = next.type === 'not';
      if (negate) position++;
      const isWord = !negate && peek()?.type === 'word';
      const operand = parsePrimary();
      const previous = include.at(-1);
      if (
        afterWord &&
        isWord &&
        operand?.kind === 'word' &&
        !operand.prefix &&
        previous?.kind === 'word' &&
        !previous.prefix &&
        isTwoWordMonth(previous.text, operand.text)
      ) {
        include[include.length - 1] = { kind: 'phrase', words: [previous.text, operand.text] };
        afterWord = false;
        continue;
      }
      afterWord = isWord && operand?.kind === 'word';
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

/** What snippets and find-in-article mark: the keys, months and prefixes a query matches. */
interface Matchers {
  keys: Set<string>;
  /** Months named in the query: every name of them is marked (سبتمبر and أيلول alike). */
  months: Set<number>;
  /** Prefixes as search reads them (see prefixSearch): a word is marked if its key or a letter form begins with one. */
  prefixes: string[];
  /** Each phrase's keys in order: find in an article counts a phrase once, not word by word. */
  phrases?: string[][];
}

const noMatchers = (): Matchers => ({ keys: new Set(), months: new Set(), prefixes: [] });

/** One way a query word or phrase can match: one index term, the terms beginning with a prefix, or keys side by side. */
type Alternative = { kind: 'term'; term: string; counted?: false } | { kind: 'prefix'; prefix: string } | { kind: 'phrase'; keys: string[] };

/**
 * A query tree with each word and phrase expanded into what it matches (variants, months,
 * prefixes). The MATCH expression and the estimate of how many articles match are both read off
 * this one expansion, so they always agree.
 */
type Expanded =
  | { kind: 'any'; alternatives: Alternative[] }
  | { kind: 'or'; options: Expanded[] }
  | { kind: 'and'; include: Expanded[]; exclude: Expanded[] };

/** More spellings than this of a phrase naming months (each month several ways) and it is searched as written. */
const MAX_PHRASE_SPELLINGS = 16;

function expand(db: Database.Database, node: QueryNode, matchers: Matchers): Expanded {
  switch (node.kind) {
    case 'word':
      return { kind: 'any', alternatives: node.prefix ? expandPrefix(db, node.text, matchers) : expandWord(db, node.text, matchers) };
    case 'phrase':
      return { kind: 'any', alternatives: expandPhrase(node.words, matchers) };
    case 'or':
      return { kind: 'or', options: node.options.map((o) => expand(db, o, matchers)) };
    case 'and':
      // Excluded words are not marked in snippets: they do not occur in the results.
      return { kind: 'and', include: node.include.map((n) => expand(db, n, matchers)), exclude: node.exclude.map((n) => expand(db, n, noMatchers())) };
  }
}

/** A word: its key and its variants' keys, and, if it names a month, every name of that month. */
function expandWord(db: Database.Database, word: string, matchers: Matchers): Alternative[] {
  const keys = variantKeys(db, searchKey(word));
  keys.forEach((k) => matchers.keys.add(k));
  const named = queryMonth(word);
  // An unambiguous month name's own key finds nothing its month's term does not (once the index
  // is current): it stays, for an index still being rebuilt, but is not counted twice.
  const alternatives: Alternative[] = keys.map((term, i) => ({ kind: 'term', term, ...(i === 0 && named && !named.ambiguous ? { counted: false } : {}) }));
  if (named) {
    matchers.months.add(named.month);
    alternatives.push({ kind: 'term', term: monthTerm(named.month) });
  }
  return alternatives;
}

/**
 * A prefix (see prefixSearch): index keys and letter forms that begin with it, the keys it spells
 * with the start of a suffix after them, and the keys of every spelling variant of a word that
 * begins with it.
 */
function expandPrefix(db: Database.Database, text: string, matchers: Matchers): Alternative[] {
  const { prefix, letterTerm, stems } = prefixSearch(text);
  if (!prefix) return [];
  matchers.prefixes.push(prefix);
  const alternatives: Alternative[] = [{ kind: 'prefix', prefix }];
  if (letterTerm) alternatives.push({ kind: 'prefix', prefix: letterTerm });
  for (const key of new Set([...stems, ...variantKeysOfPrefix(db, prefix)])) {
    if (key.startsWith(prefix)) continue;
    matchers.keys.add(key);
    alternatives.push({ kind: 'term', term: key });
  }
  return alternatives;
}

/**
 * A phrase: its words' keys side by side. A month named in it may be named any way (20 أيلول 2025
 * finds 20 سبتمبر 2025); a phrase that is only a month's name (كانون الثاني) is that month.
 */
function expandPhrase(words: string[], matchers: Matchers): Alternative[] {
  const keys = words.map(searchKey);
  const spans = monthsIn(words);
  const whole = spans.length === 1 && spans[0]!.first === 0 && spans[0]!.last === words.length - 1 ? spans[0]! : undefined;
  if (whole) {
    matchers.months.add(whole.month);
    const month: Alternative = { kind: 'term', term: monthTerm(whole.month) };
    if (words.length > 1) return [month];
    matchers.keys.add(keys[0]!);
    return [{ kind: 'term', term: keys[0]!, counted: false }, month];
  }
  // Each month in the phrase, every way it is written; the other words as they are.
  let spellings: string[][] = [[]];
  let at = 0;
  for (const span of spans) {
    const between = keys.slice(at, span.first);
    const names = [...new Map(arabicMonthNames(span.month).map((name) => [name.map(searchKey).join(' '), name.map(searchKey)])).values()];
    spellings = spellings.flatMap((before) => names.map((name) => [...before, ...between, ...name]));
    at = span.last + 1;
    if (spellings.length > MAX_PHRASE_SPELLINGS) break;
  }
  spellings = spellings.length > MAX_PHRASE_SPELLINGS ? [keys] : spellings.map((before) => [...before, ...keys.slice(at)]);
  const monthAt = new Set(spans.flatMap((s) => (s.first === s.last ? [s.first] : [s.first, s.last])));
  if (matchers.phrases) matchers.phrases.push(...spellings);
  else {
    keys.forEach((k, i) => monthAt.has(i) || matchers.keys.add(k));
    spans.forEach((s) => matchers.months.add(s.month));
  }
  return spellings.map((k) => ({ kind: 'phrase', keys: k }));
}

/** A term no article has (the marks are ٠ and ١; folding turns every ٢ a text holds into 2). */
const NO_TERM = '"\u0662"';

/** The FTS5 MATCH expression of an expanded query. */
function toFts(node: Expanded): string {
  switch (node.kind) {
    case 'any': {
      const alternatives = node.alternatives.map((a) => (a.kind === 'term' ? quoted(a.term) : a.kind === 'prefix' ? `${quoted(a.prefix)}*` : quoted(a.keys.join(' '))));
      if (alternatives.length === 0) return NO_TERM;
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
    }
    case 'or':
      return `(${node.options.map(toFts).join(' OR ')})`;
    case 'and': {
      const included = `(${node.include.map(toFts).join(' AND ')})`;
      return node.exclude.length === 0 ? included : `${included} NOT (${node.exclude.map(toFts).join(' OR ')})`;
    }
  }
}

/** Above this many matching articles, results come newest first rather than ranked (see searchArticles). */
export const RANKING_LIMIT = 20_000;

/**
 * How many articles a query matches at most, from the index's document counts (no scan of the
 * matches): the sum over every alternative of a word, the rarest word of a phrase.
 */
function estimateMatches(db: Database.Database, node: Expanded): number {
  const documents = (term: string) => (statement(db, 'SELECT doc FROM article_search_vocab WHERE term = ?').pluck().get(term) as number | undefined) ?? 0;
  switch (node.kind) {
    case 'any':
      return node.alternatives.reduce((sum, a) => {
        if (a.kind === 'term') return a.counted === false ? sum : sum + documents(a.term);
        if (a.kind === 'phrase') return sum + Math.min(...a.keys.map(documents));
        return sum + (statement(db, "SELECT coalesce(sum(doc), 0) FROM article_search_vocab WHERE term >= ? AND term < ? || '\uffff'").pluck().get(a.prefix, a.prefix) as number);
      }, 0);
    case 'or':
      return node.options.reduce((sum, option) => sum + estimateMatches(db, option), 0);
    case 'and':
      return Math.min(...node.include.map((n) => estimateMatches(db, n)));
  }
}

/**
 * Every place in `body` that a query's words match, found the way search matches them (folded,
 * stemmed, widened to variants and months, prefixes), as code-point spans in text order.
 */
export function findInText(db: Database.Database, body: string, query: string): { start: number; end: number }[] {
  const { tree } = parseQuery(query);
  if (!tree) return [];
  const matchers: Matchers = { ...noMatchers(), phrases: [] };
  expand(db, tree, matchers);
  const tokens = tokenize(body);
  const keys = tokens.map((token) => searchKey(token.text));
  const matched = matchedWords(tokens, matchers);
  const phraseAt = (i: number) => matchers.phrases!.find((phrase) => phrase.every((key, j) => keys[i + j] === key));
  const matches: { start: number; end: number }[] = [];
  let codePoints = 0;
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    // A phrase is one match from its first word to its last, as is a month's two-word name;
    // other words match one by one.
    const phrase = phraseAt(i);
    if (!phrase && !matched[i]) continue;
    const length = phrase ? phrase.length : matched[i]!;
    const last = tokens[i + length - 1]!;
    codePoints += codePointLength(body.slice(at, tokens[i]!.start));
    const span = codePointLength(body.slice(tokens[i]!.start, last.end));
    matches.push({ start: codePoints, end: codePoints + span });
    codePoints += span;
    at = last.end;
    i += length - 1;
  }
  return matches;
}

/**
 * Which of `tokens` a query's words match: for each, 0 if none, else how many words the match
 * covers from there (1, or 2 for a month's two-word name such as كانون الثاني).
 */
function matchedWords(tokens: readonly TextToken[], matchers: Matchers): number[] {
  const matched = tokens.map(({ text }): number => {
    if (matchers.keys.has(searchKey(text))) return 1;
    if (matchers.prefixes.some((p) => startsWithPrefix(text, p))) return 1;
    return 0;
  });
  if (matchers.months.size) {
    for (const { first, last, month } of monthsIn(tokens.map((t) => t.text))) {
      if (!matchers.months.has(month)) continue;
      matched[first] = last - first + 1;
      for (let i = first + 1; i <= last; i++) matched[i] = 0;
    }
  }
  return matched;
}

/** Characters of context in a snippet. */
const SNIPPET_WORDS = 28;

/** A snippet of `body` around the densest run of matched words, with their offsets in it. */
export function makeSnippet(body: string, matchers: Matchers): { snippet: string; highlights: [number, number][] } {
  const tokens = tokenize(body);
  // Each word of a month's two-word name is marked on its own (the snippet may cut between them).
  const matched = matchedWords(tokens, matchers).map((n, i, all) => n > 0 || (i > 0 && all[i - 1]! > 1));
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
  const matchers = noMatchers();
  // Bodies are read for the page of results only: selecting them while ranking would read the
  // text of every match.
  let ranked: { id: number; score: number }[];
  let order: SearchResult['order'] = 'relevance';
  let matches = 0;
  let exact = false;
  if (tree) {
    const expanded = expand(db, tree, matchers);
    const match = toFts(expanded);
    matches = estimateMatches(db, expanded);
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
    ).all(match, ...params, limit) as { id: number; score: number }[];
    // Under the ranking limit, counting the matches costs little: the count is exact (NOT,
    // phrases, prefixes, months and spelling variants included). Above it, the index's estimate stands.
    if (order === 'relevance') {
      matches = statement(db, `SELECT count(*) FROM ${from} WHERE article_search MATCH ?${where}`).pluck().get(match, ...params) as number;
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
