/** The analyst's table of spelling variants: groups of words that search treats as one. */
import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../useAction';
import { useApiQuery } from '../queries';
import { ErrorBanner } from './ErrorBanner';
import { Modal } from './Modal';

/** Lists, adds and removes spelling-variant groups (a change refreshes the list and any search on show). */
export function VariantsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const groups = useApiQuery('listSpellingVariants', {});
  const [terms, setTerms] = useState('');
  const { error, run } = useAction();
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
