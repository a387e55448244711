/**
 * REFI-QDA codebook exchange: Sanad's tags as a `.qdc` codebook (urn:QDA-XML:codebook:1.0) and
 * back, and the codebook inside a `.qdpx` project written by another QDA tool (ATLAS.ti, NVivo,
 * MAXQDA...). Codes are matched by GUID, then by name; the hierarchy comes across as it is.
 */
import JSZip from 'jszip';
import { DOMParser } from 'linkedom';
import type { CodebookImportReport, Tag } from '../api/contract';
import type { Store } from '../../db/sqlite/store';
import { findTagByGuid, findTagByName, insertTag, listTags, updateTag } from '../../db/sqlite/tags';

/** A REFI-QDA file that cannot be read, with the reason. */
export class CodebookError extends Error {
  override name = 'CodebookError';
}

const DEFAULT_COLOUR = '#b8c4d6';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The codebook as REFI-QDA `.qdc` XML. */
export function exportCodebook(db: Store): string {
  const tags = listTags(db);
  const children = (parentId: number | null) => tags.filter((t) => t.parentId === parentId);
  const code = (tag: Tag, depth: number): string => {
    const indent = '  '.repeat(depth);
    const inner = [
      ...(tag.description ? [`${indent}  <Description>${escapeXml(tag.description)}</Description>`] : []),
      ...children(tag.id).map((child) => code(child, depth + 1)),
    ];
    const attributes = `guid="${escapeXml(tag.guid)}" name="${escapeXml(tag.name)}" isCodable="true" color="${escapeXml(tag.colour)}"`;
    return inner.length ? `${indent}<Code ${attributes}>\n${inner.join('\n')}\n${indent}</Code>` : `${indent}<Code ${attributes}/>`;
  };
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Sanad">',
    '  <Codes>',
    ...children(null).map((tag) => code(tag, 2)),
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

/** Imports the codebook of a `.qdc` or `.qdpx` file; existing tags (same GUID or name) are updated, not duplicated. */
export async function importCodebook(db: Store, name: string, bytes: Uint8Array): Promise<CodebookImportReport> {
  const xml = await codebookXml(name, bytes);
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const codes = [...document.getElementsByTagName('Codes')][0] ?? [...document.getElementsByTagName('qda:Codes')][0];
  if (!codes) throw new CodebookError(`${name} holds no <Codes>: it is not a REFI-QDA codebook`);
  const report: CodebookImportReport = { added: 0, updated: 0 };
  const visit = (element: Element, parentId: number | null) => {
    const codeName = attribute(element, 'name')?.trim();
    if (!codeName) return;
    const guid = attribute(element, 'guid')?.replace(/[{}]/g, '').toUpperCase() ?? '';
    const colourAttribute = attribute(element, 'color') ?? '';
    const colour = /^#[0-9a-fA-F]{6}$/.test(colourAttribute) ? colourAttribute : null;
    const description = [...element.children].find((c) => c.localName === 'Description')?.textContent?.trim() || null;
    const existing = (guid && findTagByGuid(db, guid)) || findTagByName(db, codeName);
    let tag: Tag;
    if (existing) {
      tag = updateTag(db, existing.id, { name: codeName, parentId, ...(colour && { colour }), ...(description && { description }) });
      report.updated++;
    } else {
      tag = insertTag(db, codeName, colour ?? DEFAULT_COLOUR, { parentId, description, ...(guid && { guid }) });
      report.added++;
    }
    for (const child of childCodes(element)) visit(child, tag.id);
  };
  db.transaction(() => childCodes(codes as Element).forEach((code) => visit(code, null)))();
  return report;
}
