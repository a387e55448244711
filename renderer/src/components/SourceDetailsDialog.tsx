/**
 * Source details for many articles at once: text pasted from the web comes without an outlet, a
 * URL or a date, and a briefing can neither cite nor date an article without them. One dialog
 * gives the same details to a whole import batch, or to the articles selected in the library,
 * as one step that Ctrl+Z takes back.
 */
import { useId, useState } from 'react';
import { MAX_ARTICLES_PER_FILL } from '../../../electron/api/constants';
import type { SourceDetailsReport } from '../../../electron/api/contract';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { useAction } from '../useAction';
import { DateField } from './DateField';
import { ErrorBanner } from './ErrorBanner';
import { Modal } from './Modal';

/** Asks for an outlet, a URL and a date, and gives them to the articles `ids` that lack each (to all of them if the analyst ticks the option). */
export function SourceDetailsDialog({ ids, onClose, onDone }: { ids: readonly number[]; onClose: () => void; onDone: (report: SourceDetailsReport) => void }) {
  const { t } = useI18n();
  const outletList = useId();
  const outlets = useApiQuery('listOutlets', {});
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [saving, setSaving] = useState(false);
  const { error, run } = useAction();
  const tooMany = ids.length > MAX_ARTICLES_PER_FILL;
  const empty = !outlet.trim() && !url.trim() && !published.trim();
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    void run(async () => {
      // Blank fields are sent blank: the server leaves them as they are.
      onDone(await api.updateArticlesMetadata({ ids: [...ids], outlet, url, published: published.trim() || null, overwrite }));
    }).finally(() => setSaving(false));
  };
  return (
    <Modal title={t('sourceDetailsTitle')} onClose={onClose}>
      <form className="paste-form source-details-form" onSubmit={save}>
        <p className="muted">{t('sourceDetailsHelp', { n: ids.length })}</p>
        {tooMany && <ErrorBanner message={t('tooManyToFill', { max: MAX_ARTICLES_PER_FILL })} />}
        {error && <ErrorBanner message={error} />}
        <label>
          {t('outlet')}
          <input list={outletList} value={outlet} onChange={(e) => setOutlet(e.target.value)} dir="auto" maxLength={200} />
        </label>
        <datalist id={outletList}>
          {outlets.data?.map((o) => (
            <option key={o.outlet} value={o.outlet} />
          ))}
        </datalist>
        <label>
          {t('url')}
          <input value={url} onChange={(e) => setUrl(e.target.value)} inputMode="url" dir="ltr" maxLength={2000} />
        </label>
        <label>
          {t('published')}
          <DateField value={published} onChange={(e) => setPublished(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
          {t('overwriteDetails')}
        </label>
        <button type="submit" disabled={empty || tooMany || saving}>
          {t('save')}
        </button>
      </form>
    </Modal>
  );
}
