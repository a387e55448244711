/** The analyst's table of spelling variants: groups of words that search treats as one. */
import { useCallback, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../useAction';
import { useApiData } from '../useApiData';
import { ErrorBanner } from './ErrorBanner';
import { Modal } from './Modal';

/** Lists, adds and removes spelling-variant groups; `onChanged` lets the search re-run. */
export function VariantsDialog({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const groups = useApiData(() => api.listSpellingVariants({}), []);
  const [terms, setTerms] = useState('');
  const { error, run } = useAction(
    useCallback(() => {
      groups.reload();
      onChanged();
    }, [groups, onChanged]),
  );
  const add = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.addSpellingVariants({ terms: terms.split(/[,،\s]+/).filter(Boolean) });
      setTerms('');
    });
  };
  return (
    <Modal title={t('spellingVariants')} onClose={onClose}>
      <p className="muted">{t('variantsHelp')}</p>
      {(error || groups.error) && <ErrorBanner message={(error ?? groups.error)!} />}
      <form className="variant-form" onSubmit={add}>
        <input value={terms} onChange={(e) => setTerms(e.target.value)} placeholder={t('variantsPlaceholder')} dir="auto" aria-label={t('spellingVariants')} />
        <button type="submit">{t('addGroup')}</button>
      </form>
      <ul className="variant-groups">
        {groups.data?.map((group) => (
          <li key={group.groupId}>
            <span dir="auto">{group.terms.join(' · ')}</span>
            <button type="button" className="link" onClick={() => void run(() => api.deleteSpellingVariants({ groupId: group.groupId }))}>
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
