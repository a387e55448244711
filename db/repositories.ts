/**
 * The store's boundary: one repository per domain, with async signatures, and a unit of work
 * that runs a call's reads and writes in one transaction. The API's handlers and services reach
 * the store only through these. db/sqlite/ implements them over one SQLite file; a team server
 * on PostgreSQL will be a second implementation of the same interfaces, run by the same tests
 * (see the README's layout section).
 */
import type {
  GridName,
  GridView,
  GridViewState,
  Annotation,
  AnnotationChange,
  Claim,
  ClaimChange,
  ClaimRelation,
  EventDetail,
  EventFields,
  EventSummary,
  EventTimeline,
  TimelineFilter,
  NewClaim,
  SourceChange,
  SourceGraph,
  SourceRole,
  AnnotationGroups,
  AnnotationScope,
  AnnotationRow,
  Article,
  ArticleEdit,
  ArticleSummary,
  DeletedTagAnnotations,
  EntityKind,
  EntitySummary,
  HistoryEntry,
  InsertedArticle,
  Job,
  JobKind,
  MentionRow,
  NewAnnotation,
  NewArticle,
  OutletCount,
  Page,
  PageRequest,
  ReanchorReport,
  SearchFilters,
  SearchResult,
  SourceDetails,
  SourceDetailsReport,
  StepContext,
  StepLabel,
  Tag,
  TagDetails,
  VariantGroup,
  Report,
  ReportChange,
  ReportFields,
  ReportSummary,
  ReportTemplate,
} from './model';
import type { EventEvidence } from './corroboration';
import type { IndexedText } from './text/analyser';

/** Articles: metadata, text, and the library's pages. */
export interface ArticleRepository {
  /** Every article, newest import first (small libraries and scripts; grids use {@link query}). */
  list(): Promise<ArticleSummary[]>;
  find(id: number): Promise<Article | undefined>;
  findByHash(contentHash: string): Promise<{ id: number; title: string } | undefined>;
  /** The first article with this URL (how W3C annotations name their article). */
  findByUrl(url: string): Promise<number | undefined>;
  /** A page of the library; `lackingCitation` keeps only articles without an outlet or a date. */
  query(request: PageRequest & { lackingCitation?: boolean }): Promise<Page<ArticleSummary>>;
  outlets(): Promise<OutletCount[]>;
  /** Stores a new article, indexes it and flags a near-duplicate; `indexed` may come from an import worker. */
  insert(article: NewArticle, importedAt: string, indexed?: IndexedText): Promise<InsertedArticle>;
  update(id: number, edit: ArticleEdit): Promise<boolean>;
  /** Gives these articles the details given, each only to those without it unless `overwrite`. */
  fillSourceDetails(ids: readonly number[], details: SourceDetails, overwrite: boolean): Promise<SourceDetailsReport>;
  /** Replaces the text and re-anchors everything anchored in it; false if there is no such article. */
  replaceText(id: number, body: string, now: string): Promise<ReanchorReport | false>;
}

/** Arabic-aware search and the analyst's spelling variants. */
export interface SearchRepository {
  search(query: string, filters: SearchFilters, limit: number): Promise<SearchResult>;
  findInText(body: string, query: string): Promise<{ start: number; end: number }[]>;
  listVariants(): Promise<VariantGroup[]>;
  addVariants(terms: readonly string[]): Promise<VariantGroup>;
  deleteVariants(groupId: number): Promise<boolean>;
}

/** The codebook: a tree of tags. */
export interface CodebookRepository {
  list(): Promise<Tag[]>;
  find(id: number): Promise<Tag | undefined>;
  findByName(name: string): Promise<Tag | undefined>;
  findByGuid(guid: string): Promise<Tag | undefined>;
  insert(name: string, colour: string, details?: TagDetails): Promise<Tag>;
  update(id: number, change: Partial<Pick<Tag, 'name' | 'colour' | 'parentId' | 'description' | 'shortcut'>>): Promise<Tag>;
  /** Moves a tag's passages and children to another, then removes it. */
  merge(sourceId: number, targetId: number): Promise<Tag>;
  delete(id: number, annotations: DeletedTagAnnotations): Promise<void>;
  /** How many passages carry the tag. */
  usage(id: number): Promise<number>;
  /** Whether `parentId` lies inside tag `id` (moving would make a cycle). */
  wouldCycle(id: number, parentId: number | null): Promise<boolean>;
}

/** Annotations: tagged, anchored passages. */
export interface AnnotationRepository {
  list(articleId?: number): Promise<AnnotationRow[]>;
  query(request: PageRequest & AnnotationScope): Promise<Page<AnnotationRow>>;
  /** Passages counted per tag or per article, under a quick filter. */
  groups(by: 'tag' | 'article', quickFilter?: string): Promise<AnnotationGroups>;
  find(id: number): Promise<Annotation | undefined>;
  /** The annotation on exactly this passage, if there is one. */
  findAt(articleId: number, start: number, end: number): Promise<Annotation | undefined>;
  insert(annotation: NewAnnotation, now: string): Promise<Annotation>;
  change(id: number, change: AnnotationChange, now: string): Promise<Annotation | undefined>;
  delete(id: number): Promise<boolean>;
}

/** Entities, their aliases and their mentions. */
export interface EntityRepository {
  list(): Promise<EntitySummary[]>;
  find(id: number): Promise<EntitySummary | undefined>;
  findByName(kind: EntityKind, name: string): Promise<{ id: number } | undefined>;
  insert(kind: EntityKind, name: string, now: string): Promise<number>;
  /** Adds an alias; false if the entity already has one that reads the same. */
  addAlias(entityId: number, alias: string): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  findMention(id: number): Promise<MentionRow | undefined>;
  mentions(filter: { entityId?: number; articleId?: number; status?: MentionRow['status'] }): Promise<MentionRow[]>;
  /** Records a mention the analyst marked (accepted at once); returns its id. */
  insertAcceptedMention(entityId: number, articleId: number, start: number, end: number, body: string, now: string): Promise<number>;
  /** Puts a mention waiting for review on a new place of its article's text. */
  placeMention(id: number, start: number, end: number, body: string): Promise<boolean>;
  deleteMention(id: number): Promise<boolean>;
  /** Accepts or rejects mentions; returns how many changed. */
  review(ids: number[], status: 'accepted' | 'rejected'): Promise<number>;
  /** Suggests every entity's aliases in these articles; returns how many suggestions were added. */
  suggestIn(articleIds: number[], now: string): Promise<number>;
}

/** The undo history. */
export interface HistoryRepository {
  list(limit: number): Promise<HistoryEntry[]>;
  /** Undoes `client`'s latest step (refusing, with the reason, if something changed it since). */
  undo(client: string): Promise<HistoryEntry | undefined>;
  redo(client: string): Promise<HistoryEntry | undefined>;
}

/** Background jobs as people see them (the runner has its own access). */
export interface JobRepository {
  list(limit: number): Promise<Job[]>;
  active(kind: JobKind): Promise<Job | undefined>;
}

/**
 * Runs long work as background jobs, in short chunks that each commit with their progress (see
 * db/sqlite/job-runner.ts), so the store keeps answering other calls meanwhile.
 */
export interface JobRunner {
  /** Scans the library for an entity's aliases; resolves with the finished (or cancelled) job. */
  scanAliases(entityId: number, label: string, actor: string): Promise<Job>;
  /** Asks a job to stop after its current chunk; false if it had already finished. */
  cancel(id: number): boolean;
  /** Starts re-indexing if the index was built by another analyser version (and none is under way). */
  ensureIndexCurrent(): void;
  /** Follows long work that runs elsewhere (an import waiting on its preparation threads, an export) as a job people can see and cancel. */
  follow(kind: 'import' | 'export' | 'backup' | 'report', label: string, total: number, actor: string): FollowedJob;
}

/** What a library file holds, as its check counts it: its schema version and the rows of each table (FTS index tables included). */
export interface LibraryFileFacts {
  schemaVersion: number;
  rows: Record<string, number>;
}

/** How a copy of the library is made: its progress, and the job that follows it (recorded as done in the copy itself). */
export interface SnapshotOptions {
  /** Hears how far the copy got (`done` of `total` units); throwing from it stops the copy. */
  onProgress?(done: number, total: number): void;
  /** The job following this copy: the copy records it as done at `now`, not as still running. */
  job?: { id: number; now: string };
}

/**
 * The library as one file: a consistent copy taken while it stays in use, and the check a file
 * must pass before it may become a library (SQLite's: db/sqlite/backup.ts). A restore names
 * files, so an implementation that is not a file (a team server) gives none of this.
 */
export interface LibraryFiles {
  /** Copies the whole library, as it is at one moment, to the new file `dest`. */
  snapshot(dest: string, options?: SnapshotOptions): Promise<LibraryFileFacts>;
  /** Checks, without changing it, that `path` is a sound library this version can open; throws LibraryFileError naming what is wrong. */
  verify(path: string): Promise<LibraryFileFacts>;
}

/** A job whose work runs outside the runner: the work reports its progress and asks whether to stop. */
export interface FollowedJob {
  id: number;
  /** Records how far the work got (and, when it only becomes known on the way, of how much); call it in the transaction that stored that much. */
  progress(done: number, total?: number): void;
  /** Whether someone asked the job to stop. */
  cancelRequested(): boolean;
  finish(state: 'done' | 'cancelled' | 'failed', outcome?: { result?: Record<string, unknown>; error?: string }): void;
}

/** Every repository, as one unit of work hands them to a call. */
/** Sources: entities with a role and a reliability. */
export interface SourceRepository {
  /** The entity called `name`, preferring one that is already a source. */
  findByName(name: string): Promise<{ id: number; role: SourceRole | null } | undefined>;
  /** Makes a new source; an unnamed one names who reports it. */
  insert(name: string, role: SourceRole | null, reportedBy: number | null, now: string): Promise<number>;
  update(id: number, change: SourceChange): Promise<void>;
  /** How many claims cite the entity (in a chain, as origin or as outlet). */
  citations(id: number): Promise<number>;
  /** Who cites whom, in the whole library or in one event's claims. */
  graph(eventId?: number): Promise<SourceGraph>;
  /** Merges one entity into another the analyst says is the same source (claims, events, mentions, aliases move); returns how many claims changed. */
  merge(sourceId: number, targetId: number, now: string): Promise<number>;
  /** The source role of each of these entities (null where it is none). */
  roles(ids: readonly number[]): Promise<Map<number, SourceRole | null>>;
}

/** Claims, their chains, figures and links to events. */
export interface ClaimRepository {
  find(id: number): Promise<Claim | undefined>;
  /** One block of the claims grid: filtered, sorted and quick-filtered by the store; narrowed to an article, event or source. */
  query(request: PageRequest & { articleId?: number; eventId?: number; sourceId?: number }): Promise<Page<Claim>>;
  /** Claims in creation order: all, or those of one article or linked to one event. */
  list(filter: { articleId?: number; eventId?: number }): Promise<Claim[]>;
  insert(claim: NewClaim, now: string): Promise<Claim>;
  change(id: number, change: ClaimChange, now: string): Promise<Claim | undefined>;
  delete(id: number): Promise<boolean>;
  /** Links a claim to an event, or changes the relation; false when it was already so. */
  link(claimId: number, eventId: number, relation: ClaimRelation): Promise<boolean>;
  unlink(claimId: number, eventId: number): Promise<boolean>;
  /** The evidence of each event the claim is linked to, for a suggested credibility. */
  evidence(claimId: number): Promise<EventEvidence[]>;
}

/** Events, with how many independent sources they stand on and whether they are contested. */
export interface EventRepository {
  list(): Promise<EventSummary[]>;
  find(id: number): Promise<EventDetail | undefined>;
  insert(fields: EventFields, now: string): Promise<number>;
  change(id: number, fields: EventFields, now: string): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  /** The events a filter keeps, earliest first, each with every claim's reported date and who reports it; and what each filter can choose from. */
  timeline(filter: TimelineFilter): Promise<EventTimeline>;
}

/** Named views of the grids. */
export interface GridViewRepository {
  list(grid: GridName): Promise<GridView[]>;
  find(id: number): Promise<GridView | undefined>;
  /** Saves a view under its name (replacing the grid's view of that name); returns its id. */
  save(grid: GridName, name: string, state: GridViewState, now: string): Promise<number>;
  delete(id: number): Promise<boolean>;
}

/** Briefing reports and their templates. */
export interface ReportRepository {
  /** Every report, most recently changed first. */
  list(): Promise<ReportSummary[]>;
  /** A whole report, each item marked when its claim or event changed since the report quoted it. */
  find(id: number): Promise<Report | undefined>;
  insert(fields: ReportFields, now: string): Promise<number>;
  /** Changes the fields given; sections and judgments, when given, become exactly the lists given (new items quote their claim or event as it is now). */
  change(id: number, change: ReportChange, now: string): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  /** A copy under a new title, quoting what the original quoted; returns its id. */
  duplicate(id: number, title: string, now: string): Promise<number | undefined>;
  /** These events in timeline order (earliest first, undated last); ids of no event are left out. */
  eventsInTimelineOrder(ids: readonly number[]): Promise<number[]>;
  /** An event's claims in the order a report quotes them (by reported date). */
  eventClaimIds(eventId: number): Promise<number[]>;
  listTemplates(): Promise<ReportTemplate[]>;
  findTemplate(id: number): Promise<ReportTemplate | undefined>;
  /** Saves a template under its name (replacing one of that name); returns its id. */
  saveTemplate(template: Omit<ReportTemplate, 'id' | 'createdAt' | 'updatedAt'>, now: string): Promise<number>;
  deleteTemplate(id: number): Promise<boolean>;
}

export interface Repositories {
  articles: ArticleRepository;
  search: SearchRepository;
  codebook: CodebookRepository;
  annotations: AnnotationRepository;
  entities: EntityRepository;
  history: HistoryRepository;
  jobs: JobRepository;
  sources: SourceRepository;
  claims: ClaimRepository;
  events: EventRepository;
  views: GridViewRepository;
  reports: ReportRepository;
}

/**
 * One transaction per call. `read` sees one consistent snapshot; `write` changes the store,
 * all or nothing; `step` is a write a person can undo, recorded as one history step.
 * `work` must await only the repositories (no files, no network, no timers): the transaction
 * stays open while it runs.
 */
export interface UnitOfWork {
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  write<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  step<T>(context: StepContext, label: StepLabel | ((result: NoInfer<T>) => StepLabel), work: (repos: Repositories) => Promise<T>): Promise<T>;
}
