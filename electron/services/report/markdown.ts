/**
 * A briefing as Markdown (CommonMark). Text from articles and from the analyst is escaped so no
 * character of it becomes markup or raw HTML; sources' names are isolated (Unicode FSI … PDI) so
 * a chain mixing Arabic and English names reads in order in either direction.
 */
import type { Briefing, BriefingClaim, BriefingEvent } from './briefing';
import { chainArrow } from './briefing';

/** Text as Markdown: ASCII punctuation backslash-escaped (CommonMark allows it on any), & and < as entities. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|>~=^]/g, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Typed text as paragraphs, each line kept (a hard break). */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => escapeMarkdown(p).replaceAll('\n', '\\\n'))
    .join('\n\n');

const isolated = (text: string) => `\u2068${text}\u2069`;

function claimMarkdown(claim: BriefingClaim, dir: Briefing['dir'], labels: Briefing['labels']): string {
  const quoteLines = `«${claim.quote}»`.split('\n').map((line) => `> ${escapeMarkdown(line)}`);
  quoteLines[quoteLines.length - 1] += ` ${escapeMarkdown(claim.citation)}`;
  const meta = [
    claim.chain.length && `${labels.chain}: ${escapeMarkdown(claim.chain.map(isolated).join(chainArrow(dir)))}`,
    `${labels.grade}: **${escapeMarkdown(claim.grade)}**`,
    claim.reportedDate && `${labels.reportedDate}: ${escapeMarkdown(claim.reportedDate)}`,
    claim.independentSources && escapeMarkdown(claim.independentSources),
    claim.contested && `**${labels.contested}**`,
    claim.stance && escapeMarkdown(claim.stance),
  ].filter(Boolean);
  return [
    quoteLines.join('\n'),
    claim.translation && `*${labels.translation}:* ${escapeMarkdown(claim.translation)}`,
    claim.statement && escapeMarkdown(claim.statement),
    meta.join(' · '),
    claim.notice && `† ${escapeMarkdown(claim.notice)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

function eventMarkdown(event: BriefingEvent, labels: Briefing['labels']): string {
  const rows = event.disagreements.map((d) => `| ${escapeMarkdown(d.label)} | ${d.sides.map((side) => `${escapeMarkdown(isolated(side.value))} ${escapeMarkdown(side.citations)}`.trim()).join(' | ')} |`);
  const width = Math.max(0, ...event.disagreements.map((d) => d.sides.length));
  const table = rows.length ? [`| ${' | '.repeat(width)}|`, `|---${'|---'.repeat(width)}|`, ...rows].join('\n') : '';
  return [
    event.title && `### ${escapeMarkdown(event.title)}`,
    escapeMarkdown(event.facts.join(' · ')),
    `${escapeMarkdown(event.independentSources)}${event.contested ? ` · **${labels.contested}**` : ''}`,
    table,
    event.notice && `† ${escapeMarkdown(event.notice)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The briefing as Markdown text. */
export function briefingMarkdown(b: Briefing): string {
  const { labels } = b;
  const comma = b.language === 'ar' ? '، ' : ', ';
  const parts = [
    b.handling && `**${escapeMarkdown(b.handling)}**`,
    `# ${escapeMarkdown(b.title)}`,
    [b.date && `${labels.date}: ${escapeMarkdown(b.date)}`, b.author && `${labels.author}: ${escapeMarkdown(b.author)}`].filter(Boolean).join(' · '),
    b.bluf && `## ${labels.bluf}\n\n${paragraphs(b.bluf)}`,
    b.judgments.length &&
      `## ${labels.keyJudgments}\n\n${b.judgments
        .map((j, i) => {
          const terms = [j.likelihood && `${labels.likelihood}: ${escapeMarkdown(j.likelihood)}`, j.confidence && `${labels.confidence}: ${escapeMarkdown(j.confidence)}`].filter(Boolean).join(' · ');
          return [`${i + 1}. ${escapeMarkdown(j.text)}`, terms && `   *${terms}*`, j.mixed && `   ⚠ ${labels.mixed}`].filter(Boolean).join('\n\n');
        })
        .join('\n\n')}`,
    ...b.sections.map((s) =>
      [s.heading && `## ${escapeMarkdown(s.heading)}`, s.body && paragraphs(s.body), ...s.items.map((item) => (item.kind === 'claim' ? claimMarkdown(item, b.dir, labels) : eventMarkdown(item, labels)))]
        .filter(Boolean)
        .join('\n\n'),
    ),
    b.citations.length &&
      `## ${labels.citations}\n\n${b.citations
        .map((c) => `- \\[${c.number}\\] ${[c.outlet && escapeMarkdown(isolated(c.outlet)), `«${escapeMarkdown(isolated(c.title))}»`, c.date && escapeMarkdown(c.date), c.url && (/^https?:\/\//i.test(c.url) ? `<${c.url.replace(/[<>\s]/g, encodeURIComponent)}>` : escapeMarkdown(c.url))].filter(Boolean).join(comma)}`)
        .join('\n')}`,
    b.sources.length && `## ${labels.sources}\n\n${b.sources.map((s) => `- ${escapeMarkdown(isolated(s.name))}: ${escapeMarkdown(s.reliability)}`).join('\n')}`,
    b.handling && `**${escapeMarkdown(b.handling)}**`,
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
