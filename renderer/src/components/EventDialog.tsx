/**
 * Editing an event: its title, its type and sub-type (ACLED's, in the interface language, or the
 * analyst's own), its date or range, its place and actors (entities), and a description. Saving
 * is one undoable step.
 */
import { useState } from 'react';
import type { EventDetail } from '../../../electron/api/contract';
import { ACLED_EVENT_TYPES, type AcledName, acledEventType, acledSubEventType } from '../../../db/acled';
import { api } from '../api';
import { type UiLanguage, useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { DateField, typedRange, typedText } from './DateField';
import { EntityChips, EntityPicker } from './EntityPicker';
import { ErrorBanner } from './ErrorBanner';
import { Modal } from './Modal';

/** An ACLED type's or sub-type's label in the interface language. */
export function acledLabel(name: AcledName, lang: UiLanguage): string {
  return lang === 'ar' ? name.ar : name.name;
}

/** An event's type and sub-type as the screens show them: ACLED's in the interface language, the analyst's own as written. */
export function eventTypeText(event: Pick<EventDetail, 'eventType' | 'subEventType'>, lang: UiLanguage): string {
  const type = event.eventType && acledEventType(event.eventType);
  const sub = event.subEventType && acledSubEventType(event.subEventType);
  return [type ? acledLabel(type, lang) : event.eventType, sub ? acledLabel(sub.subEventType, lang) : event.subEventType].filter(Boolean).join(' › ');
}

/** The options of a list of ACLED's event types, in the interface language, after the option for none (labelled `none`). */
export function EventTypeOptions({ none = '—' }: { none?: string }) {
  const { lang } = useI18n();
  return (
    <>
      <option value="">{none}</option>
      {ACLED_EVENT_TYPES.map((type) => (
        <option key={type.name} value={type.name}>
          {acledLabel(type, lang)}
        </option>
      ))}
    </>
  );
}

/** The value of the type list that opens a field for a type of the analyst's own. */
const OWN_TYPE = '\u0000own';

/** The edit dialog of `event`; `onSaved` runs once the change is stored. */
export function EventDialog({ event, onSaved, onClose }: { event: EventDetail; onSaved: () => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const entities = useApiQuery('listEntities', {});
  const [title, setTitle] = useState(event.title);
  const initialAcled = event.eventType ? acledEventType(event.eventType) : undefined;
  const [typeChoice, setTypeChoice] = useState(initialAcled?.name ?? (event.eventType ? OWN_TYPE : ''));
  const [ownType, setOwnType] = useState(initialAcled ? '' : (event.eventType ?? ''));
  const [subType, setSubType] = useState(event.subEventType ?? '');
  const initialDate = typedText(event.date);
  const [dateFrom, setDateFrom] = useState(initialDate.from);
  const [dateTo, setDateTo] = useState(initialDate.to);
  const [place, setPlace] = useState(event.placeId === null ? null : { entityId: event.placeId, name: event.placeName ?? '' });
  const [actors, setActors] = useState(event.actors);
  const [description, setDescription] = useState(event.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const acled = ACLED_EVENT_TYPES.find((type) => type.name === typeChoice);

  const save = async () => {
    const date = typedRange(dateFrom, dateTo);
    if (date && 'invalid' in date) return setError(t('dateNotUnderstood', { date: date.invalid }));
    try {
      await api.updateEvent({
        id: event.id,
        title,
        eventType: typeChoice === OWN_TYPE ? ownType : typeChoice || null,
        subEventType: typeChoice ? subType : null,
        date,
        placeId: place?.entityId ?? null,
        actorIds: actors.map((a) => a.entityId),
        description,
      });
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Modal title={t('editEvent')} onClose={onClose}>
      <form
        className="event-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('eventTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" required />
        </label>
        <div className="claim-row">
          <label>
            {t('eventType')}
            <select value={typeChoice} onChange={(e) => (setTypeChoice(e.target.value), setSubType(''))}>
              <EventTypeOptions />
              <option value={OWN_TYPE}>{t('ownType')}</option>
            </select>
          </label>
          {typeChoice === OWN_TYPE && (
            <label>
              {t('ownTypeName')}
              <input value={ownType} onChange={(e) => setOwnType(e.target.value)} dir="auto" required />
            </label>
          )}
          {acled && (
            <label>
              {t('subEventType')}
              <select value={subType} onChange={(e) => setSubType(e.target.value)}>
                <option value="">—</option>
                {acled.subEventTypes.map((sub) => (
                  <option key={sub.name} value={sub.name}>
                    {acledLabel(sub, lang)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {typeChoice === OWN_TYPE && (
            <label>
              {t('subEventType')}
              <input value={subType} onChange={(e) => setSubType(e.target.value)} dir="auto" />
            </label>
          )}
        </div>
        <div className="claim-row">
          <label>
            {t('eventDateFrom')}
            <DateField value={dateFrom} onChange={(e) => setDateFrom(e.target.value)} />
          </label>
          <label>
            {t('eventDateTo')}
            <DateField value={dateTo} onChange={(e) => setDateTo(e.target.value)} />
          </label>
        </div>
        <div className="entity-field" role="group" aria-label={t('place')}>
          <span>{t('place')}</span>
          {place && <EntityChips entities={[place]} removeLabel={(name) => t('removePlace', { name })} onRemove={() => setPlace(null)} />}
          <EntityPicker label={t('choosePlace')} entities={entities.data ?? []} preferKind="place" addAs="place" exclude={place ? [place.entityId] : []} onPick={(e) => setPlace({ entityId: e.id, name: e.name })} />
        </div>
        <div className="entity-field" role="group" aria-label={t('actors')}>
          <span>{t('actors')}</span>
          <EntityChips entities={actors} removeLabel={(name) => t('removeActor', { name })} onRemove={(id) => setActors(actors.filter((a) => a.entityId !== id))} />
          <EntityPicker
            label={t('addActor')}
            entities={entities.data ?? []}
            exclude={actors.map((a) => a.entityId)}
            onPick={(e) => setActors([...actors, { entityId: e.id, name: e.name }])}
          />
        </div>
        <label>
          {t('description')}
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" rows={4} />
        </label>
        {error && <ErrorBanner message={error} />}
        <div className="dialog-actions">
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
