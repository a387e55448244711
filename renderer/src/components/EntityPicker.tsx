/**
 * Choosing an entity by typing part of its name or an alias (spelt any way: hamza, ta marbuta,
 * case), as a combobox: the matches list below the field, arrows move, Enter or a click chooses,
 * Escape closes the list (and only the list, inside a dialog). Where the caller allows it, a name
 * no entity has can be added there and then, so the dialog around the field is not lost to go
 * and add it under Entities.
 */
import { useId, useMemo, useState } from 'react';
import type { EntityKind, EntitySummary } from '../../../electron/api/contract';
import { foldPhrase } from '../../../db/text/phrase-tokens';
import { api } from '../api';
import { useI18n } from '../i18n';

/** Most matches listed at once: typing more narrows them. */
const MATCHES_SHOWN = 8;

interface Props {
  /** The field's accessible name (and the list's). */
  label: string;
  entities: readonly EntitySummary[];
  onPick: (entity: EntitySummary) => void;
  /** Entities not to offer (those already chosen). */
  exclude?: readonly number[];
  /** Entities of this kind are listed first (places, for a place). */
  preferKind?: EntityKind;
  /** Offers to add the typed name as a new entity of this kind when no entity has exactly that name. */
  addAs?: EntityKind;
  /** Entities the passage at hand names: listed first, and offered before anything is typed. */
  suggested?: readonly number[];
}

/** One line of the list: an entity, or the typed name to add as a new one. */
type Choice = { entity: EntitySummary; inPassage: boolean } | { add: string };

/** A field that finds an entity as the analyst types and hands the chosen one to `onPick`. */
export function EntityPicker({ label, entities, onPick, exclude = [], preferKind, addAs, suggested = [] }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const folded = useMemo(() => entities.map((entity) => ({ entity, names: [entity.name, ...entity.aliases].map(foldPhrase) })), [entities]);
  const choices = useMemo<Choice[]>(() => {
    const wanted = foldPhrase(query);
    const offered = folded.filter(({ entity }) => !exclude.includes(entity.id));
    if (!wanted) return offered.filter(({ entity }) => suggested.includes(entity.id)).map(({ entity }) => ({ entity, inPassage: true }));
    const matches = offered
      .filter(({ names }) => names.some((name) => name.includes(wanted)))
      .map(({ entity, names }) => ({
        entity,
        rank: (suggested.includes(entity.id) ? 0 : 4) + (entity.kind === preferKind ? 0 : 2) + (names.some((name) => name.startsWith(wanted)) ? 0 : 1),
      }))
      .sort((a, b) => a.rank - b.rank || a.entity.name.localeCompare(b.entity.name))
      .slice(0, MATCHES_SHOWN)
      .map(({ entity }): Choice => ({ entity, inPassage: suggested.includes(entity.id) }));
    // A name an entity already has is chosen, not added again.
    const known = folded.some(({ entity, names }) => entity.kind === addAs && names.includes(wanted));
    return addAs && !known ? [...matches, { add: query.trim() }] : matches;
  }, [folded, query, exclude, preferKind, addAs, suggested]);
  const shown = open && choices.length > 0;
  const pick = async (choice: Choice) => {
    setQuery('');
    setOpen(false);
    if ('entity' in choice) return onPick(choice.entity);
    try {
      onPick(await api.createEntity({ kind: addAs!, name: choice.add }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (choices.length) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length);
    } else if (event.key === 'Enter' && shown) {
      // Enter chooses the match instead of submitting the form around the field.
      event.preventDefault();
      void pick(choices[active] ?? choices[0]!);
    } else if (event.key === 'Escape' && shown) {
      // Escape closes the list; the dialog stays open for the next Escape.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <div className="entity-picker">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        placeholder={t('findEntity')}
        dir="auto"
        value={query}
        onChange={(e) => (setQuery(e.target.value), setOpen(true), setActive(0))}
        onFocus={() => suggested.length > 0 && setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {shown && (
        <ul className="entity-matches" role="listbox" id={listId} aria-label={label}>
          {choices.map((choice, index) => (
            <li
              key={'entity' in choice ? choice.entity.id : 'add'}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={'add' in choice ? 'entity-add' : undefined}
              // Keeps the focus in the field, so the list is not closed before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void pick(choice)}
            >
              {'entity' in choice ? (
                <>
                  <bdi>{choice.entity.name}</bdi> <span className="muted">{t(`kind_${choice.entity.kind}`)}</span>
                  {choice.inPassage && <span className="muted"> · {t('inPassage')}</span>}
                </>
              ) : (
                t('addEntityAs', { name: choice.add, kind: addAs! })
              )}
            </li>
          ))}
        </ul>
      )}
      {open && query.trim() && choices.length === 0 && <p className="muted entity-no-match">{t('noEntityMatches')}</p>}
      {error && (
        <p className="muted entity-no-match" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Chosen entities as chips, each with a button that takes it off. */
export function EntityChips({ entities, removeLabel, onRemove }: { entities: readonly { entityId: number; name: string }[]; removeLabel: (name: string) => string; onRemove: (entityId: number) => void }) {
  return (
    <span className="entity-chips">
      {entities.map((entity) => (
        <span key={entity.entityId} className="figure-chip" data-testid="entity-chip">
          <bdi>{entity.name}</bdi>
          <button type="button" className="chip-remove" aria-label={removeLabel(entity.name)} onClick={() => onRemove(entity.entityId)}>
            ×
          </button>
        </span>
      ))}
    </span>
  );
}
