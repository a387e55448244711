/**
 * Makes a claim of a passage: Sanad proposes the chain of sources from the text (the outlet
 * first, then whom it cites, the origin last), and beside it the sources the text names side by
 * side, each a separate attribution the analyst may save as a claim of its own or use instead;
 * the analyst corrects the chain, says what is claimed, the stance, the date and place it reports
 * and the event it bears on.
 */
import { useEffect, useState } from 'react';
import type { ChainInput, ClaimRelation, ClaimStance, Figure, SourceRole } from '../../../electron/api/contract';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { typedDate, typedText } from './DateField';
import { EntityChips, EntityPicker } from './EntityPicker';
import { ErrorBanner } from './ErrorBanner';
import { Modal } from './Modal';
import { chainOfNames } from '../sources';

/** The source roles, in the order the role list offers them. */
export const SOURCE_ROLES: readonly SourceRole[] = ['outlet', 'agency', 'government', 'official', 'military', 'armed_group', 'ngo', 'social_media', 'unnamed'];

/** The options of a relation list: supports, contradicts, mentions, in the interface language. */
export function RelationOptions() {
  const { t } = useI18n();
  return (['supports', 'contradicts', 'mentions'] as const).map((r) => (
    <option key={r} value={r}>
      {t(`relation_${r}`)}
    </option>
  ));
}

type Link = ChainInput & { key: number; name: string };

/** A chain proposed beside the one being edited (sources named side by side), and whether to save a claim of its own for it. */
interface ParallelChain {
  key: number;
  links: Link[];
  separate: boolean;
}

/** A chain as createClaim takes it. */
const chainInput = (links: readonly Link[]): ChainInput[] => links.map(({ entityId, name, role }) => (entityId === null ? { entityId, name, role: role ?? null } : { entityId, role }));

interface Props {
  articleId: number;
  span: { start: number; end: number };
  quote: string;
  /** The article's outlet, shown as the chain's first link. */
  outlet: string | null;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** The dialog. */
export function ClaimDialog({ articleId, span, quote, outlet, onDone, onClose }: Props) {
  const { t, dir } = useI18n();
  const events = useApiQuery('listEvents', {});
  const entities = useApiQuery('listEntities', {});
  const [place, setPlace] = useState<{ entityId: number; name: string } | null>(null);
  const [chain, setChain] = useState<Link[] | null>(null);
  const [parallel, setParallel] = useState<ParallelChain[]>([]);
  const [statement, setStatement] = useState('');
  const [stance, setStance] = useState<ClaimStance>('asserts');
  const [date, setDate] = useState('');
  const [eventId, setEventId] = useState<string>('');
  const [newEvent, setNewEvent] = useState('');
  const [relation, setRelation] = useState<ClaimRelation>('supports');
  const [addName, setAddName] = useState('');
  const [figures, setFigures] = useState<Figure[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.proposeClaim({ articleId, ...span }).then(
      (proposal) => {
        if (!live) return;
        setChain(proposal.chain.map((link, key) => ({ ...link, key }) as Link));
        setParallel(proposal.parallel.map((links, key) => ({ key, links: links.map((link, n) => ({ ...link, key: n }) as Link), separate: false })));
        // The date and figures the passage reports, typed as the analyst would type them.
        if (proposal.reportedDate) setDate(typedText(proposal.reportedDate).from);
        setFigures(proposal.figures);
      },
      (e: Error) => live && (setChain([]), setError(e.message)),
    );
    return () => void (live = false);
  }, [articleId, span]);

  const update = (key: number, change: Partial<Link>) => setChain((links) => links!.map((l) => (l.key === key ? ({ ...l, ...change } as Link) : l)));
  const move = (index: number, by: number) =>
    setChain((links) => {
      const next = [...links!];
      const [link] = next.splice(index, 1);
      next.splice(Math.max(0, Math.min(next.length, index + by)), 0, link!);
      return next;
    });
  /** Swaps the chain being edited with a parallel one: the analyst reads the passage the other way. */
  const useInstead = (key: number) => {
    const chosen = parallel.find((p) => p.key === key)!;
    setParallel(parallel.map((p) => (p.key === key ? { ...p, links: chain ?? [] } : p)));
    setChain(chosen.links);
  };
  const shownChain = (links: readonly Link[]) => chainOfNames([outlet ?? t('noOutlet'), ...links.map((l) => l.name)], dir);
  const dateRange = date.trim() ? typedDate(date) : null;
  const submit = async () => {
    if (date.trim() && !dateRange) return setError(t('dateNotUnderstood', { date }));
    try {
      const eventIdNumber = newEvent.trim() ? (await api.createEvent({ title: newEvent.trim() })).id : eventId ? Number(eventId) : undefined;
      const fields = {
        articleId,
        ...span,
        statement: statement.trim() || null,
        stance,
        reportedDate: dateRange,
        placeId: place?.entityId ?? null,
        figures,
        ...(eventIdNumber !== undefined && { eventId: eventIdNumber, relation }),
      };
      const claim = await api.createClaim({ ...fields, chain: chainInput(chain ?? []) });
      // Each parallel attribution the analyst keeps is a claim of its own on the same passage.
      const separate = parallel.filter((p) => p.separate);
      for (const other of separate) await api.createClaim({ ...fields, chain: chainInput(other.links) });
      if (separate.length > 0) onDone(t('claimsCreated', { n: separate.length + 1 }));
      else onDone(claim.grade.includes('?') ? t('claimSavedUngraded') : t('claimCreated', { grade: claim.grade }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal title={t('newClaim')} onClose={onClose}>
      <form
        className="claim-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <blockquote dir="auto">{quote}</blockquote>
        <fieldset>
          <legend>{t('chainOfSources')}</legend>
          {chain === null ? (
            <p className="muted">{t('proposingChain')}</p>
          ) : (
            <ol className="chain-editor">
              <li className="chain-outlet">
                <bdi>{outlet ?? t('noOutlet')}</bdi> <span className="muted">{t('role_outlet')}</span>
              </li>
              {chain.map((link, index) => (
                <li key={link.key} data-testid="chain-link">
                  <input value={link.name} aria-label={t('sourceName')} dir="auto" onChange={(e) => update(link.key, { name: e.target.value, entityId: null })} />
                  <select value={link.role ?? ''} aria-label={t('sourceRole')} onChange={(e) => update(link.key, { role: (e.target.value || null) as SourceRole | null })}>
                    <option value="">—</option>
                    {SOURCE_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`role_${role}`)}
                      </option>
                    ))}
                  </select>
                  <button type="button" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('moveEarlier')}>
                    ↑
                  </button>
                  <button type="button" onClick={() => move(index, 1)} disabled={index === chain.length - 1} aria-label={t('moveLater')}>
                    ↓
                  </button>
                  <button type="button" onClick={() => setChain(chain.filter((l) => l.key !== link.key))} aria-label={t('removeSource', { name: link.name })}>
                    ×
                  </button>
                </li>
              ))}
            </ol>
          )}
          {chain?.length === 0 && <p className="muted">{t('outletIsOrigin')}</p>}
          <div className="chain-add">
            <input value={addName} onChange={(e) => setAddName(e.target.value)} placeholder={t('addSource')} aria-label={t('addSource')} dir="auto" />
            <button
              type="button"
              disabled={!addName.trim()}
              onClick={() => (setChain([...(chain ?? []), { key: Date.now(), entityId: null, name: addName.trim(), role: null }]), setAddName(''))}
            >
              {t('add')}
            </button>
          </div>
          {parallel.length > 0 && (
            <div className="parallel-chains" role="group" aria-label={t('parallelSources')}>
              <p className="muted">{t('parallelSources')}</p>
              <ul>
                {parallel.map((p) => (
                  <li key={p.key} data-testid="parallel-chain">
                    <bdi className="parallel-chain">{shownChain(p.links)}</bdi>
                    <label>
                      <input
                        type="checkbox"
                        checked={p.separate}
                        aria-label={t('separateClaimFor', { chain: shownChain(p.links) })}
                        onChange={(e) => setParallel(parallel.map((q) => (q.key === p.key ? { ...q, separate: e.target.checked } : q)))}
                      />{' '}
                      {t('separateClaim')}
                    </label>
                    <button type="button" onClick={() => useInstead(p.key)} aria-label={t('useChainInstead', { chain: shownChain(p.links) })}>
                      {t('useInstead')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </fieldset>
        <label>
          {t('statement')}
          <textarea value={statement} onChange={(e) => setStatement(e.target.value)} dir="auto" rows={2} />
        </label>
        <div className="claim-row">
          <label>
            {t('stance')}
            <select value={stance} onChange={(e) => setStance(e.target.value as ClaimStance)}>
              {(['asserts', 'denies', 'speculates'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`stance_${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('reportedDate')}
            <input className="date-field" value={date} onChange={(e) => setDate(e.target.value)} dir="ltr" inputMode="numeric" placeholder={t('datePlaceholder')} />
          </label>
        </div>
        <div className="entity-field" role="group" aria-label={t('place')}>
          <span>{t('place')}</span>
          {place && <EntityChips entities={[place]} removeLabel={(name) => t('removePlace', { name })} onRemove={() => setPlace(null)} />}
          <EntityPicker label={t('choosePlace')} entities={entities.data ?? []} preferKind="place" exclude={place ? [place.entityId] : []} onPick={(e) => setPlace({ entityId: e.id, name: e.name })} />
        </div>
        {figures.length > 0 && (
          <div className="claim-figures" aria-label={t('figures')} role="group">
            {t('figures')}:{' '}
            {figures.map((figure, index) => (
              <span key={index} className="figure-chip" dir="auto">
                {[figure.value.toLocaleString('en-GB'), figure.unit, figure.counted].filter(Boolean).join(' ')}
                <button type="button" className="chip-remove" aria-label={t('removeFigure')} onClick={() => setFigures(figures.filter((_, i) => i !== index))}>
                  ×
                </button>
              </span>
            ))}
          </div>
        )}
        <div className="claim-row">
          <label>
            {t('event')}
            <select value={eventId} onChange={(e) => setEventId(e.target.value)} disabled={Boolean(newEvent.trim())}>
              <option value="">—</option>
              {events.data?.map((event) => (
                <option key={event.id} value={event.id}>
                  {event.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('orNewEvent')}
            <input value={newEvent} onChange={(e) => setNewEvent(e.target.value)} dir="auto" />
          </label>
          <label>
            {t('relation')}
            <select value={relation} onChange={(e) => setRelation(e.target.value as ClaimRelation)}>
              <RelationOptions />
            </select>
          </label>
        </div>
        {error && <ErrorBanner message={error} />}
        <div className="dialog-actions">
          <button type="submit" disabled={chain === null}>
            {t('saveClaim')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
