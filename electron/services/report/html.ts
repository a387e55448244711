/**
 * A briefing as one self-contained HTML file: inline CSS, the reader's own fonts, no script and
 * no remote resource (a Content-Security-Policy forbids any, should anything slip through). Every
 * text taken from an article or typed by the analyst is escaped; links are kept only for http(s)
 * addresses.
 */
import type { Briefing, BriefingClaim, BriefingEvent } from './briefing';
import { chainArrow } from './briefing';

/** Text as HTML: the five characters HTML gives meaning to, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Paragraphs of typed text, each line kept. */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p dir="auto">${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('');

/** A link to an article's address when it is a web address; the address as text otherwise. */
const link = (url: string) => (/^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url));

const STYLE = `
body{font-family:"Noto Sans","Segoe UI",Roboto,Helvetica,Arial,"Noto Naskh Arabic",Vazirmatn,Tahoma,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1.25rem;line-height:1.55;color:#1b1b1b}
:lang(ar),[dir=rtl]{font-family:"Noto Naskh Arabic",Vazirmatn,"Segoe UI",Tahoma,"Geeza Pro",sans-serif}
.handling{text-align:center;font-weight:700;letter-spacing:.04em;border:1px solid #9a1c1c;color:#9a1c1c;padding:.2rem;margin:0 0 1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
.meta{color:#555;margin:0}.bluf{background:#f3f5f8;border-inline-start:4px solid #2d4e7e;padding:.5rem 1rem}
.judgment-terms{color:#2d4e7e;font-weight:600;margin:.2rem 0}.warning{color:#9a5b00}
.claim{margin:1rem 0;padding:.5rem .9rem;border-inline-start:3px solid #bbb;background:#fafafa}
blockquote{margin:0;font-size:1.05rem}.translation{color:#444;font-style:italic;margin:.3rem 0}
.claim-meta{color:#444;font-size:.9rem;margin:.3rem 0 0}.grade{font-weight:700}
.contested{color:#9a1c1c;font-weight:700}.notice{color:#9a5b00;font-size:.9rem}
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:start;vertical-align:top}
.references,.sources{list-style:none;padding:0}.references li,.sources li{margin:.2rem 0;overflow-wrap:anywhere}
`;

function claimHtml(claim: BriefingClaim, dir: Briefing['dir'], labels: Briefing['labels']): string {
  const chain = claim.chain.map((name) => `<bdi>${escapeHtml(name)}</bdi>`).join(escapeHtml(chainArrow(dir)));
  const meta = [
    chain && `${escapeHtml(labels.chain)}: ${chain}`,
    `${escapeHtml(labels.grade)}: <span class="grade">${escapeHtml(claim.grade)}</span>`,
    claim.reportedDate && `${escapeHtml(labels.reportedDate)}: ${escapeHtml(claim.reportedDate)}`,
    claim.independentSources && escapeHtml(claim.independentSources),
    claim.contested && `<span class="contested">${escapeHtml(labels.contested)}</span>`,
    claim.stance && escapeHtml(claim.stance),
  ].filter(Boolean);
  return `<figure class="claim">
<blockquote dir="${claim.quoteDir}">«${escapeHtml(claim.quote)}» <sup>${escapeHtml(claim.citation)}</sup></blockquote>
${claim.translation ? `<p class="translation" dir="auto">${escapeHtml(labels.translation)}: ${escapeHtml(claim.translation)}</p>` : ''}
${claim.statement ? `<p dir="auto">${escapeHtml(claim.statement)}</p>` : ''}
<p class="claim-meta">${meta.join(' · ')}</p>
${claim.notice ? `<p class="notice">† ${escapeHtml(claim.notice)}</p>` : ''}
</figure>`;
}

function eventHtml(event: BriefingEvent, labels: Briefing['labels']): string {
  const disagreements = event.disagreements
    .map(
      (d) =>
        `<tr><th scope="row">${escapeHtml(d.label)}</th>${d.sides.map((side) => `<td><bdi>${escapeHtml(side.value)}</bdi> ${escapeHtml(side.citations)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<div class="event">
${event.title ? `<h3 dir="auto">${escapeHtml(event.title)}</h3>` : ''}
<p class="meta">${event.facts.map(escapeHtml).join(' · ')}</p>
<p class="meta">${escapeHtml(event.independentSources)}${event.contested ? ` · <span class="contested">${escapeHtml(labels.contested)}</span>` : ''}</p>
${disagreements && `<table>${disagreements}</table>`}
${event.notice ? `<p class="notice">† ${escapeHtml(event.notice)}</p>` : ''}
</div>`;
}

/** The briefing as one HTML file. */
export function briefingHtml(b: Briefing): string {
  const { labels } = b;
  const handling = b.handling ? `<p class="handling">${escapeHtml(b.handling)}</p>` : '';
  const meta = [b.date && `${escapeHtml(labels.date)}: ${escapeHtml(b.date)}`, b.author && `${escapeHtml(labels.author)}: ${escapeHtml(b.author)}`].filter(Boolean).join(' · ');
  const judgments = b.judgments.length
    ? `<section><h2>${escapeHtml(labels.keyJudgments)}</h2><ol>${b.judgments
        .map((j) => {
          const terms = [j.likelihood && `${escapeHtml(labels.likelihood)}: ${escapeHtml(j.likelihood)}`, j.confidence && `${escapeHtml(labels.confidence)}: ${escapeHtml(j.confidence)}`].filter(Boolean);
          return `<li><p dir="auto">${escapeHtml(j.text)}</p>${terms.length ? `<p class="judgment-terms">${terms.join(' · ')}</p>` : ''}${j.mixed ? `<p class="warning">${escapeHtml(labels.mixed)}</p>` : ''}</li>`;
        })
        .join('')}</ol></section>`
    : '';
  const sections = b.sections
    .map(
      (s) =>
        `<section>${s.heading ? `<h2 dir="auto">${escapeHtml(s.heading)}</h2>` : ''}${paragraphs(s.body)}${s.items
          .map((item) => (item.kind === 'claim' ? claimHtml(item, b.dir, labels) : eventHtml(item, labels)))
          .join('\n')}</section>`,
    )
    .join('\n');
  const comma = b.language === 'ar' ? '، ' : ', ';
  const references = b.citations.length
    ? `<section><h2>${escapeHtml(labels.citations)}</h2><ul class="references">${b.citations
        .map((c) => `<li>[${escapeHtml(c.number)}] ${[c.outlet && `<bdi>${escapeHtml(c.outlet)}</bdi>`, `«<bdi>${escapeHtml(c.title)}</bdi>»`, c.date && escapeHtml(c.date), c.url && link(c.url)].filter(Boolean).join(comma)}</li>`)
        .join('')}</ul></section>`
    : '';
  const sources = b.sources.length
    ? `<section><h2>${escapeHtml(labels.sources)}</h2><ul class="sources">${b.sources.map((s) => `<li><bdi>${escapeHtml(s.name)}</bdi>: ${escapeHtml(s.reliability)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="${b.language}" dir="${b.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(b.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${handling}
<h1>${escapeHtml(b.title)}</h1>
${meta ? `<p class="meta">${meta}</p>` : ''}
${b.bluf ? `<section class="bluf"><h2>${escapeHtml(labels.bluf)}</h2>${paragraphs(b.bluf)}</section>` : ''}
${judgments}
${sections}
${references}
${sources}
${handling}
</body>
</html>
`;
}
