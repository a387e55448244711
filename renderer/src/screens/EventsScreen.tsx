/**
 * Events and what they stand on: each event with its number of independent sources and a mark
 * when contested; the chosen one shows its claims side by side (quote, chain, grade, relation,
 * what each reports) and says why it is contested. A source's reliability is graded here, where
 * the analyst weighs it, and each claim opens in its edit dialog (its credibility, with Sanad's
 * suggestion).
 */
import { useState } from 'react';
import type { ClaimRelation, Reliability } from '../../../electron/api/contract';
import { api } from '../api';
import { ClaimDialog, RelationOptions } from '../components/ClaimDialog';
import { DateField, dateLabel, typedDate } from '../components/DateField';
import { AddToReport } from '../components/AddToReport';
import { ErrorBanner } from '../components/ErrorBanner';
import { ContestedReasons, SourceReports } from '../components/EventReports';
import { EventDialog, EventTypeOptions, eventTypeText } from '../components/EventDialog';
import { Modal } from '../components/Modal';
import { SourceGraph } from '../components/SourceGraph';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { useAction } from '../useAction';
import { chainText } from '../sources';
import { Grade } from '../components/Grade';

const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

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
  const { t, lang, dir } = useI18n();
  const events = useApiQuery('listEvents', {});
  const [selected, setSelected] = useState<number | null>(initialEventId ?? null);
  const graph = useApiQuery('sourceGraph', selected === null ? {} : { eventId: selected });
  const detail = useApiQuery('getEvent', { id: selected ?? 0 }, { enabled: selected !== null });
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [eventType, setEventType] = useState('');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // A key, not a text, so the message follows a change of interface language.
  const [message, setMessage] = useState<'eventSaved' | 'eventDeleted' | null>(null);
  const [editingClaim, setEditingClaim] = useState<number | null>(null);
  // What saving or deleting a claim did, as the claim dialog says it (with the grade).
  const [claimNews, setClaimNews] = useState<string | null>(null);
  const { error, setError, run } = useAction();
  const create = () =>
    run(async () => {
      const range = date.trim() ? typedDate(date) : null;
      if (date.trim() && !range) return setError(t('dateNotUnderstood', { date }));
      const event = await api.createEvent({ title, date: range, eventType: eventType || null });
      setTitle('');
      setDate('');
      setEventType('');
      setSelected(event.id);
    });
  const event = selected === null ? null : detail.data;
  const remove = (id: number) =>
    run(async () => {
      await api.deleteEvent({ id });
      setDeleting(false);
      setSelected(null);
      setMessage('eventDeleted');
    });
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
          <DateField value={date} onChange={(e) => setDate(e.target.value)} label={t('reportedDate')} />
          <select value={eventType} onChange={(e) => setEventType(e.target.value)} aria-label={t('eventType')}>
            <EventTypeOptions none={t('eventType')} />
          </select>
          <button type="submit">{t('createEvent')}</button>
        </form>
        {events.data?.length === 0 && <p className="muted">{t('noEvents')}</p>}
        <ul>
          {events.data?.map((e) => (
            <li key={e.id} aria-current={e.id === selected}>
              <button type="button" className="event-button" onClick={() => setSelected(e.id)}>
                <bdi className="event-title">{e.title}</bdi>
                <span className="muted">
                  {[dateLabel(e.date), t('independentSources', { n: e.independentSources })].filter(Boolean).join(' · ')}
                </span>
                {e.contested && <span className="contested-badge">{t('contested')}</span>}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="event-detail">
        {error && <ErrorBanner message={error} />}
        {message && (
          <p className="event-message" role="status">
            {t(message)}
          </p>
        )}
        {claimNews && (
          <p className="event-message" role="status">
            {claimNews}
          </p>
        )}
        {editingClaim !== null && (
          <ClaimDialog subject={{ claimId: editingClaim }} onClose={() => setEditingClaim(null)} onDone={(news) => (setEditingClaim(null), setMessage(null), setClaimNews(news))} />
        )}
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
            <header className="event-header">
              <h1>
                <bdi>{event.title}</bdi>
              </h1>
              <button type="button" onClick={() => (setMessage(null), setClaimNews(null), setEditing(true))}>
                {t('editEventButton')}
              </button>
              <button type="button" onClick={() => (setMessage(null), setDeleting(true))}>
                {t('deleteEventButton')}
              </button>
              <AddToReport key={event.id} eventId={event.id} />
            </header>
            <p className="muted">
              {[dateLabel(event.date), event.placeName, eventTypeText(event, lang), t('independentSources', { n: event.independentSources })].filter(Boolean).join(' · ')}
            </p>
            {(event.actors.length > 0 || event.description) && (
              <dl className="event-facts">
                {event.actors.length > 0 && (
                  <>
                    <dt>{t('actors')}</dt>
                    <dd data-testid="event-actors">
                      {event.actors.map((actor, index) => (
                        <span key={actor.entityId}>
                          {index > 0 && t('listSeparator')}
                          <bdi>{actor.name}</bdi>
                        </span>
                      ))}
                    </dd>
                  </>
                )}
                {event.description && (
                  <>
                    <dt>{t('description')}</dt>
                    <dd dir="auto" className="event-description">
                      {event.description}
                    </dd>
                  </>
                )}
              </dl>
            )}
            {editing && <EventDialog key={event.id} event={event} onClose={() => setEditing(false)} onSaved={() => (setEditing(false), setMessage('eventSaved'))} />}
            {deleting && (
              <Modal title={t('deleteEventTitle', { title: event.title })} onClose={() => setDeleting(false)}>
                <p>{t('deleteEventQuestion', { n: event.claimCount })}</p>
                <div className="dialog-actions">
                  <button type="button" className="danger" onClick={() => void remove(event.id)}>
                    {t('delete')}
                  </button>
                  <button type="button" onClick={() => setDeleting(false)}>
                    {t('cancel')}
                  </button>
                </div>
              </Modal>
            )}
            {event.contested && <ContestedReasons event={event} />}
            <SourceReports event={event} />
            <h2>{t('claims')}</h2>
            <table className="event-claims">
              <thead>
                <tr>
                  <th>{t('quote')}</th>
                  <th>{t('chain')}</th>
                  <th>{t('relation')}</th>
                  <th>{t('reportedDate')}</th>
                  <th>{t('place')}</th>
                  <th>{t('figures')}</th>
                  <th>{t('reliability')}</th>
                  <th>{t('grade')}</th>
                  <th>
                    <span className="visually-hidden">{t('editColumn')}</span>
                  </th>
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
                      <bdi>{chainText(claim, dir)}</bdi>
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
                    <td>
                      <bdi dir="ltr">{dateLabel(claim.reportedDate)}</bdi>
                    </td>
                    <td>
                      <bdi>{claim.placeName}</bdi>
                    </td>
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
                    <td>
                      <button type="button" onClick={() => (setClaimNews(null), setEditingClaim(claim.id))}>
                        {t('editClaimButton')}
                      </button>
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
