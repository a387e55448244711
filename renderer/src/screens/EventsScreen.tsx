/**
 * Events and what they stand on: each event with its number of independent sources and a mark
 * when contested; the chosen one shows its claims side by side (quote, chain, grade, relation,
 * what each reports) and says why it is contested. A source's reliability is graded here, where
 * the analyst weighs it.
 */
import { useState } from 'react';
import type { ClaimRelation, EventDetail, Reliability } from '../../../electron/api/contract';
import { api } from '../api';
import { RelationOptions, typedDate } from '../components/ClaimDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { SourceGraph } from '../components/SourceGraph';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { useAction } from '../useAction';
import { chainText, Grade } from './ClaimsScreen';

const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** A date as the screens write it: one ISO day, or the first and last day of its range. */
export function dateText(date: EventDetail['date']): string {
  if (!date) return '';
  return date.from === date.to ? date.from : `${date.from} – ${date.to}`;
}

/** The events screen; `onOpen` opens a claim's passage in the reader; `initialEventId` is the event shown first (one the timeline opened). */
export function EventsScreen({
  onOpen,
  onShowSource,
  initialEventId,
}: {
  onOpen: (articleId: number, annotationId: number) => void;
  onShowSource: (entityId: number, name: string) => void;
  initialEventId?: number;
}) {
  const { t } = useI18n();
  const events = useApiQuery('listEvents', {});
  const [selected, setSelected] = useState<number | null>(initialEventId ?? null);
  const graph = useApiQuery('sourceGraph', selected === null ? {} : { eventId: selected });
  const detail = useApiQuery('getEvent', { id: selected ?? 0 }, { enabled: selected !== null });
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const { error, setError, run } = useAction();
  const create = () =>
    run(async () => {
      const range = date.trim() ? typedDate(date) : null;
      if (date.trim() && !range) return setError(t('dateNotUnderstood', { date }));
      const event = await api.createEvent({ title, date: range });
      setTitle('');
      setDate('');
      setSelected(event.id);
    });
  const event = selected === null ? null : detail.data;
  return (
    <section className="events" aria-label={t('events')}>
      <aside className="event-list">
        <form
          className="new-event"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('newEvent')} aria-label={t('eventTitle')} dir="auto" required />
          <input className="date-field" value={date} onChange={(e) => setDate(e.target.value)} placeholder={t('datePlaceholder')} aria-label={t('reportedDate')} dir="ltr" inputMode="numeric" />
          <button type="submit">{t('createEvent')}</button>
        </form>
        {events.data?.length === 0 && <p className="muted">{t('noEvents')}</p>}
        <ul>
          {events.data?.map((e) => (
            <li key={e.id} aria-current={e.id === selected}>
              <button type="button" className="event-button" onClick={() => setSelected(e.id)}>
                <bdi className="event-title">{e.title}</bdi>
                <span className="muted">
                  {[dateText(e.date), t('independentSources', { n: e.independentSources })].filter(Boolean).join(' · ')}
                </span>
                {e.contested && <span className="contested-badge">{t('contested')}</span>}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="event-detail">
        {error && <ErrorBanner message={error} />}
        {!event && <p className="muted">{t('chooseEvent')}</p>}
        {graph.data && graph.data.nodes.length > 0 && (
          <section aria-label={t('sourceGraph')}>
            <h2>
              {t('sourceGraph')}
              {selected === null && <span className="muted"> · {t('wholeLibrary')}</span>}
            </h2>
            <SourceGraph graph={graph.data} onSelect={onShowSource} />
          </section>
        )}
        {event && (
          <>
            <h1 dir="auto">{event.title}</h1>
            <p className="muted">
              {[dateText(event.date), event.placeName, event.eventType, t('independentSources', { n: event.independentSources })].filter(Boolean).join(' · ')}
            </p>
            {event.contested && (
              <p className="contested-reasons" role="status">
                <span className="contested-badge">{t('contested')}</span> {event.disagreements.map((d) => t(`disagree_${d}`)).join(t('listSeparator'))}
              </p>
            )}
            <table className="event-claims">
              <thead>
                <tr>
                  <th>{t('quote')}</th>
                  <th>{t('chain')}</th>
                  <th>{t('relation')}</th>
                  <th>{t('reportedDate')}</th>
                  <th>{t('figures')}</th>
                  <th>{t('reliability')}</th>
                  <th>{t('grade')}</th>
                </tr>
              </thead>
              <tbody>
                {event.claims.map((claim) => (
                  <tr key={claim.id} data-relation={claim.relation} data-testid="event-claim">
                    <td>
                      <button type="button" className="link quote-link" dir="auto" onClick={() => onOpen(claim.articleId, claim.annotationId)}>
                        {claim.quote}
                      </button>
                    </td>
                    <td>
                      <bdi>{chainText(claim)}</bdi>
                    </td>
                    <td>
                      <select
                        value={claim.relation}
                        aria-label={t('relation')}
                        onChange={(e) => void run(() => api.linkClaim({ claimId: claim.id, eventId: event.id, relation: e.target.value as ClaimRelation }))}
                      >
                        <RelationOptions />
                      </select>
                    </td>
                    <td dir="ltr">{dateText(claim.reportedDate)}</td>
                    <td>{claim.figures.map((f) => [f.value.toLocaleString('en-GB'), f.counted].filter(Boolean).join(' ')).join('; ')}</td>
                    <td>
                      {claim.origin && (
                        <select
                          value={claim.origin.reliability ?? ''}
                          aria-label={`${t('reliability')}: ${claim.origin.name}`}
                          onChange={(e) => void run(() => api.updateEntity({ id: claim.origin!.entityId, reliability: (e.target.value || null) as Reliability | null }))}
                        >
                          <option value="">?</option>
                          {RELIABILITIES.map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td>
                      <Grade grade={claim.grade} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </section>
  );
}
