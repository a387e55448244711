/** Entities (people, organisations, places, other) with their aliases, and each one's page of mentions. */
import { useCallback, useState } from 'react';
import type { EntityKind, EntitySummary, Reliability, SourceRole } from '../../../electron/api/contract';
import { api } from '../api';
import { SOURCE_ROLES } from '../components/ClaimDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { MentionList } from '../components/MentionList';
import { useI18n } from '../i18n';
import { useAction } from '../useAction';
import { useApiQuery } from '../queries';

/** The kinds of entity as <option>s, in the order the interface offers them. */
export function EntityKindOptions() {
  const { t } = useI18n();
  return (
    <>
      {(['person', 'organisation', 'place', 'other'] as const).map((k) => (
        <option key={k} value={k}>
          {t(`kind_${k}`)}
        </option>
      ))}
    </>
  );
}

/** What an entity is as a source: its role, its reliability (A–F) and the note on why; saved as one undoable step. */
function SourceFields({ entity, run }: { entity: EntitySummary; run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useI18n();
  const [role, setRole] = useState(entity.role ?? '');
  const [reliability, setReliability] = useState(entity.reliability ?? '');
  const [note, setNote] = useState(entity.reliabilityNote ?? '');
  return (
    <form
      className="source-fields"
      aria-label={t('asSource')}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() =>
          api.updateEntity({ id: entity.id, role: (role || null) as SourceRole | null, reliability: (reliability || null) as Reliability | null, reliabilityNote: note.trim() || null }),
        );
      }}
    >
      <label>
        {t('sourceRole')}
        <select value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">—</option>
          {SOURCE_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role_${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reliability')}
        <select value={reliability} onChange={(e) => setReliability(e.target.value)}>
          <option value="">?</option>
          {(['A', 'B', 'C', 'D', 'E', 'F'] as const).map((r) => (
            <option key={r} value={r}>
              {t(`reliability_${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="wide">
        {t('reliabilityNote')}
        <input value={note} onChange={(e) => setNote(e.target.value)} dir="auto" />
      </label>
      <button type="submit">{t('save')}</button>
    </form>
  );
}

/**
 * Merges a source into another the analyst says is the same one ("مصادر مطلعة (العربية)" and
 * "informed sources (Al Arabiya)"): its claims, events and mentions move there, its names become
 * aliases there. One undoable step.
 */
function MergeSource({ entity, entities, run, onMerged }: { entity: EntitySummary; entities: EntitySummary[]; run: (work: () => Promise<unknown>) => Promise<void>; onMerged: (targetId: number) => void }) {
  const { t } = useI18n();
  const [targetId, setTargetId] = useState('');
  // Sources first, then other entities, each by name.
  const targets = entities.filter((e) => e.id !== entity.id).sort((a, b) => Number(a.role === null) - Number(b.role === null) || a.name.localeCompare(b.name));
  return (
    <form
      className="source-fields merge-source"
      aria-label={t('mergeSource', { name: entity.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const target = await api.mergeSources({ sourceId: entity.id, targetId: Number(targetId) });
          setTargetId('');
          onMerged(target.id);
        });
      }}
    >
      <label className="wide">
        {t('mergeInto')}
        <select value={targetId} onChange={(e) => setTargetId(e.target.value)}>
          <option value="">—</option>
          {targets.map((e) => (
            <option key={e.id} value={e.id}>
              {e.role ? `${e.name} · ${t(`role_${e.role}`)}` : `${e.name} · ${t(`kind_${e.kind}`)}`}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!targetId}>
        {t('merge')}
      </button>
      <p className="muted">{t('mergeSourceHint')}</p>
    </form>
  );
}

/** The entities screen. */
export function EntitiesScreen({ onOpen }: { onOpen: (articleId: number) => void }) {
  const { t } = useI18n();
  const entities = useApiQuery('listEntities', {});
  const [selected, setSelected] = useState<number | null>(null);
  const mentions = useApiQuery('listMentions', { entityId: selected ?? undefined }, { enabled: selected !== null });
  const [kind, setKind] = useState<EntityKind>('place');
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [alias, setAlias] = useState('');
  const { error, setError, run } = useAction(
    useCallback(() => {
      entities.reload();
      mentions.reload();
    }, [entities, mentions]),
  );
  const entity = entities.data?.find((e) => e.id === selected);
  return (
    <section className="entities" aria-label={t('entities')}>
      <form
        className="toolbar entity-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const created = await api.createEntity({ kind, name, aliases: aliases.split(/[,،]/).map((a) => a.trim()).filter(Boolean) });
            setSelected(created.id);
            setName('');
            setAliases('');
          });
        }}
      >
        <select value={kind} onChange={(e) => setKind(e.target.value as EntityKind)} aria-label={t('entityKind')}>
          <EntityKindOptions />
        </select>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('entityName')} aria-label={t('entityName')} dir="auto" required />
        <input value={aliases} onChange={(e) => setAliases(e.target.value)} placeholder={t('aliasesField')} aria-label={t('aliasesField')} dir="auto" />
        <button type="submit">{t('addEntity')}</button>
      </form>
      {(error || entities.error) && <ErrorBanner message={(error ?? entities.error)!} />}
      <div className="entities-layout">
        <ul className="entity-list">
          {entities.data?.length === 0 && <li className="muted">{t('noEntities')}</li>}
          {entities.data?.map((e) => (
            <li key={e.id} aria-current={e.id === selected}>
              <button type="button" className="entity-button" onClick={() => setSelected(e.id)}>
                <strong dir="auto">{e.name}</strong> <span className="muted">{t(`kind_${e.kind}`)}</span>
                <span className="muted" dir="auto">{e.aliases.join(' · ')}</span>
                <span className="muted">
                  {t('acceptedCount', { n: e.accepted })} · {t('suggestedCount', { n: e.suggested })}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {entity && (
          <div className="entity-page" aria-label={t('mentionsOf', { name: entity.name })}>
            <h2 dir="auto">{t('mentionsOf', { name: entity.name })}</h2>
            <form
              className="toolbar"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await api.addEntityAlias({ entityId: entity.id, alias });
                  setAlias('');
                });
              }}
            >
              <input value={alias} onChange={(e) => setAlias(e.target.value)} placeholder={t('addAlias')} aria-label={t('addAlias')} dir="auto" required />
              <button type="submit">{t('addAlias')}</button>
            </form>
            <SourceFields key={entity.id} entity={entity} run={run} />
            {entity.role !== null && <MergeSource key={`merge-${entity.id}`} entity={entity} entities={entities.data ?? []} run={run} onMerged={setSelected} />}
            <MentionList mentions={mentions.data ?? []} show="article" onChanged={() => (entities.reload(), mentions.reload())} onError={setError} onOpen={(m) => onOpen(m.articleId)} />
          </div>
        )}
      </div>
    </section>
  );
}
