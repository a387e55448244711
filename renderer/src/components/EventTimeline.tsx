/**
 * Events on a zoomable timeline, drawn with vis-timeline: one row per event, labelled with its
 * title, holding the event at its date (a day as a box, a month, a year or a span as a bar).
 * When its sources date it differently, or it has no date of its own, a row beneath it holds
 * each source's date as its own item, labelled with the source. A contested event is coloured
 * and says so in words. Clicking an event or a source's date opens the event. The drawing is for
 * the mouse; the screen beside it lists the same events for the keyboard and screen readers.
 */
import { useEffect, useRef } from 'react';
import { type DataGroup, type DataItem, type IdType, Timeline, type TimelineFormatOption, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { ReportedDate, TimelineEvent, TimelineReport } from '../../../electron/api/contract';
import { useI18n } from '../i18n';
import { LOCALES } from '../messages';
import { dateLabel } from './DateField';
import { chainOfNames } from '../sources';

const DAY = 86_400_000;

/** An item or row as the template draws it: a label, an optional detail (a date) and an optional mark in words. */
interface Drawn {
  label: string;
  detail?: string;
  mark?: string;
}

type Item = DataItem & Drawn & { eventId: number };
type Group = DataGroup & Drawn & { order?: number; treeLevel?: number };

/** Local midnight of an ISO day, `days` later. */
function dayStart(iso: string, days = 0): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + days);
}

/** Where a date goes: one day is a box at its middle; a month, a year or a span is a bar over all of it. */
function placed(date: ReportedDate): Pick<DataItem, 'start' | 'end' | 'type'> {
  if (date.from === date.to) return { start: new Date(dayStart(date.from).getTime() + DAY / 2), type: 'box' };
  return { start: dayStart(date.from), end: dayStart(date.to, 1), type: 'range' };
}

/**
 * Who gives a report's date, as its item is labelled: the outlet and, when it cites someone, the
 * origin it cites (two reports of one outlet citing Reuters and INA are told apart).
 */
export function reportSource(report: TimelineReport, noOutlet: string, dir: 'ltr' | 'rtl'): string {
  const outlet = report.outlet ?? noOutlet;
  return chainOfNames(report.origin && report.origin !== report.outlet ? [outlet, report.origin] : [report.origin ?? outlet], dir);
}

/** Whether an event gets a row of its sources' dates: they disagree, or they are all the timeline knows of its date. */
function showsReports(event: TimelineEvent): boolean {
  return event.reports.some((r) => r.date) && (event.disagreements.includes('date') || !event.date);
}

/** Whether an event can be placed on the timeline at all. */
export function onTimeline(event: TimelineEvent): boolean {
  return Boolean(event.date) || event.reports.some((r) => r.date);
}

/** Month and year labels in the interface language (vis-timeline's own come from moment, in English). */
function axisLabels(locale: string): TimelineFormatOption {
  const format = (options: Intl.DateTimeFormatOptions) => {
    const formatter = new Intl.DateTimeFormat(locale, options);
    // vis-timeline hands over a moment; its valueOf is the time, as a Date's is.
    return (date: Date) => formatter.format(new Date(date.valueOf()));
  };
  const monthYear = format({ month: 'long', year: 'numeric' });
  const year = format({ year: 'numeric' });
  const dayMonthTime = format({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const minor: Record<string, (date: Date) => string> = {
    weekday: format({ weekday: 'short', day: 'numeric' }),
    day: format({ day: 'numeric' }),
    week: format({ day: 'numeric' }),
    month: format({ month: 'short' }),
    year,
  };
  const major: Record<string, (date: Date) => string> = { weekday: monthYear, day: monthYear, week: monthYear, month: year, year: () => '' };
  return {
    minorLabels: (date, scale) => (minor[scale] ?? dayMonthTime)(date),
    majorLabels: (date, scale) => (major[scale] ?? dayMonthTime)(date),
  };
}

/** An item's or a row's label as elements, so names are text and never markup; the mark comes first, so a long title cut short keeps it. */
function draw({ label, detail, mark }: Drawn): HTMLElement {
  const element = document.createElement('span');
  if (mark) {
    const badge = document.createElement('span');
    badge.className = 'contested-badge';
    badge.textContent = mark;
    element.append(badge, ' ');
  }
  const name = document.createElement('bdi');
  name.textContent = label;
  element.append(name);
  if (detail) {
    const date = document.createElement('span');
    date.className = 'timeline-date';
    date.dir = 'ltr';
    date.textContent = detail;
    element.append(' ', date);
  }
  return element;
}

interface Props {
  events: readonly TimelineEvent[];
  onOpen: (eventId: number) => void;
}

/** The timeline of the events that have a date (their own or a source's), with its zoom buttons. */
export function EventTimeline({ events, onOpen }: Props) {
  const { t, lang, dir } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    if (!container.current) return;
    const groups: Group[] = [];
    const items: Item[] = [];
    const mark = t('contested');
    events.filter(onTimeline).forEach((event, order) => {
      const contested = event.contested ? ' contested' : '';
      const reportsRow = showsReports(event) ? `reports-${event.id}` : null;
      groups.push({ id: `event-${event.id}`, content: event.title, label: event.title, mark: event.contested ? mark : undefined, order, className: `event-row${contested}`, ...(reportsRow && { nestedGroups: [reportsRow], showNested: true }) });
      if (event.date) items.push({ id: `event-${event.id}`, group: `event-${event.id}`, eventId: event.id, content: event.title, label: event.title, mark: event.contested ? mark : undefined, className: `event-item${contested}`, ...placed(event.date) });
      if (!reportsRow) return;
      groups.push({ id: reportsRow, content: t('datesAsReported'), label: t('datesAsReported'), treeLevel: 1, className: `reports-row${contested}` });
      for (const report of event.reports) {
        if (!report.date) continue;
        const source = reportSource(report, t('noOutlet'), dir);
        const relation = report.relation === 'supports' ? '' : ` (${t(`relation_${report.relation}`)})`;
        items.push({
          id: `report-${event.id}-${report.claimId}`,
          group: reportsRow,
          eventId: event.id,
          content: source,
          label: source + relation,
          detail: dateLabel(report.date),
          className: `report-item${contested}`,
          ...placed(report.date),
        });
      }
    });
    const options: TimelineOptions = {
      rtl: dir === 'rtl',
      orientation: { axis: 'top', item: 'top' },
      // As tall as its rows, up to the room the screen gives it, then scrolling.
      maxHeight: '100%',
      verticalScroll: true,
      // The wheel scrolls the rows; Ctrl with the wheel zooms, as the buttons do.
      zoomKey: 'ctrlKey',
      // Down to a day: dates are known to the day at best.
      zoomMin: DAY,
      zoomMax: 60 * 365 * DAY,
      showCurrentTime: false,
      groupOrder: 'order',
      margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
      format: axisLabels(LOCALES[lang]),
      // vis-timeline also asks for the label of a row it is taking away, giving no row.
      template: (item: Item | null) => (item ? draw(item) : ''),
      groupTemplate: (group: Group | null) => (group ? draw(group) : ''),
    };
    const drawn = new Timeline(container.current, items, groups, options);
    drawn.fit({ animation: false });
    const eventOf = new Map<IdType, number>(items.map((item) => [item.id!, item.eventId]));
    drawn.on('click', (properties: { item: IdType | null }) => {
      const eventId = properties.item === null ? undefined : eventOf.get(properties.item);
      if (eventId !== undefined) open.current(eventId);
    });
    timeline.current = drawn;
    return () => {
      drawn.destroy();
      timeline.current = null;
    };
  }, [events, t, lang, dir]);

  return (
    <div className="event-timeline">
      <div className="timeline-zoom" role="group" aria-label={t('timeline')}>
        <button type="button" onClick={() => timeline.current?.zoomIn(0.5)}>
          {t('zoomIn')}
        </button>
        <button type="button" onClick={() => timeline.current?.zoomOut(0.5)}>
          {t('zoomOut')}
        </button>
        <button type="button" onClick={() => timeline.current?.fit()}>
          {t('zoomFit')}
        </button>
      </div>
      <div ref={container} className="event-timeline-canvas" data-testid="event-timeline" role="img" aria-label={t('timelineDrawing')} dir={dir} />
    </div>
  );
}
