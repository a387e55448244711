/**
 * A briefing as a Word document (the `docx` library): paragraphs of a right-to-left report are
 * bidirectional, Arabic runs are marked right-to-left with a complex-script font (Noto Naskh
 * Arabic) beside the Latin one, and quotes are written verbatim, in their own direction.
 */
import { AlignmentType, Document, ExternalHyperlink, Footer, Header, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Briefing, BriefingClaim, BriefingEvent } from './briefing';
import { chainArrow } from './briefing';

const FONT = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', cs: 'Noto Naskh Arabic' };
/** An Arabic stretch: from an Arabic letter on, up to the next Latin letter (the digits, spaces and punctuation between go with it). */
const ARABIC_STRETCH = /(\p{Script=Arabic}[^\p{Script=Latin}]*)/u;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  colour?: string;
  size?: number;
}

/** Text as runs: Arabic stretches right-to-left (Word then shapes them with the complex-script font), the rest left-to-right. Fonts, size and language come from the document's defaults. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  const size = style.size && { size: style.size, sizeComplexScript: style.size + 3 };
  return text
    .split(ARABIC_STRETCH)
    .filter(Boolean)
    .map(
      (part) =>
        new TextRun({
          text: part,
          ...(ARABIC_STRETCH.test(part) && { rightToLeft: true }),
          ...(style.bold && { bold: true, boldComplexScript: true }),
          ...(style.italics && { italics: true, italicsComplexScript: true }),
          ...(style.colour && { color: style.colour }),
          ...size,
        }),
    );
}

/** A paragraph in a direction (bidirectional when right-to-left). */
function paragraph(dir: 'rtl' | 'ltr', children: (TextRun | ExternalHyperlink)[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}): Paragraph {
  return new Paragraph({ bidirectional: dir === 'rtl', spacing: { after: 120 }, ...extra, children });
}

/**
 * A separator between names or parts of a line, held to the paragraph's direction by a mark on
 * each side (LRM or RLM): without them, Word joins two Arabic names around an arrow into one
 * right-to-left stretch in an English line, and the chain reads backwards.
 */
function separator(text: string, dir: 'rtl' | 'ltr'): string {
  const mark = dir === 'rtl' ? '\u200F' : '\u200E';
  return `${mark}${text}${mark}`;
}

function claimParagraphs(claim: BriefingClaim, b: Briefing): Paragraph[] {
  const { labels } = b;
  const dot = separator(' · ', b.dir);
  const shading = { type: ShadingType.CLEAR, fill: 'F4F4F4', color: 'auto' };
  const meta = [
    claim.chain.length ? `${labels.chain}: ${claim.chain.join(separator(chainArrow(b.dir), b.dir))}` : '',
    `${labels.grade}: ${claim.grade}`,
    claim.reportedDate ? `${labels.reportedDate}: ${claim.reportedDate}` : '',
    claim.independentSources ?? '',
    claim.contested ? labels.contested : '',
    claim.stance ?? '',
  ].filter(Boolean);
  return [
    paragraph(claim.quoteDir, [...runs(`«${claim.quote}»`, { size: 22 }), ...runs(` ${claim.citation}`, { size: 16 })], { shading, indent: { start: 240 }, spacing: { before: 160, after: 60 } }),
    ...(claim.translation ? [paragraph(b.dir, runs(`${labels.translation}: ${claim.translation}`, { italics: true }), { indent: { start: 240 } })] : []),
    ...(claim.statement ? [paragraph(b.dir, runs(claim.statement), { indent: { start: 240 } })] : []),
    paragraph(b.dir, runs(meta.join(dot), { colour: '444444', size: 18 }), { indent: { start: 240 } }),
    ...(claim.notice ? [paragraph(b.dir, runs(`† ${claim.notice}`, { colour: '9A5B00', size: 18 }), { indent: { start: 240 } })] : []),
  ];
}

function eventBlocks(event: BriefingEvent, b: Briefing): (Paragraph | Table)[] {
  const { labels } = b;
  const table = event.disagreements.length
    ? [
        new Table({
          visuallyRightToLeft: b.dir === 'rtl',
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: event.disagreements.map(
            (d) =>
              new TableRow({
                children: [
                  new TableCell({ children: [paragraph(b.dir, runs(d.label, { bold: true, size: 18 }))] }),
                  ...d.sides.map((side) => new TableCell({ children: [paragraph(b.dir, runs(`${side.value} ${side.citations}`.trim(), { size: 18 }))] })),
                ],
              }),
          ),
        }),
      ]
    : [];
  return [
    ...(event.title ? [paragraph(b.dir, runs(event.title), { heading: HeadingLevel.HEADING_3 })] : []),
    paragraph(b.dir, runs(event.facts.join(' · '), { colour: '555555', size: 18 })),
    paragraph(b.dir, [...runs(event.independentSources, { size: 18 }), ...(event.contested ? runs(` · ${labels.contested}`, { bold: true, colour: '9A1C1C', size: 18 }) : [])]),
    ...table,
    ...(event.notice ? [paragraph(b.dir, runs(`† ${event.notice}`, { colour: '9A5B00', size: 18 }))] : []),
  ];
}

/** Typed text as paragraphs. */
const textParagraphs = (text: string, dir: 'rtl' | 'ltr') =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => paragraph(dir, runs(p)));

/** The briefing as a .docx file. */
export async function briefingDocx(b: Briefing): Promise<Buffer> {
  const { labels, dir } = b;
  const heading = (text: string) => paragraph(dir, runs(text), { heading: HeadingLevel.HEADING_1 });
  const comma = separator(b.language === 'ar' ? '، ' : ', ', dir);
  const handling = () => (b.handling ? [paragraph(dir, runs(b.handling, { bold: true, colour: '9A1C1C', size: 16 }), { alignment: AlignmentType.CENTER })] : []);
  const children: (Paragraph | Table)[] = [
    paragraph(dir, runs(b.title), { heading: HeadingLevel.TITLE }),
    ...([b.date && `${labels.date}: ${b.date}`, b.author && `${labels.author}: ${b.author}`].filter(Boolean).length
      ? [paragraph(dir, runs([b.date && `${labels.date}: ${b.date}`, b.author && `${labels.author}: ${b.author}`].filter(Boolean).join(' · '), { colour: '555555' }))]
      : []),
    ...(b.bluf ? [heading(labels.bluf), ...textParagraphs(b.bluf, dir)] : []),
    ...(b.judgments.length
      ? [
          heading(labels.keyJudgments),
          ...b.judgments.flatMap((j, i) => [
            paragraph(dir, runs(`${i + 1}. ${j.text}`)),
            ...([j.likelihood && `${labels.likelihood}: ${j.likelihood}`, j.confidence && `${labels.confidence}: ${j.confidence}`].filter(Boolean).length
              ? [paragraph(dir, runs([j.likelihood && `${labels.likelihood}: ${j.likelihood}`, j.confidence && `${labels.confidence}: ${j.confidence}`].filter(Boolean).join(' · '), { bold: true, colour: '2D4E7E' }))]
              : []),
            ...(j.mixed ? [paragraph(dir, runs(labels.mixed, { colour: '9A5B00' }))] : []),
          ]),
        ]
      : []),
    ...b.sections.flatMap((s) => [
      ...(s.heading ? [heading(s.heading)] : []),
      ...textParagraphs(s.body, dir),
      ...s.items.flatMap((item) => (item.kind === 'claim' ? claimParagraphs(item, b) : eventBlocks(item, b))),
    ]),
    ...(b.citations.length
      ? [
          heading(labels.citations),
          ...b.citations.map((c) =>
            paragraph(dir, [
              ...runs(`[${c.number}] ${[c.outlet, `«${c.title}»`, c.date].filter(Boolean).join(comma)}${c.url ? comma : ''}`, { size: 18 }),
              ...(c.url
                ? [/^https?:\/\//i.test(c.url) ? new ExternalHyperlink({ link: c.url, children: runs(c.url, { size: 18, colour: '2D4E7E' }) }) : runs(c.url, { size: 18 })].flat()
                : []),
            ]),
          ),
        ]
      : []),
    ...(b.sources.length ? [heading(labels.sources), ...b.sources.map((s) => paragraph(dir, runs(`${s.name}${separator(': ', dir)}${s.reliability}`, { size: 18 })))] : []),
  ];
  const document = new Document({
    creator: 'Sanad',
    title: b.title,
    styles: { default: { document: { run: { font: FONT, size: 21, sizeComplexScript: 24, language: { value: b.language === 'ar' ? 'ar-SA' : 'en-GB', bidirectional: 'ar-SA' } } } } },
    sections: [{ headers: { default: new Header({ children: handling() }) }, footers: { default: new Footer({ children: handling() }) }, children }],
  });
  return Packer.toBuffer(document);
}
