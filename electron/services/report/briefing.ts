/**
 * A report as every export prints it: the shared half of the report renderers. This turns a
 * stored report into a briefing whose every line is already worded in the report's language, its
 * numbers in the report's digits, its citations numbered and its sources listed; the HTML,
 * Markdown, DOCX and PDF writers only lay it out. Quotes stay verbatim in their own language and
 * direction; only what Sanad writes around them is translated.
 */
import { confidenceTerm, likelihoodBand, likelihoodTerm, mixesLikelihoodAndConfidence } from '../../../db/judgments';
import type { ClaimSnapshot, EventSnapshot, Reliability, Report, ReportedDate, ReportItem, ReportLanguage, SnapshotDisagreement, SourceRef } from '../../../db/model';

/**
 * What Sanad writes around the analyst's and the articles' words, in each report language. The
 * Arabic is written without short vowels or shadda: a PDF reader's text extraction (pdftotext)
 * reads a letter carrying a mark twice, and these words read well without.
 */
const WORDING = {
  en: {
    keyJudgments: 'Key judgments',
    bluf: 'Bottom line up front',
    date: 'Date',
    author: 'Prepared by',
    likelihood: 'Likelihood',
    confidence: 'Confidence',
    chain: 'Chain of sources',
    grade: 'Grade',
    independentSources: 'Independent sources',
    contested: 'Contested',
    translation: 'Translation',
    reportedDate: 'Reported date',
    claims: 'Selected claims',
    citations: 'References',
    sources: 'Sources and their reliability',
    changed: 'This claim has changed since the report quoted it; the quotation stands as first quoted.',
    deleted: 'This claim has been deleted since the report quoted it; the quotation stands as first quoted.',
    eventChanged: 'This event has changed since the report presented it; it stands as first presented.',
    mixed: 'This judgment mixes likelihood and confidence in one sentence.',
    contradiction: 'Contradicted by',
    dates: 'Dates reported',
    places: 'Places reported',
    figures: 'Figures reported',
    denies: 'denies',
    speculates: 'speculates',
    notGraded: 'not graded',
    reliability: { A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged' },
    undated: 'undated',
    eventType: 'Type',
    place: 'Place',
  },
  ar: {
    keyJudgments: 'الأحكام الرئيسية',
    bluf: 'الخلاصة أولا',
    date: 'التاريخ',
    author: 'إعداد',
    likelihood: 'الاحتمال',
    confidence: 'درجة الثقة',
    chain: 'سلسلة الإسناد',
    grade: 'التقييم',
    independentSources: 'المصادر المستقلة',
    contested: 'متنازع عليه',
    translation: 'الترجمة',
    reportedDate: 'التاريخ المذكور',
    claims: 'ادعاءات مختارة',
    citations: 'المراجع',
    sources: 'المصادر وموثوقيتها',
    changed: 'تغير هذا الادعاء منذ اقتبسه التقرير؛ الاقتباس كما ورد أول مرة.',
    deleted: 'حذف هذا الادعاء منذ اقتبسه التقرير؛ الاقتباس كما ورد أول مرة.',
    eventChanged: 'تغير هذا الحدث منذ عرضه التقرير؛ يبقى كما عرض أول مرة.',
    mixed: 'يخلط هذا الحكم بين الاحتمال ودرجة الثقة في جملة واحدة.',
    contradiction: 'تنفيه',
    dates: 'التواريخ المذكورة',
    places: 'الأماكن المذكورة',
    figures: 'الأرقام المذكورة',
    denies: 'ينفي',
    speculates: 'يرجح',
    notGraded: 'غير مقيم',
    reliability: { A: 'موثوق تماما', B: 'موثوق عادة', C: 'موثوق إلى حد ما', D: 'غير موثوق عادة', E: 'غير موثوق', F: 'لا يمكن الحكم على موثوقيته' },
    undated: 'بلا تاريخ',
    eventType: 'النوع',
    place: 'المكان',
  },
} satisfies Record<ReportLanguage, Record<string, unknown>>;

/** The words a briefing's layout needs besides its content (headings of its fixed parts). */
export type BriefingLabels = (typeof WORDING)['en'];

/** A claim as printed: its quote verbatim, and what Sanad says of it in the report's language. */
export interface BriefingClaim {
  kind: 'claim';
  quote: string;
  quoteDir: 'rtl' | 'ltr';
  translation: string | null;
  statement: string | null;
  /** "denies" or "speculates" where the source does not simply assert. */
  stance: string | null;
  /** The sources from the outlet to the origin, each kept whole. */
  chain: string[];
  grade: string;
  reportedDate: string | null;
  /** "Independent sources: 3", or null when the claim bears on no event. */
  independentSources: string | null;
  contested: boolean;
  /** The citation's number as printed ("[2]" in the report's digits). */
  citation: string;
  /** Why the claim is marked: it changed or went since the report quoted it. */
  notice: string | null;
}

/** One disagreement of a contested event, its values side by side, each with the citations of the claims reporting it. */
export interface BriefingDisagreement {
  label: string;
  sides: { value: string; citations: string }[];
}

/** An event as printed: its title, what it is, its corroboration and its disagreements. */
export interface BriefingEvent {
  kind: 'event';
  /** Its title, or null where the section's heading already gives it. */
  title: string | null;
  /** Date, place and type, worded. */
  facts: string[];
  independentSources: string;
  contested: boolean;
  disagreements: BriefingDisagreement[];
  notice: string | null;
}

/** A section as printed. */
export interface BriefingSection {
  heading: string;
  body: string;
  items: (BriefingClaim | BriefingEvent)[];
}

/** A numbered reference to an article. */
export interface BriefingCitation {
  number: string;
  outlet: string | null;
  title: string;
  date: string | null;
  url: string | null;
}

/** A report laid out for printing, in its language, digits and direction. */
export interface Briefing {
  language: ReportLanguage;
  dir: 'rtl' | 'ltr';
  digits: Report['digits'];
  labels: BriefingLabels;
  title: string;
  handling: string;
  date: string | null;
  author: string;
  bluf: string;
  judgments: { text: string; likelihood: string | null; confidence: string | null; mixed: boolean }[];
  sections: BriefingSection[];
  citations: BriefingCitation[];
  /** Every source the quoted claims pass through, first cited first, with its reliability worded. */
  sources: { name: string; reliability: string }[];
  /** How many claims the report quotes (what an export's progress counts). */
  claimCount: number;
}

/** Numbers and dates as the report's language writes them, in its digits (the formatters made once per briefing). */
function formatters(language: ReportLanguage, digits: Report['digits']) {
  const locale = `${language === 'ar' ? 'ar' : 'en-GB'}-u-nu-${digits}`;
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const byPrecision: Record<ReportedDate['precision'], Intl.DateTimeFormat> = {
    year: new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    weekday: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
  const day = (iso: string) => new Date(`${iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
  return {
    number: (value: number) => numbers.format(value),
    /** A reported date or range, to its precision. */
    date: (date: ReportedDate) => {
      const format = byPrecision[date.precision];
      const [from, to] = [day(date.from), day(date.to)];
      return format.format(from) === format.format(to) ? format.format(from) : format.formatRange(from, to);
    },
  };
}

/** Builds the briefing of a report: every export prints this. */
export function briefingOf(report: Report): Briefing {
  const { language, digits } = report;
  const labels = WORDING[language];
  const { number: num, date: dateOf } = formatters(language, digits);
  const citationNumbers = new Map<number, number>();
  const citations: BriefingCitation[] = [];
  const sources = new Map<string, { name: string; reliability: string }>();
  const claimCitation = new Map<number, string>();
  const cite = (snapshot: ClaimSnapshot): string => {
    const { article } = snapshot;
    let n = citationNumbers.get(article.id);
    if (n === undefined) {
      n = citations.length + 1;
      citationNumbers.set(article.id, n);
      citations.push({
        number: num(n),
        outlet: article.outlet,
        title: article.title,
        date: article.published ? dateOf({ from: article.published, to: article.published, precision: 'day' }) : null,
        url: article.url,
      });
    }
    return `[${num(n)}]`;
  };
  const reliabilityText = (reliability: Reliability | null) => (reliability ? `${reliability} — ${labels.reliability[reliability]}` : labels.notGraded);
  const noteSource = (source: SourceRef | null) => {
    if (source && !sources.has(source.name)) sources.set(source.name, { name: source.name, reliability: reliabilityText(source.reliability) });
  };
  const claimOf = (item: ReportItem & { kind: 'claim' }): BriefingClaim => {
    const s = item.snapshot;
    noteSource(s.outlet);
    s.chain.forEach(noteSource);
    const citation = cite(s);
    claimCitation.set(item.claimId, citation);
    return {
      kind: 'claim',
      quote: s.quote,
      quoteDir: s.direction,
      translation: item.translation,
      statement: s.statement,
      stance: s.stance === 'asserts' ? null : labels[s.stance],
      chain: [s.outlet, ...s.chain].flatMap((source) => (source ? [source.name] : [])),
      grade: s.grade,
      reportedDate: s.reportedDate && dateOf(s.reportedDate),
      independentSources: s.independentSources === null ? null : `${labels.independentSources}: ${num(s.independentSources)}`,
      contested: s.contested,
      citation,
      notice: item.status === 'changed' ? labels.changed : item.status === 'deleted' ? labels.deleted : null,
    };
  };
  const citationsOf = (claimIds: readonly number[]) => claimIds.map((id) => claimCitation.get(id) ?? `#${num(id)}`).join(' ');
  const disagreementOf = (d: SnapshotDisagreement): BriefingDisagreement => {
    switch (d.kind) {
      case 'contradiction':
        return { label: labels.contradiction, sides: [{ value: '', citations: citationsOf(d.claimIds) }] };
      case 'date':
        return { label: labels.dates, sides: d.sides.map((side) => ({ value: dateOf(side.value), citations: citationsOf(side.claimIds) })) };
      case 'place':
        return { label: labels.places, sides: d.sides.map((side) => ({ value: side.value, citations: citationsOf(side.claimIds) })) };
      case 'figure': {
        const measure = [d.measure.unit, d.measure.counted].filter(Boolean).join(' ');
        return { label: measure ? `${labels.figures} (${measure})` : labels.figures, sides: d.sides.map((side) => ({ value: num(side.value), citations: citationsOf(side.claimIds) })) };
      }
    }
  };
  const eventOf = (item: ReportItem & { kind: 'event' }, claimsAfter: readonly ReportItem[], heading: string): BriefingEvent => {
    const s: EventSnapshot = item.snapshot;
    // The event's claims follow it: number their citations first, so its disagreements can name them.
    for (const next of claimsAfter) if (next.kind === 'claim' && !claimCitation.has(next.claimId)) claimCitation.set(next.claimId, cite(next.snapshot));
    return {
      kind: 'event',
      title: s.title === heading ? null : s.title,
      facts: [
        `${labels.date}: ${s.date ? dateOf(s.date) : labels.undated}`,
        ...(s.placeName ? [`${labels.place}: ${s.placeName}`] : []),
        ...(s.eventType ? [`${labels.eventType}: ${s.eventType}`] : []),
      ],
      independentSources: `${labels.independentSources}: ${num(s.independentSources)}`,
      contested: s.contested,
      disagreements: s.disagreements.map(disagreementOf),
      notice: item.status === 'current' ? null : labels.eventChanged,
    };
  };
  let claimCount = 0;
  const sections = report.sections.map((section) => ({
    heading: section.heading || (section.kind === 'claims' ? labels.claims : ''),
    body: section.body,
    items: section.items.map((item, index) => {
      if (item.kind === 'event') return eventOf(item, section.items.slice(index + 1), section.heading);
      claimCount++;
      return claimOf(item);
    }),
  }));
  return {
    language,
    dir: report.direction,
    digits,
    labels,
    title: report.title,
    handling: report.handling,
    date: report.reportDate && dateOf({ from: report.reportDate, to: report.reportDate, precision: 'day' }),
    author: report.author,
    bluf: report.bluf,
    judgments: report.judgments.map((j) => {
      const band = j.likelihood && likelihoodBand(j.likelihood);
      return {
        text: j.text,
        likelihood: j.likelihood && band && `${likelihoodTerm(j.likelihood, language)} (${num(band[0])}–${num(band[1])}${language === 'ar' ? '٪' : '%'})`,
        confidence: j.confidence && confidenceTerm(j.confidence, language),
        mixed: mixesLikelihoodAndConfidence(j.text),
      };
    }),
    sections,
    citations,
    sources: [...sources.values()],
    claimCount,
  };
}

/** The chain as one line: names from who reports to whom they cite, the arrow pointing the way the report reads. */
export function chainArrow(dir: 'rtl' | 'ltr'): string {
  return dir === 'rtl' ? ' ← ' : ' → ';
}
