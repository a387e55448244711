/**
 * A briefing as PDF, typeset by Typst (the npm registry's prebuilt compiler, the same in the
 * desktop app, browser mode and the CLI, needing no browser) with fonts that ship with Sanad.
 *
 * The briefing goes to Typst as data (JSON in `sys.inputs`), never as markup: the template below
 * is fixed, and text from articles reaches the page as strings, so `#let`, `*`, `$`, `]` or `\` in
 * a quote are printed, not obeyed.
 *
 * The Arabic font is Vazirmatn, not Noto Naskh Arabic: Noto Naskh draws a letter's dots as marks
 * placed apart from it, and text extractors (poppler's pdftotext) then read each such letter twice
 * ("تت ققريير" for "تقرير"); Vazirmatn's letters are whole, and the PDF's text reads back in order.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { Briefing } from './briefing';

const requireHere = createRequire(__filename);

/** The TTF files Typst may use: Noto Sans for Latin text, Vazirmatn for Arabic (regular and bold of each). */
function fontPaths(): string[] {
  const notoSans = dirname(requireHere.resolve('@expo-google-fonts/noto-sans/package.json'));
  const vazirmatn = dirname(requireHere.resolve('vazirmatn/package.json'));
  return [
    join(notoSans, '400Regular/NotoSans_400Regular.ttf'),
    join(notoSans, '700Bold/NotoSans_700Bold.ttf'),
    join(notoSans, '400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
    join(vazirmatn, 'fonts/ttf/Vazirmatn-Regular.ttf'),
    join(vazirmatn, 'fonts/ttf/Vazirmatn-Bold.ttf'),
  ];
}

/** The page: every part of the briefing laid out from `sys.inputs.briefing`. */
const TEMPLATE = String.raw`
#let b = json(bytes(sys.inputs.briefing))
#let l = b.labels
#let report-dir = if b.dir == "rtl" { rtl } else { ltr }
#let dir-of(d) = if d == "rtl" { rtl } else { ltr }
#let arrow = if b.dir == "rtl" { " ← " } else { " → " }
#let dot = " · "
// A text's own direction: that of its first letter (an Arabic title in an English report reads right to left).
#let dir-of-text(s) = { let m = s.match(regex("\\p{L}")); if m != none and m.text.match(regex("\\p{Arabic}")) != none { rtl } else { ltr } }
#let in-own-dir(s) = { set text(dir: dir-of-text(s)); par(s) }
#set document(title: b.title)
#set text(font: if b.dir == "rtl" { ("Vazirmatn", "Noto Sans") } else { ("Noto Sans", "Vazirmatn") }, size: 10pt, lang: b.language, dir: report-dir)
#set par(leading: 0.75em, spacing: 0.9em)
#let handling = if b.handling != "" { align(center, text(size: 8pt, weight: "bold", fill: rgb("#9a1c1c"), b.handling)) }
#set page(paper: "a4", margin: (x: 2cm, top: 2.2cm, bottom: 2.2cm),
  header: handling,
  footer: context { handling; align(center, text(size: 8pt, counter(page).display(if b.digits == "arab" { "١" } else { "1" }))) })
#let heading-dir(it) = if it.body.has("text") { dir-of-text(it.body.text) } else { report-dir }
#show heading.where(level: 1): it => block(above: 1.4em, below: 0.6em, stroke: (bottom: 0.5pt + luma(180)), inset: (bottom: 3pt), width: 100%, { set text(dir: heading-dir(it)); text(size: 13pt, weight: "bold", it.body) })
#show heading.where(level: 2): it => block(above: 1em, below: 0.4em, { set text(dir: heading-dir(it)); text(size: 11pt, weight: "bold", it.body) })
#let muted(s) = text(size: 8.5pt, fill: luma(70), s)
#let paragraphs(s) = for p in s.split("\n\n") { if p.trim() != "" { in-own-dir(p) } }
// A name kept whole, in its own direction, inside a line of the other direction.
#let name(s) = box(text(dir: dir-of-text(s), s))

#text(size: 17pt, weight: "bold", b.title)
#if b.date != none or b.author != "" {
  par(muted(((if b.date != none { l.date + ": " + b.date },) + (if b.author != "" { l.author + ": " + b.author },)).filter(x => x != none).join(dot)))
}
#if b.bluf != "" {
  heading(level: 1, l.bluf)
  block(fill: rgb("#f3f5f8"), inset: 8pt, width: 100%, paragraphs(b.bluf))
}
#if b.judgments.len() > 0 {
  heading(level: 1, l.keyJudgments)
  for (i, j) in b.judgments.enumerate() {
    block(below: 0.8em, {
      par([#(i + 1). #j.text])
      let terms = ((if j.likelihood != none { l.likelihood + ": " + j.likelihood },) + (if j.confidence != none { l.confidence + ": " + j.confidence },)).filter(x => x != none)
      if terms.len() > 0 { text(weight: "bold", fill: rgb("#2d4e7e"), size: 9pt, terms.join(dot)) }
      if j.mixed { linebreak(); text(fill: rgb("#9a5b00"), size: 9pt, l.mixed) }
    })
  }
}
#for s in b.sections {
  if s.heading != "" { heading(level: 1, s.heading) }
  paragraphs(s.body)
  for item in s.items {
    if item.kind == "event" {
      if item.title != none { heading(level: 2, item.title) }
      par(muted(item.facts.join(dot)))
      par(muted({ item.independentSources; if item.contested { dot; text(weight: "bold", fill: rgb("#9a1c1c"), l.contested) } }))
      if item.disagreements.len() > 0 {
        let width = calc.max(..item.disagreements.map(d => d.sides.len()))
        table(columns: width + 1, stroke: 0.4pt + luma(170), inset: 4pt,
          ..item.disagreements.map(d => (text(size: 8.5pt, weight: "bold", d.label),) + d.sides.map(side => text(size: 8.5pt, { name(side.value); " "; side.citations })) + range(width - d.sides.len()).map(_ => [])).flatten())
      }
      if item.notice != none { par(text(size: 8.5pt, fill: rgb("#9a5b00"), "† " + item.notice)) }
    } else {
      block(fill: luma(246), inset: 7pt, width: 100%, above: 0.9em, below: 0.4em, {
        set text(dir: dir-of(item.quoteDir))
        par({ "«" + item.quote + "» "; text(size: 7.5pt, item.citation) })
      })
      if item.translation != none { block({ set text(dir: dir-of-text(item.translation), style: "italic"); par(l.translation + ": " + item.translation) }) }
      if item.statement != none { in-own-dir(item.statement) }
      let meta = ()
      if item.chain.len() > 0 { meta.push({ l.chain + ": "; item.chain.map(name).join(arrow) }) }
      meta.push({ l.grade + ": "; text(weight: "bold", item.grade) })
      if item.reportedDate != none { meta.push(l.reportedDate + ": " + item.reportedDate) }
      if item.independentSources != none { meta.push(item.independentSources) }
      if item.contested { meta.push(text(weight: "bold", fill: rgb("#9a1c1c"), l.contested)) }
      if item.stance != none { meta.push(item.stance) }
      par(muted(meta.join(dot)))
      if item.notice != none { par(text(size: 8.5pt, fill: rgb("#9a5b00"), "† " + item.notice)) }
    }
  }
}
#let comma = if b.language == "ar" { "، " } else { ", " }
#if b.citations.len() > 0 {
  heading(level: 1, l.citations)
  for c in b.citations {
    let parts = ()
    if c.outlet != none { parts.push(name(c.outlet)) }
    parts.push({ "«"; name(c.title); "»" })
    if c.date != none { parts.push(c.date) }
    if c.url != none { parts.push(text(dir: ltr, c.url)) }
    par(text(size: 9pt, { "[" + c.number + "] "; parts.join(comma) }))
  }
}
#if b.sources.len() > 0 {
  heading(level: 1, l.sources)
  for s in b.sources { par(text(size: 9pt, { name(s.name); ": " + s.reliability })) }
}
`;

let compiler: NodeCompiler | undefined;

/** The briefing as a PDF file. The compiler (with its fonts) is made once per process. */
export function briefingPdf(b: Briefing): Buffer {
  compiler ??= NodeCompiler.create({ fontArgs: [{ fontPaths: fontPaths() }] });
  try {
    const compiled = compiler.compile({ mainFileContent: TEMPLATE, inputs: { briefing: JSON.stringify(b) } });
    const error = compiled.takeError();
    if (error || !compiled.result) {
      const reasons = error ? (compiler.fetchDiagnostics(error) as { message?: string }[]).map((d) => d.message).join('; ') : 'no document';
      throw new Error(`Typst could not lay out the report: ${reasons}`);
    }
    return compiler.pdf(compiled.result);
  } finally {
    // Keep what later reports reuse (fonts, the template's layout), drop what only old ones used.
    compiler.evictCache(10);
  }
}
