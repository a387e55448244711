/**
 * The events on a timeline: filtered by tag, place, actor and source, drawn zoomable beside a
 * list of the same events in date order, where each source's date is written out and a
 * contested event says why. Loaded only when opened (App.tsx): the drawing library weighs a
 * third of the rest of the renderer.
 */
import { useState } from 'react';
import type { TimelineChoice, TimelineFilter } from '../../../electron/api/contract';
import { ErrorBanner } from '../components/ErrorBanner';
import { EventTimeline, onTimeline, reportSource } from '../components/EventTimeline';
import { type MessageKey, useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { dateLabel } from '../components/DateField';

/** One filter: its label, what "any" is called, and its choices by name. */
function FilterSelect({ label, any, choices, value, onChange, nameOf = (name) => name }: {
  label: MessageKey;
  any: MessageKey;
  choices: readonly TimelineChoice[];
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  nameOf?: (name: string) => string;
}) {
  const { t } = useI18n();
  return (
    <label>
      {t(label)}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)} disabled={choices.length === 0 && value === undefined}>
        <option value="">{t(any)}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {nameOf(choice.name)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The timeline screen; `onOpenEvent` shows an event in the events screen. */
export function TimelineScreen({ onOpenEvent }: { onOpenEvent: (eventId: number) => void }) {
  const { t, tagLabel, dir } = useI18n();
  const [filter, setFilter] = useState<TimelineFilter>({});
  const timeline = useApiQuery('eventTimeline', filter, { keepPrevious: true });
  const set = (name: keyof TimelineFilter) => (id: number | undefined) => setFilter((current) => ({ ...current, [name]: id }));
  const filtered = Object.values(filter).some((id) => id !== undefined);
  const data = timeline.data;
  const events = data?.events ?? [];
  return (
    <section className="timeline-screen" aria-label={t('timeline')}>
      <fieldset className="timeline-filters">
        <legend>{t('timelineFilters')}</legend>
        <FilterSelect label="tag" any="anyTag" choices={data?.choices.tags ?? []} value={filter.tagId} onChange={set('tagId')} nameOf={tagLabel} />
        <FilterSelect label="kind_place" any="anyPlace" choices={data?.choices.places ?? []} value={filter.placeId} onChange={set('placeId')} />
        <FilterSelect label="actor" any="anyActor" choices={data?.choices.actors ?? []} value={filter.actorId} onChange={set('actorId')} />
        <FilterSelect label="sourceName" any="anySource" choices={data?.choices.sources ?? []} value={filter.sourceId} onChange={set('sourceId')} />
        <button type="button" onClick={() => setFilter({})} disabled={!filtered}>
          {t('clearFilters')}
        </button>
      </fieldset>
      {timeline.error && <ErrorBanner message={timeline.error} />}
      {data && events.length === 0 && <p className="muted">{t(filtered ? 'noMatchingEvents' : 'noEventsYet')}</p>}
      {events.length > 0 && (
        <div className="timeline-body">
          {events.some(onTimeline) && <EventTimeline events={events} onOpen={onOpenEvent} />}
          <section className="timeline-list" aria-label={t('timelineList')}>
            <h2>{t('timelineList')}</h2>
            <ol>
              {events.map((event) => (
                <li key={event.id} data-testid="timeline-event">
                  <button type="button" className="timeline-event-link" onClick={() => onOpenEvent(event.id)}>
                    <bdi>{event.title}</bdi>
                  </button>{' '}
                  {event.date ? <span dir="ltr">{dateLabel(event.date)}</span> : <span className="muted">{onTimeline(event) ? t('noDate') : t('notOnTimeline')}</span>}
                  <div className="muted">
                    {[event.placeName, t('independentSources', { n: event.independentSources })].filter(Boolean).join(' · ')}
                  </div>
                  {event.contested && (
                    <div>
                      <span className="contested-badge">{t('contested')}</span> {event.disagreements.map((d) => t(`contestedKind_${d}`)).join(t('listSeparator'))}
                    </div>
                  )}
                  {event.reports.length > 0 && (
                    <ul className="timeline-reports">
                      {event.reports.map((report) => (
                        <li key={report.claimId}>
                          {report.date ? <span dir="ltr">{dateLabel(report.date)}</span> : <span className="muted">{t('noDate')}</span>}{' '}
                          <bdi>{reportSource(report, t('noOutlet'), dir)}</bdi>
                          {report.relation !== 'supports' && <span className="muted"> ({t(`relation_${report.relation}`)})</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </section>
  );
}
