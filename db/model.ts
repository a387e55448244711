/**
 * Sanad's domain records as the store reads and writes them. The bottom layer's vocabulary:
 * the repositories in db/ return these, the contract in electron/api/ re-exports them, and the
 * renderer imports them as types only.
 */

/** An article as listed in the library grid (no body). `published` is an ISO date (YYYY-MM-DD). */
export interface ArticleSummary {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  language: string;
  direction: 'rtl' | 'ltr';
  sourceName: string | null;
  /** What it was imported from: txt (pasted text too), md, html, docx, pdf, csv, json or jsonl. */
  sourceFormat: string | null;
  /** The character encoding its bytes were read in, where that was a question. */
  sourceEncoding: string | null;
  importedAt: string;
  annotationCount: number;
  length: number;
  /** An earlier article this one nearly duplicates (the same story lightly edited), if any. */
  nearDuplicateOf: number | null;
  nearDuplicateTitle: string | null;
  /** Estimated share of word sequences the two have in common, 0..1. */
  nearDuplicateSimilarity: number | null;
}

/** The metadata an analyst can edit; fields left out stay as they are. */
export interface ArticleEdit {
  title?: string;
  outlet?: string | null;
  author?: string | null;
  url?: string | null;
  published?: string | null;
  language?: string;
  direction?: 'rtl' | 'ltr';
}

/**
 * Where articles come from, as the analyst gives it for many at once (pasted text has none of
 * it, and a briefing can neither cite nor date an article without an outlet and a date).
 */
export interface SourceDetails {
  outlet?: string;
  url?: string;
  published?: string;
}

/** The source details a briefing needs of every article: an article lacking one is marked in the library. */
export type CitationField = 'outlet' | 'published';

/** What filling in source details did: how many articles changed, and how many got each field. */
export interface SourceDetailsReport {
  articles: number;
  outlet: number;
  url: number;
  published: number;
}

/** A whole article, body included. */
export interface Article extends ArticleSummary {
  body: string;
  contentHash: string;
}

/** A codebook tag; tags form a tree through `parentId`. */
export interface Tag {
  id: number;
  name: string;
  colour: string;
  parentId: number | null;
  description: string | null;
  /** A single key that applies the tag to a selection, besides 1-9. */
  shortcut: string | null;
  /** The code's GUID in REFI-QDA exchange. */
  guid: string;
}

/** What importing a REFI-QDA codebook did. */
export interface CodebookImportReport {
  added: number;
  updated: number;
}

/**
 * What importing a REFI-QDA project did: articles made from its text sources (`existing`: sources
 * whose text the library already held, whose codings went onto that article), codes added to or
 * updated in the codebook, passages annotated (`skipped`: already annotated so), and each part
 * that could not come across, named, with the reason.
 */
export interface ProjectImportReport {
  articles: number;
  existing: number;
  codes: CodebookImportReport;
  annotations: number;
  skipped: number;
  failed: { item: string; error: string }[];
}

/**
 * An annotation anchored on an article's body. `start` and `end` count Unicode code points
 * (as a W3C TextPositionSelector does); `exact`, `prefix` and `suffix` form its TextQuoteSelector.
 */
export interface Annotation {
  id: number;
  articleId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** The passage's tags, in the order they were applied. */
  tagIds: number[];
  /** The first of `tagIds`, or null: kept for callers written when a passage had one tag. */
  tagId: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Set when the article's text changed and the passage could not be placed with certainty:
   * 'ambiguous' (found in several places) or 'unmatched' (not found). The selectors above are
   * then the old ones; `reviewCandidates` holds the places found, with their new context.
   */
  reviewReason: 'ambiguous' | 'unmatched' | null;
  reviewCandidates: { start: number; end: number; prefix: string; exact: string; suffix: string }[] | null;
}

/** What a history step did, as `<subject>.<verb>`: 'annotation.create', 'tag.merge', 'text.edit', 'mention.review', … */
export type HistoryKind =
  | 'annotation.create'
  | 'annotation.edit'
  | 'annotation.delete'
  | 'annotation.place'
  | 'annotations.import'
  | 'tag.create'
  | 'tag.edit'
  | 'tag.merge'
  | 'tag.delete'
  | 'codebook.import'
  | 'project.import'
  | 'entity.create'
  | 'entity.alias'
  | 'entity.delete'
  | 'entity.mark'
  | 'mention.review'
  | 'mention.place'
  | 'mention.delete'
  | 'article.edit'
  | 'articles.edit'
  | 'text.edit'
  | 'variants.add'
  | 'variants.delete'
  | 'claim.create'
  | 'claim.edit'
  | 'claim.delete'
  | 'claim.link'
  | 'claim.unlink'
  | 'source.edit'
  | 'source.merge'
  | 'event.create'
  | 'event.edit'
  | 'event.delete'
  | 'view.save'
  | 'view.delete'
  | 'report.create'
  | 'report.edit'
  | 'report.delete'
  | 'template.save'
  | 'template.delete';

/**
 * One step of the undo history: one action as the analyst took it (a bulk action is one step),
 * what it was done to and where. `state`: done, undone, or discarded (undone, then replaced by
 * a new action). `subject`/`action`/`annotationId` keep the first history's shape.
 */
export interface HistoryEntry {
  id: number;
  at: string;
  kind: HistoryKind;
  subject: string;
  action: 'create' | 'edit' | 'delete';
  /** The row the step is about (an annotation, a tag, a mention, …). */
  annotationId: number;
  articleId: number | null;
  articleTitle: string | null;
  /** The passage, or the name of what was changed. */
  quote: string;
  /** Kind-specific facts: the tag's name, how many mentions, the status given, … */
  detail: Record<string, unknown>;
  actor: string;
  state: 'done' | 'undone' | 'discarded';
}

/** How the annotations (and entity mentions) of an article were placed after its text changed. */
export interface ReanchorReport {
  byPosition: number;
  byQuote: number;
  byFuzzyMatch: number;
  needReview: number;
  /** Entity mentions: moved with their text; decided ones not found again (waiting for review); suggestions dropped (the scan suggests again where the alias still stands). */
  mentions: { moved: number; needReview: number; dropped: number };
}

/** The kinds of entity. */
export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

/** An entity with its aliases and mention counts. */
export interface EntitySummary {
  id: number;
  kind: EntityKind;
  name: string;
  aliases: string[];
  accepted: number;
  suggested: number;
  /** As a source: its role, its reliability (Admiralty A–F) and why (null while it is none). */
  role: SourceRole | null;
  reliability: Reliability | null;
  reliabilityNote: string | null;
}

/** A mention of an entity in an article, with its context; suggested until the analyst decides. */
export interface MentionRow {
  id: number;
  entityId: number;
  entityName: string;
  kind: EntityKind;
  articleId: number;
  articleTitle: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: 'suggested' | 'accepted' | 'rejected';
  /** Set when the text changed and this decided mention could not be found again. */
  reviewReason: 'ambiguous' | 'unmatched' | null;
}

/** What importing W3C annotations did. */
export interface WebAnnotationImportReport {
  imported: number;
  skipped: number;
  failed: { annotation: string; error: string }[];
}

/** An annotation with what the annotations grid shows beside it. */
export interface AnnotationRow extends Annotation {
  articleTitle: string;
  articleDirection: 'rtl' | 'ltr';
  /** The passage's tags with their names and colours, in the order they were applied. */
  tags: TagRef[];
  /** The first tag's name and colour, or null: kept for callers written when a passage had one tag. */
  tagName: string | null;
  tagColour: string | null;
}

/** Which passages of the annotations grid to show: one article's, one tag's (null: untagged ones). */
export interface AnnotationScope {
  articleId?: number;
  tagId?: number | null;
}

/** One group of the annotations screen's group-by panel: a tag (id null: no tag) or an article, with its passages counted. */
export interface AnnotationGroup {
  id: number | null;
  name: string;
  colour: string | null;
  count: number;
}

/** The groups, largest first; `more` counts those left out past the limit. */
export interface AnnotationGroups {
  groups: AnnotationGroup[];
  more: number;
}

/** A tag as a passage shows it. */
export interface TagRef {
  id: number;
  name: string;
  colour: string;
}

/** One article an import stored. `file` names the row too for bulk files ("news.csv, row 3"). */
export interface ImportedArticle {
  file: string;
  id: number;
  title: string;
  possibleDuplicateOf?: { id: number; title: string; similarity: number };
  /** Things the analyst should know that did not stop the import (bytes removed, a guessed encoding). */
  warnings?: string[];
  /** What a briefing needs to cite and date it that the article came without (absent when it has both). */
  missing?: CitationField[];
}

/** What happened to each file of an import batch. */
export interface ImportReport {
  imported: ImportedArticle[];
  skipped: { file: string; reason: string; existingId: number }[];
  failed: { file: string; error: string }[];
}

/** Filters that narrow a search; each can also be written in the query (outlet:, lang:, tag:, from:, to:). */
export interface SearchFilters {
  outlet?: string;
  language?: string;
  tag?: string;
  /** Earliest publication date, ISO (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  /** Latest publication date, ISO, inclusive. */
  to?: string;
}

/** One search result. `highlights` are [start, end) offsets (UTF-16 code units) into `snippet`. */
export interface SearchHit {
  id: number;
  title: string;
  outlet: string | null;
  published: string | null;
  language: string;
  direction: 'rtl' | 'ltr';
  snippet: string;
  highlights: [number, number][];
  score: number;
}

/**
 * A page of search results. `order` is 'relevance' (bm25) unless the query matches so many
 * articles (most of the library) that relevance means little; then the newest come first.
 * `matches` says how many articles match: counted, or estimated when they are too many to rank.
 */
export interface SearchResult {
  hits: SearchHit[];
  order: 'relevance' | 'newest';
  matches: number;
  /** Whether `matches` is counted (true) or estimated from the index's word counts (a query matching most of the library). */
  matchesExact: boolean;
  /** Set while the search index is being rebuilt (a new analyser): results may miss articles not yet re-indexed. */
  rebuilding?: { done: number; total: number };
}

/** A group of words the search treats as one spelling. */
export interface VariantGroup {
  groupId: number;
  terms: string[];
}

/** One condition of a grid column's filter, as AG Grid Community's text, number and date filters send it. */
export interface FilterCondition {
  filterType?: 'text' | 'number' | 'date' | 'set';
  /** Set filters: the values chosen (ids, or the column's own values); `null` chooses rows with none. */
  values?: (string | number | null)[];
  /** contains, notContains, equals, notEqual, startsWith, endsWith, lessThan, …, inRange, blank, notBlank. */
  type?: string;
  filter?: string | number | null;
  filterTo?: number | null;
  /** Date filters: 'YYYY-MM-DD' or 'YYYY-MM-DD hh:mm:ss'. */
  dateFrom?: string | null;
  dateTo?: string | null;
}

/** A column's filter: one condition, or several joined by AND / OR. */
export interface ColumnFilter extends FilterCondition {
  operator?: 'AND' | 'OR';
  conditions?: FilterCondition[];
}

/** A block of a server-paged grid: rows [startRow, endRow) in the given sort, under the given filters. */
export interface PageRequest {
  startRow: number;
  endRow: number;
  sortModel?: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel?: Record<string, ColumnFilter>;
  /** Words that must each appear in one of the grid's text columns. */
  quickFilter?: string;
  /** Count the matching rows too (the grid asks on its first block; counting costs a pass). */
  withCount?: boolean;
}

/** A block of rows and, when asked, how many rows match in all. */
export interface Page<Row> {
  rows: Row[];
  total: number | null;
}

/** An outlet and how many articles come from it. */
export interface OutletCount {
  outlet: string;
  articles: number;
}

/** The kinds of background job: the runner runs the first two in chunks; imports, exports, backups and report files run in their services and are followed as jobs. */
export type JobKind = 'alias-scan' | 'reindex' | 'import' | 'export' | 'backup' | 'report';

/** Where a job is: waiting, running, or finished one way or another. */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

/** A background job, with its progress (`done` of `total` units, e.g. articles scanned). */
export interface Job {
  id: number;
  kind: JobKind;
  label: string;
  state: JobState;
  done: number;
  total: number;
  result: Record<string, unknown> | null;
  error: string | null;
  /** How many times it was found unfinished when Sanad started and was taken up again. */
  resumed: number;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}

/** What a new annotation stores; offsets count code points. */
export type NewAnnotation = Pick<Annotation, 'articleId' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'tagIds' | 'note'>;

/** What may change on an annotation: its place and quote, note, review state, and its whole set of tags. */
export type AnnotationChange = Partial<Omit<Annotation, 'id' | 'articleId' | 'createdAt' | 'tagId'>>;

/** Who takes a step, from which window, and when. */
export interface StepContext {
  actor: string;
  client: string;
  now: string;
}

/** What a step is about, for the history list and the undo message. */
export interface StepLabel {
  kind: HistoryKind;
  subjectId?: number | null;
  articleId?: number | null;
  quote?: string;
  detail?: Record<string, unknown>;
}

/** What a new tag may carry besides its name and colour. */
export type TagDetails = Partial<Pick<Tag, 'parentId' | 'description' | 'shortcut' | 'guid'>>;

/** What happens to a deleted tag's annotations: keep them untagged, delete them, or move them to another tag. */
export type DeletedTagAnnotations = { action: 'untag' } | { action: 'delete' } | { action: 'move'; toTagId: number };

/** What an import stores for a new article: the article's own fields, as the contract names them. */
export type NewArticle = Pick<
  Article,
  'title' | 'outlet' | 'author' | 'url' | 'published' | 'language' | 'direction' | 'body' | 'contentHash' | 'sourceName' | 'sourceEncoding'
> & { sourceFormat: string };

/** A stored article and, when one was found, the earlier article it nearly duplicates. */
export interface InsertedArticle {
  id: number;
  nearDuplicate?: { id: number; title: string; similarity: number };
}

/** What part a source plays; an entity with a role is a source. 'unnamed' is one the text does not name ("مصادر مطلعة"). */
export type SourceRole = 'outlet' | 'agency' | 'government' | 'official' | 'military' | 'armed_group' | 'ngo' | 'social_media' | 'unnamed';

/** Source reliability on the Admiralty (NATO) scale: A completely reliable … E unreliable, F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Whether a claim's source asserts, denies or speculates what the statement says. */
export type ClaimStance = 'asserts' | 'denies' | 'speculates';

/** How exactly a reported date is known: the day, the month, the year, or only the weekday ("on Sunday"). */
export type DatePrecision = 'day' | 'month' | 'year' | 'weekday';

/** How a claim bears on an event. */
export type ClaimRelation = 'supports' | 'contradicts' | 'mentions';

/** A date or range as reported, with its precision (from = to for one day; ISO dates). */
export interface ReportedDate {
  from: string;
  to: string;
  precision: DatePrecision;
}

/** A figure a claim reports: 2,500 troops is { value: 2500, unit: null, counted: 'troops' }. */
export interface Figure {
  value: number;
  unit: string | null;
  counted: string | null;
}

/** A source as a claim's chain shows it. */
export interface SourceRef {
  entityId: number;
  name: string;
  role: SourceRole | null;
  reliability: Reliability | null;
}

/** A claim: who says what, through whom, on an anchored passage. */
export interface Claim {
  id: number;
  annotationId: number;
  articleId: number;
  articleTitle: string;
  articleDirection: 'rtl' | 'ltr';
  /** The verbatim quote (the passage's). */
  quote: string;
  /** Set when the article's text changed and the passage waits for review. */
  needsReview: boolean;
  statement: string | null;
  stance: ClaimStance;
  reportedDate: ReportedDate | null;
  placeId: number | null;
  placeName: string | null;
  figures: Figure[];
  /** The article's outlet as a source, when the article names one. */
  outlet: SourceRef | null;
  /** Whom the outlet cites, then whom they cite, the origin last; empty when the outlet is the origin. */
  chain: SourceRef[];
  /** The last source of the chain, or the outlet when it cites nobody. */
  origin: SourceRef | null;
  credibility: number | null;
  /** The origin's reliability and the credibility, as analysts write them: "B2" ("?" where not given). */
  grade: string;
  events: { eventId: number; title: string; relation: ClaimRelation }[];
  /** The passage's tags, by name. */
  tags: { id: number; name: string; colour: string }[];
  /** The most independent sources any of its events has (null when it bears on none). */
  independentSources: number | null;
  /** Whether any of its events is contested. */
  contested: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A proposed link of a chain: a known entity, or words of the passage naming a source that is not an entity yet. */
export interface ProposedSource {
  entityId: number | null;
  name: string;
  role: SourceRole | null;
}

/** A link of a chain as the analyst confirms it: an entity, or a new source to create (an unnamed one belongs to its reporter). */
export type ChainInput = { entityId: number; name?: string; role?: SourceRole | null } | { entityId: null; name: string; role: SourceRole | null };

/** What a new claim carries besides its passage. */
export interface NewClaim {
  annotationId: number;
  articleId: number;
  statement: string | null;
  stance: ClaimStance;
  reportedDate: ReportedDate | null;
  placeId: number | null;
  figures: Figure[];
  credibility: number | null;
  outletId: number | null;
  /** Entity ids, in order, the origin last. */
  chain: number[];
}

/** An event claims are about. */
export interface EventSummary {
  id: number;
  title: string;
  eventType: string | null;
  subEventType: string | null;
  date: ReportedDate | null;
  placeId: number | null;
  placeName: string | null;
  description: string | null;
  actors: { entityId: number; name: string }[];
  claimCount: number;
  /** Distinct origins among the supporting claims; near-duplicate articles count once. */
  independentSources: number;
  /** A claim contradicts it, or its claims report dates, places or figures that disagree beyond their precision. */
  contested: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An event with its claims (each with its relation) and what makes it contested. */
export interface EventDetail extends EventSummary {
  claims: (Claim & { relation: ClaimRelation })[];
  /** Why it is contested, one entry per disagreement, naming the claims on each side. */
  disagreements: Disagreement[];
}

/** The claims that report one value (a date, a place, a figure) where others report another. */
export interface DisagreementSide<Value> {
  value: Value;
  claimIds: number[];
}

/**
 * One reason an event is contested, naming the claims involved (`claimIds`, ascending): the claims
 * that contradict it, or those reporting dates that cannot be the same given their precision,
 * different places (`value` is the place's entity id), or different figures of one measure.
 */
export type Disagreement =
  | { kind: 'contradiction'; claimIds: number[] }
  | { kind: 'date'; claimIds: number[]; sides: DisagreementSide<ReportedDate>[] }
  | { kind: 'place'; claimIds: number[]; sides: DisagreementSide<number>[] }
  | { kind: 'figure'; claimIds: number[]; measure: Pick<Figure, 'unit' | 'counted'>; sides: DisagreementSide<number>[] };

/** What a new or changed event carries. */
export interface EventFields {
  title: string;
  eventType: string | null;
  subEventType: string | null;
  date: ReportedDate | null;
  placeId: number | null;
  description: string | null;
  actorIds: number[];
}

/** What may change on a claim. */
export type ClaimChange = Partial<Pick<NewClaim, 'statement' | 'stance' | 'reportedDate' | 'placeId' | 'figures' | 'credibility' | 'chain'>>;

/** What may change on a source: its role, its reliability, and the note on why. */
export interface SourceChange {
  role?: SourceRole | null;
  reliability?: Reliability | null;
  reliabilityNote?: string | null;
}

/** Who cites whom: sources as nodes (with how many claims pass through each, and how many end there), citations as edges weighted by claims. */
export interface SourceGraph {
  nodes: { entityId: number; name: string; role: SourceRole | null; reliability: Reliability | null; claims: number; origins: number }[];
  edges: { from: number; to: number; claims: number }[];
}

/**
 * Which events the timeline shows (every one when nothing is given): those with a claim on a
 * passage carrying the tag; at the place (the event's own, or one a claim reports); with the
 * actor; citing the source anywhere in a claim's chain (outlet, a link, or origin).
 */
export interface TimelineFilter {
  tagId?: number;
  placeId?: number;
  actorId?: number;
  sourceId?: number;
}

/** One claim's report of an event as the timeline shows it: the date it gives and who gives it. */
export interface TimelineReport {
  claimId: number;
  articleId: number;
  annotationId: number;
  relation: ClaimRelation;
  /** The date the claim reports, or null when it reports none. */
  date: ReportedDate | null;
  /** The article's outlet and the origin of the claim's chain (the same source when the outlet cites no one). */
  outlet: string | null;
  origin: string | null;
}

/** An event on the timeline, with every claim's report of it (not only those a filter matched). */
export interface TimelineEvent {
  id: number;
  title: string;
  date: ReportedDate | null;
  placeName: string | null;
  independentSources: number;
  contested: boolean;
  /** What its claims disagree on (the event's screen names the claims). */
  disagreements: Disagreement['kind'][];
  reports: TimelineReport[];
}

/** Something a timeline filter can be set to: a tag or an entity, by id and name. */
export interface TimelineChoice {
  id: number;
  name: string;
}

/** The events a filter keeps, earliest first (undated ones last), and what each filter can choose from. */
export interface EventTimeline {
  events: TimelineEvent[];
  /** The tags, places, actors and sources some event has, whatever the filter, by name. */
  choices: { tags: TimelineChoice[]; places: TimelineChoice[]; actors: TimelineChoice[]; sources: TimelineChoice[] };
}

/** The grids whose views the analyst can name and save. */
export type GridName = 'claims' | 'annotations' | 'library';

/** One column of a grid as the analyst left it: its place (the array's order), width, visibility and sort. */
export interface GridColumnState {
  colId: string;
  width?: number;
  hide?: boolean | null;
  pinned?: 'left' | 'right' | null;
  sort?: 'asc' | 'desc' | null;
  sortIndex?: number | null;
  flex?: number | null;
}

/** What a saved view restores: the columns, the filters and the quick filter. */
export interface GridViewState {
  columns: GridColumnState[];
  filterModel: Record<string, ColumnFilter>;
  quickFilter?: string;
}

/** A named view of a grid, saved in the store (and undoable like every change). */
export interface GridView {
  id: number;
  grid: GridName;
  name: string;
  state: GridViewState;
  createdAt: string;
  updatedAt: string;
}

/** A likelihood on the ICD 203 scale, from almost no chance (1–5%) to almost certain (95–99%). */
export type Likelihood = 'almostNoChance' | 'veryUnlikely' | 'unlikely' | 'roughlyEven' | 'likely' | 'veryLikely' | 'almostCertain';

/** How confident the analyst is in a judgment: said separately from its likelihood (ICD 203). */
export type Confidence = 'low' | 'moderate' | 'high';

/** The languages a report is written in. */
export type ReportLanguage = 'ar' | 'en';

/** The digits a report prints its numbers in: Latin (0–9) or Arabic-Indic (٠–٩). */
export type ReportDigits = 'latn' | 'arab';

/** What a section holds: events with their claims, hand-picked claims, or text alone. */
export type ReportSectionKind = 'events' | 'claims' | 'text';

/** A key judgment: what the analyst judges, how likely, and with what confidence. */
export interface KeyJudgment {
  id: number;
  text: string;
  likelihood: Likelihood | null;
  confidence: Confidence | null;
}

/** An article as a citation names it. */
export interface CitedArticle {
  id: number;
  title: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  language: string;
}

/** A claim as the report quoted it, kept with the report so an export prints what was written. */
export interface ClaimSnapshot {
  quote: string;
  /** The direction of the quote's article (the quote is printed in it). */
  direction: 'rtl' | 'ltr';
  statement: string | null;
  stance: ClaimStance;
  reportedDate: ReportedDate | null;
  placeName: string | null;
  figures: Figure[];
  outlet: SourceRef | null;
  chain: SourceRef[];
  origin: SourceRef | null;
  grade: string;
  article: CitedArticle;
  /** The most independent sources any of its events has, and whether any is contested. */
  independentSources: number | null;
  contested: boolean;
}

/** A disagreement as the report shows it: places by name. */
export type SnapshotDisagreement =
  | { kind: 'contradiction'; claimIds: number[] }
  | { kind: 'date'; claimIds: number[]; sides: DisagreementSide<ReportedDate>[] }
  | { kind: 'place'; claimIds: number[]; sides: DisagreementSide<string>[] }
  | { kind: 'figure'; claimIds: number[]; measure: Pick<Figure, 'unit' | 'counted'>; sides: DisagreementSide<number>[] };

/** An event as the report presented it. */
export interface EventSnapshot {
  title: string;
  eventType: string | null;
  date: ReportedDate | null;
  placeName: string | null;
  independentSources: number;
  contested: boolean;
  disagreements: SnapshotDisagreement[];
}

/**
 * One item of a section: an event or a claim, as the report quoted it (`snapshot`), and whether
 * it is still so: 'changed' when the claim or event has changed since, 'deleted' when it is gone.
 */
export type ReportItem = { id: number; translation: string | null; status: 'current' | 'changed' | 'deleted' } & (
  | { kind: 'claim'; claimId: number; snapshot: ClaimSnapshot }
  | { kind: 'event'; eventId: number; snapshot: EventSnapshot }
);

/** A section of a report, its items in order. */
export interface ReportSection {
  id: number;
  heading: string;
  kind: ReportSectionKind;
  body: string;
  items: ReportItem[];
}

/** A report as the reports list shows it. */
export interface ReportSummary {
  id: number;
  title: string;
  language: ReportLanguage;
  reportDate: string | null;
  author: string;
  /** Items whose claim or event changed (or went) since the report quoted it. */
  changedItems: number;
  createdAt: string;
  updatedAt: string;
}

/** The fields of a report besides its judgments and sections. */
export interface ReportFields {
  title: string;
  handling: string;
  reportDate: string | null;
  author: string;
  bluf: string;
  language: ReportLanguage;
  direction: 'rtl' | 'ltr';
  digits: ReportDigits;
}

/** A whole report. */
export interface Report extends ReportFields {
  id: number;
  judgments: KeyJudgment[];
  sections: ReportSection[];
  createdAt: string;
  updatedAt: string;
}

/** An item as an edit gives it: one kept (by id; `refresh` quotes its claim anew), or a new event or claim. */
export type ReportItemInput = { id: number; translation?: string | null; refresh?: boolean } | { eventId: number; translation?: string | null } | { claimId: number; translation?: string | null };

/** A section as an edit gives it: kept by id, or new; its items in their new order. */
export interface ReportSectionInput {
  id?: number;
  heading: string;
  kind: ReportSectionKind;
  body: string;
  items: ReportItemInput[];
}

/** A judgment as an edit gives it: kept by id, or new. */
export interface KeyJudgmentInput {
  id?: number;
  text: string;
  likelihood: Likelihood | null;
  confidence: Confidence | null;
}

/** What an edit of a report changes: the fields given; sections and judgments, when given, as the whole new list. */
export type ReportChange = Partial<ReportFields> & { sections?: ReportSectionInput[]; judgments?: KeyJudgmentInput[] };

/** A template: the language, direction, digits, handling line and sections a new report starts with. */
export interface ReportTemplate {
  id: number;
  name: string;
  language: ReportLanguage;
  direction: 'rtl' | 'ltr';
  digits: ReportDigits;
  handling: string;
  sections: { heading: string; kind: ReportSectionKind; body: string }[];
  createdAt: string;
  updatedAt: string;
}
