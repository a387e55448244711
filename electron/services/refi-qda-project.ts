/**
 * REFI-QDA project exchange (`.qdpx`, urn:QDA-XML:project:1.0): the library as a project other QDA
 * tools (ATLAS.ti, NVivo, MAXQDA, QualCoder...) open, and such a project brought into Sanad.
 *
 * A `.qdpx` is a zip holding `project.qde` and, under `sources/`, each text source as a UTF-8 file.
 * An article is a TextSource (its title the source's name; outlet, author, URL, date and language
 * as variables), an annotation a PlainTextSelection with one Coding per tag, and its note a Note
 * the selection refers to. Positions count characters, as Unicode code points from 0 before the
 * first one, the way Sanad's own offsets do, so they are written as stored. The codebook is written
 * and read by refi-qda.ts, the same as in a `.qdc`.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { NewArticle, ProjectImportReport, Tag } from '../../db/model';
import type { Repositories, UnitOfWork } from '../../db/repositories';
import { analyseText, type IndexedText } from '../../db/text/analyser';
import { codePointCount, utf16Offset } from '../../db/text/codepoints';
import { cleanProse, excerpt, LimitError, LIMITS } from '../../db/text/fields';
import { codePointLength, normaliseText, quoteSelector } from '../../db/text/text';
import { completeDraft } from './import/prepare';
import { ImportFileError } from './import/errors';
import { applyCodebook, type CodebookCode, codesXml, escapeXml, guidOf, readCodebook } from './refi-qda';

/** A `.qdpx` file that cannot be read at all, with the reason (the parts of a readable one fail one by one instead). */
export class ProjectFileError extends Error {
  override name = 'ProjectFileError';
}

/**
 * A GUID that stays the same for the same thing across exports (a SHA-256 of what names it, laid
 * out as an RFC 9562 version 8 UUID), so two exports of one library name its parts alike.
 */
function stableGuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}

/** An article's metadata as project variables: other tools show them beside each source, and Sanad reads them back. */
const VARIABLES = [
  { field: 'outlet', name: 'Outlet', type: 'Text' },
  { field: 'author', name: 'Author', type: 'Text' },
  { field: 'url', name: 'URL', type: 'Text' },
  { field: 'published', name: 'Published', type: 'Date' },
  { field: 'language', name: 'Language', type: 'Text' },
] as const;

type VariableField = (typeof VARIABLES)[number]['field'];

/** A finished export: the archive and what it holds. */
export interface ProjectExport {
  bytes: Buffer;
  sources: number;
  codes: number;
  codings: number;
  notes: number;
}

/**
 * The library as a REFI-QDA project: every article, the whole codebook, and every annotation
 * whose place is certain (those waiting for review after a text edit stay home, as in the W3C
 * export). Read in one snapshot; the archive is built after it is released.
 */
export async function exportProject(uow: Pick<UnitOfWork, 'read'>, now: string): Promise<ProjectExport> {
  const { tags, articles, annotations } = await uow.read(async (repos) => {
    const summaries = await repos.articles.list();
    const articles = [];
    for (const summary of summaries.toSorted((a, b) => a.id - b.id)) articles.push((await repos.articles.find(summary.id))!);
    return { tags: await repos.codebook.list(), articles, annotations: (await repos.annotations.list()).filter((a) => !a.reviewReason) };
  });
  const tagById = new Map<number, Tag>(tags.map((tag) => [tag.id, tag]));
  const zip = new JSZip();
  const notes: string[] = [];
  let codings = 0;
  let noted = 0;
  const variableGuid = (name: string) => stableGuid('variable', name);
  const sources = articles.map((article) => {
    const guid = stableGuid('source', article.contentHash);
    zip.file(`sources/${guid}.txt`, article.body);
    const selections = annotations
      .filter((a) => a.articleId === article.id)
      .map((annotation) => {
        const selectionGuid = stableGuid('selection', article.contentHash, String(annotation.id), annotation.createdAt);
        const inner: string[] = [];
        for (const tagId of annotation.tagIds) {
          const tag = tagById.get(tagId)!;
          codings++;
          inner.push(
            `        <Coding guid="${stableGuid('coding', selectionGuid, tag.guid)}" creationDateTime="${annotation.createdAt}">`,
            `          <CodeRef targetGUID="${tag.guid}"/>`,
            '        </Coding>',
          );
        }
        if (annotation.note) {
          const noteGuid = stableGuid('note', selectionGuid);
          noted++;
          inner.push(`        <NoteRef targetGUID="${noteGuid}"/>`);
          notes.push(
            `    <Note guid="${noteGuid}" name="${escapeXml(excerpt(annotation.exact, 60))}" creationDateTime="${annotation.updatedAt}">`,
            `      <PlainTextContent>${escapeXml(annotation.note)}</PlainTextContent>`,
            '    </Note>',
          );
        }
        const attributes = `guid="${selectionGuid}" name="${escapeXml(excerpt(annotation.exact, 60))}" startPosition="${annotation.start}" endPosition="${annotation.end}" creationDateTime="${annotation.createdAt}" modifiedDateTime="${annotation.updatedAt}"`;
        return inner.length ? [`      <PlainTextSelection ${attributes}>`, ...inner, '      </PlainTextSelection>'] : [`      <PlainTextSelection ${attributes}/>`];
      });
    const values = VARIABLES.flatMap(({ field, name, type }) => {
      const value = article[field];
      if (!value || (type === 'Date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))) return [];
      const element = type === 'Date' ? 'DateValue' : 'TextValue';
      return [`      <VariableValue><VariableRef targetGUID="${variableGuid(name)}"/><${element}>${escapeXml(value)}</${element}></VariableValue>`];
    });
    return [
      `    <TextSource guid="${guid}" name="${escapeXml(article.title)}" plainTextPath="internal://${guid}.txt" creationDateTime="${article.importedAt}">`,
      ...selections.flat(),
      ...values,
      '    </TextSource>',
    ];
  });
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="Sanad library" origin="Sanad" creationDateTime="${now}">`,
    // The schema wants at least one element in each list, so an empty list is left out whole.
    ...(tags.length ? ['  <CodeBook>', '    <Codes>', ...codesXml(tags, 3), '    </Codes>', '  </CodeBook>'] : []),
    '  <Variables>',
    ...VARIABLES.map(({ name, type }) => `    <Variable guid="${variableGuid(name)}" name="${name}" typeOfVariable="${type}"/>`),
    '  </Variables>',
    ...(sources.length ? ['  <Sources>', ...sources.flat(), '  </Sources>'] : []),
    ...(notes.length ? ['  <Notes>', ...notes, '  </Notes>'] : []),
    '</Project>',
    '',
  ].join('\n');
  zip.file('project.qde', xml);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, sources: articles.length, codes: tags.length, codings, notes: noted };
}

/** An element of project.qde: its local name (namespaces and prefixes aside: tools write them differently), attributes, children and text. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML strictly (a damaged file is refused with where it breaks, never half read). */
function parseXml(file: string, xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes[attribute.local] = attribute.value;
    const element: XmlElement = { name: tag.local, attributes, children: [], text: '' };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('text', (text) => (open.at(-1)!.text += text));
  parser.on('cdata', (text) => (open.at(-1)!.text += text));
  parser.on('closetag', () => open.pop());
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new ProjectFileError(`${file}: project.qde is not well-formed XML (line ${(error as Error).message.replace(/^(\d+):(\d+): /, '$1, column $2: ')})`);
  }
  return root.children[0]!;
}

const child = (element: XmlElement | undefined, name: string) => element?.children.find((c) => c.name === name);
const children = (element: XmlElement | undefined, name: string) => element?.children.filter((c) => c.name === name) ?? [];

/** One selection of a source, placed on the article's text as Sanad stores it. */
interface ProjectSelection {
  label: string;
  start: number;
  end: number;
  codeGuids: string[];
  note: string | null;
  created: string | null;
}

/** One text source, ready to store as an article, with its selections. */
interface ProjectSource {
  article: NewArticle;
  indexed: IndexedText;
  selections: ProjectSelection[];
}

/** A project read from its file, before it touches the store: what imports, and what could not be read. */
export interface ProjectContent {
  codes: CodebookCode[];
  sources: ProjectSource[];
  failed: ProjectImportReport['failed'];
}

/** The most bytes a source's text takes in UTF-8: an article's longest text, at four bytes a character. */
const MAX_TEXT_BYTES = LIMITS.articleBody * 4;

/**
 * An entry's bytes, or null once they pass `max`: decompressing stops there, so a small archive
 * that would unpack to gigabytes (a zip bomb) costs no more than `max` of memory.
 */
function boundedBytes(entry: JSZip.JSZipObject, max: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // JSZip's stream is an old-style one (no async iteration): paused, it unpacks no further.
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      stream.pause();
      stream.removeAllListeners();
      resolve(null);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The entry of the archive a REFI-QDA path names (internal://x is sources/x), if it is there. */
function archived(zip: JSZip, path: string): JSZip.JSZipObject | undefined {
  const inside = /^internal:\/\/(.+)$/i.exec(path)?.[1];
  if (!inside) return undefined;
  const wanted = `sources/${inside}`.toLowerCase();
  return Object.values(zip.files).find((entry) => !entry.dir && entry.name.toLowerCase().replace(/^.*?(?=sources\/)/, '') === wanted);
}

/** A text of the archive decoded as UTF-8, as REFI-QDA writes it; null when it is missing, or a reason when it cannot be read. */
async function archivedText(zip: JSZip, path: string): Promise<string | { error: string }> {
  const entry = archived(zip, path);
  if (!entry) return { error: path.startsWith('internal://') ? `its text ${path} is missing from the archive` : `its text is outside the project (${excerpt(path, 120)}), so it did not come with it` };
  const bytes = await boundedBytes(entry, MAX_TEXT_BYTES);
  if (!bytes) return { error: `its text ${path} unpacks to more than ${MAX_TEXT_BYTES.toLocaleString('en-US')} bytes, more than an article holds` };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: `its text ${path} is not UTF-8, as REFI-QDA writes text` };
  }
}

/** An element's text: its PlainTextContent, or the archive's file its plainTextPath names. */
async function sourceText(zip: JSZip, element: XmlElement): Promise<string | { error: string }> {
  const inline = child(element, 'PlainTextContent');
  if (inline) return inline.text;
  const path = element.attributes.plainTextPath;
  if (path) return archivedText(zip, path);
  return { error: element.attributes.richTextPath ? 'it has only rich text (no plain text), which Sanad cannot place codings in' : 'it holds no text' };
}

/**
 * Reads a `.qdpx` written by Sanad or another tool: its codebook, each text source with its
 * selections, and each part that cannot come across with the reason (a source whose text is
 * missing, a selection outside its text, a source kind Sanad does not hold). Throws
 * {@link ProjectFileError} only when the file as a whole cannot be read.
 */
export async function readProject(file: string, bytes: Uint8Array): Promise<ProjectContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ProjectFileError(`${file} is not a REFI-QDA project: it is not a readable zip archive (${(error as Error).message})`);
  }
  const entry = zip.file(/(^|\/)project\.qde$/i)[0];
  if (!entry) throw new ProjectFileError(`${file} has no project.qde inside, so it is not a REFI-QDA project`);
  const xml = await boundedBytes(entry, LIMITS.fileBytes);
  if (!xml) throw new ProjectFileError(`${file}: project.qde unpacks to more than ${LIMITS.fileBytes / 1024 / 1024} MB, the most Sanad reads`);
  const project = parseXml(file, new TextDecoder('utf-8').decode(xml));
  if (project.name !== 'Project') throw new ProjectFileError(`${file}: project.qde holds <${project.name}>, not a REFI-QDA <Project>`);
  const failed: ProjectImportReport['failed'] = [];
  const codes = child(child(project, 'CodeBook'), 'Codes') ? await readCodebook(file, bytes) : [];

  const noteTexts = new Map<string, string>();
  for (const note of children(child(project, 'Notes'), 'Note')) {
    const text = await sourceText(zip, note);
    if (typeof text === 'string') noteTexts.set(guidOf(note.attributes.guid ?? null), text);
    else failed.push({ item: `note "${excerpt(note.attributes.name ?? note.attributes.guid ?? '')}"`, error: text.error });
  }
  const variables = new Map<string, VariableField>();
  for (const variable of children(child(project, 'Variables'), 'Variable')) {
    const known = VARIABLES.find((v) => v.name.toLowerCase() === variable.attributes.name?.trim().toLowerCase());
    if (known) variables.set(guidOf(variable.attributes.guid ?? null), known.field);
  }

  const sources: ProjectSource[] = [];
  let selectionCount = 0;
  for (const element of child(project, 'Sources')?.children ?? []) {
    const sourceName = element.attributes.name?.trim() || element.attributes.guid || '(unnamed)';
    const item = `source "${excerpt(sourceName, 80)}"`;
    if (element.name !== 'TextSource') {
      failed.push({ item, error: `it is a ${element.name.replace(/Source$/, '').toLowerCase()} source; Sanad imports text sources` });
      continue;
    }
    const raw = await sourceText(zip, element);
    if (typeof raw !== 'string') {
      failed.push({ item, error: raw.error });
      continue;
    }
    const fields: Partial<Record<VariableField, string>> = {};
    for (const value of children(element, 'VariableValue')) {
      const field = variables.get(guidOf(child(value, 'VariableRef')?.attributes.targetGUID ?? null));
      const text = (child(value, 'TextValue') ?? child(value, 'DateValue'))?.text.trim();
      if (field && text) fields[field] = text;
    }
    let prepared;
    try {
      prepared = completeDraft({ label: sourceName, fields: { title: element.attributes.name ?? null, ...fields }, body: raw, sourceFormat: 'qdpx', sourceEncoding: 'UTF-8', warnings: [] });
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      failed.push({ item, error: error.message });
      continue;
    }
    const article = { ...prepared.article, sourceName: basename(file) };
    // Positions count the code points of the text as the tool wrote it; Sanad stores it normalised
    // (no BOM, LF line ends, NFC), so a position moves by what normalising removed before it.
    const length = codePointCount(raw);
    const place = raw === article.body ? (position: number) => position : (position: number) => codePointLength(normaliseText(raw.slice(0, utf16Offset(raw, position))));
    const selections: ProjectSelection[] = [];
    for (const selection of children(element, 'PlainTextSelection')) {
      const start = Number(selection.attributes.startPosition);
      const end = Number(selection.attributes.endPosition);
      const label = `selection ${selection.attributes.startPosition ?? '?'}–${selection.attributes.endPosition ?? '?'} of ${item}`;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start || end > length) {
        failed.push({ item: label, error: `it lies outside the source's text of ${length.toLocaleString('en-US')} characters` });
        continue;
      }
      if (++selectionCount > LIMITS.webAnnotations) throw new LimitError('fileTooMany', { file, field: 'selections', max: LIMITS.webAnnotations }, `${file} holds more than ${LIMITS.webAnnotations} selections`);
      const noteGuids = children(selection, 'NoteRef').map((ref) => guidOf(ref.attributes.targetGUID ?? null));
      const note = cleanProse(noteGuids.flatMap((guid) => (noteTexts.has(guid) ? [noteTexts.get(guid)!] : [])).join('\n\n')) || null;
      if (note && note.length > LIMITS.note) {
        failed.push({ item: label, error: `its note is ${note.length} characters long; a note has at most ${LIMITS.note}` });
        continue;
      }
      const created = selection.attributes.creationDateTime;
      selections.push({
        label,
        start: place(start),
        end: place(end),
        codeGuids: children(selection, 'Coding').map((coding) => guidOf(child(coding, 'CodeRef')?.attributes.targetGUID ?? null)),
        note,
        created: created && !Number.isNaN(Date.parse(created)) ? new Date(created).toISOString() : null,
      });
    }
    const wholeSource = children(element, 'Coding').length;
    if (wholeSource) failed.push({ item, error: `${wholeSource} coding(s) of the whole source were left out: Sanad codes passages` });
    sources.push({ article, indexed: analyseText(article.title, article.body), selections });
  }
  return { codes, sources, failed };
}

/**
 * Stores a project read by {@link readProject}: codes into the codebook (matched by GUID, then
 * name), each source as an article (or onto the article that already has its text), each
 * selection as an annotation with a tag per coding. Run it as one step: the whole import undoes at once.
 */
export async function applyProject(repos: Repositories, content: ProjectContent, now: string): Promise<ProjectImportReport> {
  const placed = new Map<string, number>();
  const report: ProjectImportReport = { articles: 0, existing: 0, codes: await applyCodebook(repos, content.codes, placed), annotations: 0, skipped: 0, failed: [...content.failed] };
  const added: number[] = [];
  for (const source of content.sources) {
    const existing = await repos.articles.findByHash(source.article.contentHash);
    let articleId: number;
    if (existing) {
      articleId = existing.id;
      report.existing++;
    } else {
      articleId = (await repos.articles.insert(source.article, now, source.indexed)).id;
      added.push(articleId);
      report.articles++;
    }
    for (const selection of source.selections) {
      const tagIds: number[] = [];
      for (const guid of selection.codeGuids) {
        const tagId = placed.get(guid) ?? (guid ? (await repos.codebook.findByGuid(guid))?.id : undefined);
        if (tagId === undefined) report.failed.push({ item: selection.label, error: `one of its codings names a code (${guid || 'no GUID'}) that is not in the project's codebook; its other codes came across` });
        else if (!tagIds.includes(tagId)) tagIds.push(tagId);
      }
      const quote = quoteSelector(source.article.body, selection.start, selection.end);
      if (!quote.exact.trim()) {
        report.failed.push({ item: selection.label, error: 'it covers only spaces' });
        continue;
      }
      // A passage already annotated here takes the tags and the note it lacks.
      const annotation = await repos.annotations.findAt(articleId, selection.start, selection.end);
      if (annotation) {
        const newTags = tagIds.filter((t) => !annotation.tagIds.includes(t));
        const change = { ...(newTags.length && { tagIds: [...annotation.tagIds, ...newTags] }), ...(!annotation.note && selection.note && { note: selection.note }) };
        if (Object.keys(change).length) {
          await repos.annotations.change(annotation.id, change, now);
          report.annotations++;
        } else report.skipped++;
        continue;
      }
      await repos.annotations.insert({ articleId, start: selection.start, end: selection.end, ...quote, tagIds, note: selection.note }, selection.created ?? now);
      report.annotations++;
    }
  }
  // Known entities are looked for in the new articles, as in any import.
  await repos.entities.suggestIn(added, now);
  return report;
}
