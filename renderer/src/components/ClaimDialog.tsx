/**
 * Makes a claim of a passage, or edits a saved one. For a new claim Sanad proposes the chain of
 * sources from the text (the outlet first, then whom it cites, the origin last), and beside it
 * the sources the text names side by side, each a separate attribution the analyst may save as a
 * claim of its own or use instead; the analyst corrects the chain, says what is claimed, the
 * stance, the date and place it reports, the events it bears on, and its credibility (Sanad
 * suggests one from corroboration; the analyst decides). Saving an edit is one undoable step.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ChainInput, Claim, ClaimRelation, ClaimStance, Figure, SourceRole } from '../../../electron/api/contract';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { Grade } from './Grade';
import { DateField, typedRange, typedText } from './DateField';
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

/** An event the claim bears on, and how. */
interface EventLink {
  eventId: number;
  title: string;
  relation: ClaimRelation;
}

/** A chain as createClaim takes it. */
const chainInput = (links: readonly Link[]): ChainInput[] => links.map(({ entityId, name, role }) => (entityId === null ? { entityId, name, role: role ?? null } : { entityId, role }));

/** The credibilities of the Admiralty scale, 1 (confirmed by other sources) to 6 (truth cannot be judged). */
const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;

/** A selection of this many words or fewer is rarely a whole claim: the dialog says so (and still saves). */
const TINY_PASSAGE_WORDS = 2;

/** A passage to make a claim of. */
export interface NewClaimSubject {
  articleId: number;
  span: { start: number; end: number };
  quote: string;
  /** The article's outlet, shown as the chain's first link. */
  outlet: string | null;
}

interface Props {
  /** A passage to make a claim of, or a saved claim to edit. */
  subject: NewClaimSubject | { claimId: number };
  onDone: (message: string) => void;
  onClose: () => void;
}

/** The dialog. */
export function ClaimDialog({ subject, onDone, onClose }: Props) {
  const { t, dir } = useI18n();
  const claimId = 'claimId' in subject ? subject.claimId : null;
  const newSubject = 'claimId' in subject ? null : subject;
  const [saved, setSaved] = useState<(Claim & { suggestedCredibility: number }) | null>(null);
  // What the dialog is about: the passage given, or the saved claim's once it has arrived.
  const articleId = newSubject?.articleId ?? saved?.articleId;
  const quote = newSubject?.quote ?? saved?.quote ?? '';
  const outlet = newSubject ? newSubject.outlet : (saved?.outlet?.name ?? null);
  const events = useApiQuery('listEvents', {});
  const entities = useApiQuery('listEntities', {});
  const mentions = useApiQuery('listMentions', { articleId: articleId ?? 0 }, { enabled: articleId !== undefined });
  const [place, setPlace] = useState<{ entityId: number; name: string } | null>(null);
  const [chain, setChain] = useState<Link[] | null>(null);
  const [parallel, setParallel] = useState<ParallelChain[]>([]);
  const [statement, setStatement] = useState('');
  const [stance, setStance] = useState<ClaimStance>('asserts');
  const [date, setDate] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [links, setLinks] = useState<EventLink[]>([]);
  const [eventId, setEventId] = useState<string>('');
  const [newEvent, setNewEvent] = useState('');
  const [relation, setRelation] = useState<ClaimRelation>('supports');
  const [addName, setAddName] = useState('');
  const [figures, setFigures] = useState<Figure[]>([]);
  const [credibility, setCredibility] = useState<number | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The subject is named by its claim id or its passage, not by the object the caller made.
  const passageArticleId = newSubject?.articleId;
  const span = newSubject?.span;
  useEffect(() => {
    let live = true;
    const fail = (e: Error) => live && (setChain([]), setError(e.message));
    if (claimId !== null) {
      api.getClaim({ id: claimId }).then((claim) => {
        if (!live) return;
        setSaved(claim);
        setChain(claim.chain.map(({ entityId, name, role }, key) => ({ key, entityId, name, role })));
        setStatement(claim.statement ?? '');
        setStance(claim.stance);
        const typed = typedText(claim.reportedDate);
        setDate(typed.from);
        setDateTo(typed.to);
        setPlace(claim.placeId === null ? null : { entityId: claim.placeId, name: claim.placeName ?? '' });
        setFigures(claim.figures);
        setCredibility(claim.credibility);
        setLinks(claim.events);
      }, fail);
    } else if (passageArticleId !== undefined && span) {
      api.proposeClaim({ articleId: passageArticleId, ...span }).then((proposal) => {
        if (!live) return;
        setChain(proposal.chain.map((link, key) => ({ ...link, key }) as Link));
        setParallel(proposal.parallel.map((links, key) => ({ key, links: links.map((link, n) => ({ ...link, key: n }) as Link), separate: false })));
        // The date and figures the passage reports, typed as the analyst would type them.
        const typed = typedText(proposal.reportedDate);
        setDate(typed.from);
        setDateTo(typed.to);
        setFigures(proposal.figures);
      }, fail);
    }
    return () => void (live = false);
  }, [claimId, passageArticleId, span]);

  /** The places the passage names (mentions accepted or suggested), offered first in the place picker. */
  const placesInPassage = useMemo(
    () => [...new Set((mentions.data ?? []).filter((m) => m.kind === 'place' && m.status !== 'rejected' && quote.includes(m.exact)).map((m) => m.entityId))],
    [mentions.data, quote],
  );
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
  // The grade as it will be: the origin's reliability (the chain's last source, or the outlet) and the credibility chosen.
  const originId = chain?.length ? chain.at(-1)!.entityId : (saved?.outlet?.entityId ?? entities.data?.find((e) => e.name === outlet)?.id ?? null);
  const reliability = (originId !== null && entities.data?.find((e) => e.id === originId)?.reliability) || '?';
  const grade = `${reliability}${credibility ?? '?'}`;
  const tiny = quote.trim().split(/\s+/u).length <= TINY_PASSAGE_WORDS && !statement.trim();
  const suggestion = saved?.suggestedCredibility ?? null;
  const credibilityLabel = (n: number) => t(`credibility_${n as (typeof CREDIBILITIES)[number]}`);
  /** What the notice says once a claim is saved: its grade, or what it still needs for one. */
  const savedMessage = (claim: Claim) => (claim.grade.includes('?') ? t('claimSavedUngraded') : t('claimCreated', { grade: claim.grade }));

  const submit = async () => {
    const reportedDate = typedRange(date, dateTo);
    if (reportedDate && 'invalid' in reportedDate) return setError(t('dateNotUnderstood', { date: reportedDate.invalid }));
    try {
      const eventIdNumber = newEvent.trim() ? (await api.createEvent({ title: newEvent.trim() })).id : eventId ? Number(eventId) : undefined;
      const fields = {
        statement: statement.trim() || null,
        stance,
        reportedDate,
        placeId: place?.entityId ?? null,
        figures,
        credibility,
      };
      if (saved) {
        const added = eventIdNumber === undefined ? [] : [{ eventId: eventIdNumber, relation }];
        const claim = await api.updateClaim({ id: saved.id, ...fields, chain: chainInput(chain ?? []), events: [...links.map(({ eventId, relation }) => ({ eventId, relation })), ...added] });
        return onDone(savedMessage(claim));
      }
      const passage = { articleId: articleId!, ...span! };
      const claim = await api.createClaim({ ...passage, ...fields, chain: chainInput(chain ?? []), ...(eventIdNumber !== undefined && { eventId: eventIdNumber, relation }) });
      // Each parallel attribution the analyst keeps is a claim of its own on the same passage.
      const separate = parallel.filter((p) => p.separate);
      for (const other of separate) await api.createClaim({ ...passage, ...fields, chain: chainInput(other.links), ...(eventIdNumber !== undefined && { eventId: eventIdNumber, relation }) });
      if (separate.length > 0) return onDone(t('claimsCreated', { n: separate.length + 1 }));
      // Linked to an event, the claim now has the corroboration Sanad suggests a credibility from.
      const suggested = eventIdNumber !== undefined && credibility === null ? (await api.getClaim({ id: claim.id })).suggestedCredibility : null;
      onDone(suggested === null ? savedMessage(claim) : `${savedMessage(claim)} ${t('suggestionAfterSave', { label: credibilityLabel(suggested) })}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = async () => {
    try {
      await api.deleteClaim({ id: saved!.id });
      onDone(t('claimDeleted'));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const linkedIds = links.map((l) => l.eventId);
  return (
    <Modal title={claimId === null ? t('newClaim') : t('editClaim')} onClose={onClose}>
      <form
        className="claim-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <blockquote dir="auto">{quote}</blockquote>
        {tiny && chain !== null && (
          <p className="gentle-warning" role="note">
            {t('tinyClaim')}
          </p>
        )}
        <fieldset>
          <legend>{t('chainOfSources')}</legend>
          {chain === null ? (
            <p className="muted">{claimId === null ? t('proposingChain') : t('loading')}</p>
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
                  <button type="button" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('moveEarlier')} title={t('moveEarlier')}>
                    ↑
                  </button>
                  <button type="button" onClick={() => move(index, 1)} disabled={index === chain.length - 1} aria-label={t('moveLater')} title={t('moveLater')}>
                    ↓
                  </button>
                  <button
                    type="button"
                    onClick={() => setChain(chain.filter((l) => l.key !== link.key))}
                    aria-label={t('removeSource', { name: link.name })}
                    title={t('removeSource', { name: link.name })}
                  >
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
            <DateField value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            {t('eventDateTo')}
            <DateField value={dateTo} onChange={(e) => setDateTo(e.target.value)} />
          </label>
        </div>
        <div className="entity-field" role="group" aria-label={t('place')}>
          <span>{t('place')}</span>
          {place && <EntityChips entities={[place]} removeLabel={(name) => t('removePlace', { name })} onRemove={() => setPlace(null)} />}
          <EntityPicker
            label={t('choosePlace')}
            entities={entities.data ?? []}
            preferKind="place"
            addAs="place"
            suggested={placesInPassage}
            exclude={place ? [place.entityId] : []}
            onPick={(e) => setPlace({ entityId: e.id, name: e.name })}
          />
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
        {links.length > 0 && (
          <div className="claim-events" role="group" aria-label={t('linkedEvents')}>
            <span>{t('linkedEvents')}</span>
            <ul>
            {links.map((link) => (
              <li key={link.eventId}>
                <bdi>{link.title}</bdi>
                <select
                  value={link.relation}
                  aria-label={t('relationTo', { title: link.title })}
                  onChange={(e) => setLinks(links.map((l) => (l.eventId === link.eventId ? { ...l, relation: e.target.value as ClaimRelation } : l)))}
                >
                  <RelationOptions />
                </select>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('unlinkEvent', { title: link.title })}
                  title={t('unlinkEvent', { title: link.title })}
                  onClick={() => setLinks(links.filter((l) => l.eventId !== link.eventId))}
                >
                  ×
                </button>
              </li>
            ))}
            </ul>
          </div>
        )}
        <div className="claim-row">
          <label>
            {t('event')}
            <select value={eventId} onChange={(e) => setEventId(e.target.value)} disabled={Boolean(newEvent.trim())}>
              <option value="">—</option>
              {events.data
                ?.filter((event) => !linkedIds.includes(event.id))
                .map((event) => (
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
        <div className="claim-row credibility-row">
          <label>
            {t('credibility')}
            <select value={credibility ?? ''} onChange={(e) => setCredibility(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t('credibilityNone')}</option>
              {CREDIBILITIES.map((n) => (
                <option key={n} value={n}>
                  {credibilityLabel(n)}
                </option>
              ))}
            </select>
          </label>
          <span className="claim-grade" data-testid="dialog-grade">
            {t('grade')}: <Grade grade={grade} />
          </span>
        </div>
        {suggestion !== null ? (
          <p className="credibility-suggestion" data-testid="credibility-suggestion">
            <span>{t('suggestedCredibility', { label: credibilityLabel(suggestion) })}</span>{' '}
            <button type="button" onClick={() => setCredibility(suggestion)} disabled={credibility === suggestion}>
              {t('useSuggestion')}
            </button>
          </p>
        ) : (
          claimId === null &&
          (eventId || newEvent.trim()) && (
            <p className="muted" data-testid="credibility-suggestion">
              {t('suggestionOnceSaved')}
            </p>
          )
        )}
        {error && <ErrorBanner message={error} />}
        {confirmingDelete ? (
          <div className="dialog-actions confirm-delete" role="group" aria-label={t('deleteClaim')}>
            <p>{t('deleteClaimQuestion')}</p>
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('delete')}
            </button>
            <button type="button" onClick={() => setConfirmingDelete(false)}>
              {t('cancel')}
            </button>
          </div>
        ) : (
          <div className="dialog-actions">
            <button type="submit" disabled={chain === null}>
              {t('saveClaim')}
            </button>
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
            {saved && (
              <button type="button" className="danger delete-claim" onClick={() => setConfirmingDelete(true)}>
                {t('deleteClaim')}
              </button>
            )}
          </div>
        )}
      </form>
    </Modal>
  );
}
