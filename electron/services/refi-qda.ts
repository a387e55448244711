/**
 * REFI-QDA codebook exchange: Sanad's tags as a `.qdc` codebook (urn:QDA-XML:codebook:1.0) and
 * back, and the codebook inside a `.qdpx` project written by another QDA tool (ATLAS.ti, NVivo,
 * MAXQDA...). Codes are matched by GUID, then by name; the hierarchy comes across as it is.
 */
import JSZip from 'jszip';
import { DOMParser } from 'linkedom';
import type { CodebookImportReport, Tag } from '../api/contract';
import type { Repositories } from '../../db/repositories';
import { cleanLine, cleanProse, excerpt, LimitError, LIMITS } from '../../db/text/fields';

/** A REFI-QDA file that cannot be read, with the reason. */
export class CodebookError extends Error {
  override name = 'CodebookError';
}

const DEFAULT_COLOUR = '#b8c4d6';

/**
 * Text as XML character data or an attribute value. Characters XML 1.0 cannot carry at all (C0
 * controls other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF) are left out:
 * no escape writes them, and a parser refuses the whole file for one of them.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The codebook's tags as REFI-QDA <Code> elements, nested as the tree is, indented `depth` levels: the same in a `.qdc` and a `.qdpx`. */
export function codesXml(tags: readonly Tag[], depth: number): string[] {
  const children = (parentId: number | null) => tags.filter((t) => t.parentId === parentId);
  const code = (tag: Tag, level: number): string => {
    const indent = '  '.repeat(level);
    const inner = [
      ...(tag.description ? [`${indent}  <Description>${escapeXml(tag.description)}</Description>`] : []),
      ...children(tag.id).map((child) => code(child, level + 1)),
    ];
    const attributes = `guid="${escapeXml(tag.guid)}" name="${escapeXml(tag.name)}" isCodable="true" color="${escapeXml(tag.colour)}"`;
    return inner.length ? `${indent}<Code ${attributes}>\n${inner.join('\n')}\n${indent}</Code>` : `${indent}<Code ${attributes}/>`;
  };
  return children(null).map((tag) => code(tag, depth));
}

/** The codebook as REFI-QDA `.qdc` XML. */
export async function exportCodebook(repos: Repositories): Promise<string> {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Sanad">',
    '  <Codes>',
    ...codesXml(await repos.codebook.list(), 2),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}

/** The XML of a `.qdc` file, or the `project.qde` inside a `.qdpx` archive. */
async function codebookXml(name: string, bytes: Uint8Array): Promise<string> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (error) {
      throw new CodebookError(`${name} is not a readable .qdpx archive: ${(error as Error).message}`);
    }
    const project = zip.file(/(^|\/)project\.qde$/i)[0];
    if (!project) throw new CodebookError(`${name} has no project.qde inside, so it is not a REFI-QDA project`);
    return project.async('string');
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** An attribute's value with XML entities decoded (linkedom's XML parser leaves them in attributes). */
function attribute(element: Element, name: string): string | null {
  const raw = element.getAttribute(name);
  if (raw === null) return null;
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[entity]!;
  });
}

/** The direct <Code> children of an element (namespaces ignored, as tools write them differently). */
function childCodes(element: Element): Element[] {
  return [...element.children].filter((child) => child.localName === 'Code' || child.tagName.split(':').pop() === 'Code');
}

/** A code's GUID as Sanad keeps it (upper case, no braces); anything that is not one is left out, so the code is matched by its name. */
export function guidOf(value: string | null): string {
  const guid = value?.replace(/[{}]/g, '').trim().toUpperCase() ?? '';
  return /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/.test(guid) ? guid : '';
}

/** One code as a codebook file gives it, with its sub-codes. */
export interface CodebookCode {
  name: string;
  guid: string;
  colour: string | null;
  description: string | null;
  children: CodebookCode[];
}

/**
 * Reads the codes of a `.qdc` or `.qdpx` file (no store involved), or says why it cannot.
 *
 * A code's name and description take the rules a typed tag's do (db/text/fields.ts): cleaned the
 * same way (a name loses bidi controls and line breaks), and refused over the same limits. Here a
 * long name is refused rather than cut: a cut name could merge the code into another tag of that
 * name, and a codebook is a tree that is imported whole or not at all. The message names the code.
 */
export async function readCodebook(name: string, bytes: Uint8Array): Promise<CodebookCode[]> {
  const xml = await codebookXml(name, bytes);
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const codes = [...document.getElementsByTagName('Codes')][0] ?? [...document.getElementsByTagName('qda:Codes')][0];
  if (!codes) throw new CodebookError(`${name} holds no <Codes>: it is not a REFI-QDA codebook`);
  let count = 0;
  const tooLong = (code: string, field: 'name' | 'description', length: number, max: number) =>
    new LimitError('codeTooLong', { file: name, code: excerpt(code), field, length, max }, `${name}: the ${field} of code "${excerpt(code)}" is ${length} characters long; at most ${max}`);
  const read = (element: Element, depth: number): CodebookCode[] => {
    const codeName = cleanLine(attribute(element, 'name') ?? '');
    if (!codeName) return [];
    if (codeName.length > LIMITS.tagName) throw tooLong(codeName, 'name', codeName.length, LIMITS.tagName);
    if (++count > LIMITS.codes) throw new LimitError('fileTooMany', { file: name, field: 'codes', max: LIMITS.codes }, `${name} holds more than ${LIMITS.codes} codes`);
    if (depth > LIMITS.codeDepth) throw new LimitError('fileTooDeep', { file: name, max: LIMITS.codeDepth }, `${name} nests codes more than ${LIMITS.codeDepth} levels deep`);
    const description = cleanProse([...element.children].find((c) => c.localName === 'Description')?.textContent ?? '') || null;
    if (description && description.length > LIMITS.tagDescription) throw tooLong(codeName, 'description', description.length, LIMITS.tagDescription);
    const colour = attribute(element, 'color') ?? '';
    return [
      {
        name: codeName,
        guid: guidOf(attribute(element, 'guid')),
        colour: /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : null,
        description,
        children: childCodes(element).flatMap((child) => read(child, depth + 1)),
      },
    ];
  };
  return childCodes(codes as Element).flatMap((code) => read(code, 1));
}

/**
 * Brings codes into the codebook; existing tags (same GUID or name) are updated, not duplicated.
 * `placed`, when given, learns which tag each code's GUID became (a project's codings name codes by GUID).
 */
export async function applyCodebook(repos: Repositories, codes: CodebookCode[], placed?: Map<string, number>): Promise<CodebookImportReport> {
  const report: CodebookImportReport = { added: 0, updated: 0 };
  // The tags on the way down to the code being read: a code nested inside itself (the same guid or
  // name in its own subtree) is not placed under itself again, which would make a cycle.
  const path = new Set<number>();
  const visit = async (code: CodebookCode, parentId: number | null) => {
    const existing = (code.guid && (await repos.codebook.findByGuid(code.guid))) || (await repos.codebook.findByName(code.name));
    if (existing && path.has(existing.id)) return;
    let tag: Tag;
    if (existing) {
      tag = await repos.codebook.update(existing.id, { name: code.name, parentId, ...(code.colour && { colour: code.colour }), ...(code.description && { description: code.description }) });
      report.updated++;
    } else {
      tag = await repos.codebook.insert(code.name, code.colour ?? DEFAULT_COLOUR, { parentId, description: code.description, ...(code.guid && { guid: code.guid }) });
      report.added++;
    }
    if (code.guid) placed?.set(code.guid, tag.id);
    path.add(tag.id);
    for (const child of code.children) await visit(child, tag.id);
    path.delete(tag.id);
  };
  for (const code of codes) await visit(code, null);
  return report;
}
