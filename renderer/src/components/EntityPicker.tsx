/**
 * Choosing an entity by typing part of its name or an alias (spelt any way: hamza, ta marbuta,
 * case), as a combobox: the matches list below the field, arrows move, Enter or a click chooses,
 * Escape closes the list (and only the list, inside a dialog).
 */
import { useId, useMemo, useState } from 'react';
import type { EntityKind, EntitySummary } from '../../../electron/api/contract';
import { foldPhrase } from '../../../db/text/phrase-tokens';
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
}

/** A field that finds an entity as the analyst types and hands the chosen one to `onPick`. */
export function EntityPicker({ label, entities, onPick, exclude = [], preferKind }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const folded = useMemo(() => entities.map((entity) => ({ entity, names: [entity.name, ...entity.aliases].map(foldPhrase) })), [entities]);
  const matches = useMemo(() => {
    const wanted = foldPhrase(query);
    if (!wanted) return [];
    return folded
      .filter(({ entity, names }) => !exclude.includes(entity.id) && names.some((name) => name.includes(wanted)))
      .map(({ entity, names }) => ({ entity, rank: (entity.kind === preferKind ? 0 : 2) + (names.some((name) => name.startsWith(wanted)) ? 0 : 1) }))
      .sort((a, b) => a.rank - b.rank || a.entity.name.localeCompare(b.entity.name))
      .slice(0, MATCHES_SHOWN)
      .map(({ entity }) => entity);
  }, [folded, query, exclude, preferKind]);
  const shown = open && matches.length > 0;
  const pick = (entity: EntitySummary) => {
    onPick(entity);
    setQuery('');
    setOpen(false);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (matches.length) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (event.key === 'Enter' && shown) {
      // Enter chooses the match instead of submitting the form around the field.
      event.preventDefault();
      pick(matches[active] ?? matches[0]!);
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
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {shown && (
        <ul className="entity-matches" role="listbox" id={listId} aria-label={label}>
          {matches.map((entity, index) => (
            <li
              key={entity.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Keeps the focus in the field, so the list is not closed before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(entity)}
            >
              <bdi>{entity.name}</bdi> <span className="muted">{t(`kind_${entity.kind}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {open && query.trim() && matches.length === 0 && <p className="muted entity-no-match">{t('noEntityMatches')}</p>}
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
