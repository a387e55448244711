/**
 * Backing the library up to one file and restoring it, from the top bar's *Backup…* dialog. A
 * backup runs as a background job (the jobs panel shows its progress) and is then saved as a
 * download; a restore sends the chosen backup as any file is sent, asks before it replaces the
 * library, and says where the library as it was is kept. A damaged file is refused with the
 * reason, and the library stays as it is.
 */
import { useRef, useState } from 'react';
import type { RestoreReport } from '../../../electron/api/contract';
import { api } from '../api';
import { downloadMadeFile, sendFile } from '../files';
import { useI18n } from '../i18n';
import { ErrorBanner } from './ErrorBanner';
import { Modal } from './Modal';

/** What the file picker offers: Sanad's backups. */
const BACKUP_FILES = '.sanad-backup';

type State =
  | { step: 'idle' }
  | { step: 'backingUp' }
  | { step: 'saved'; file: string; articles: number }
  | { step: 'confirm'; file: File }
  | { step: 'restoring'; file: string }
  | { step: 'restored'; report: RestoreReport }
  | { step: 'failed'; message: string };

/** The top bar's Backup… button and its dialog. */
export function BackupControls() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('backupMenu')}
      </button>
      {open && <BackupDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function BackupDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const picker = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const busy = state.step === 'backingUp' || state.step === 'restoring';

  const backUp = async () => {
    setState({ step: 'backingUp' });
    try {
      const made = await api.backupLibrary({});
      await downloadMadeFile(made.fileName, made.downloadId);
      setState({ step: 'saved', file: made.fileName, articles: made.articles });
    } catch (error) {
      setState({ step: 'failed', message: (error as Error).message });
    }
  };

  const restore = async (file: File) => {
    setState({ step: 'restoring', file: file.name });
    try {
      const sent = await sendFile(file, file.name);
      setState({ step: 'restored', report: await api.restoreLibrary(sent) });
    } catch (error) {
      setState({ step: 'failed', message: (error as Error).message });
    }
  };

  const onPicked = (event: React.ChangeEvent<HTMLInputElement>) => {
    const [file] = event.target.files ?? [];
    event.target.value = '';
    if (file) setState({ step: 'confirm', file });
  };

  return (
    <Modal title={t('backupTitle')} onClose={onClose}>
      <div className="backup-dialog">
        <p>{t('backupExplain')}</p>
        <button type="button" onClick={() => void backUp()} disabled={busy}>
          {t('backupNow')}
        </button>
        <p>{t('restoreExplain')}</p>
        <button type="button" onClick={() => picker.current?.click()} disabled={busy}>
          {t('restoreChoose')}
        </button>
        <input ref={picker} type="file" accept={BACKUP_FILES} hidden onChange={onPicked} />
        {state.step === 'confirm' && (
          <div className="backup-confirm" role="group" aria-label={t('restoreConfirmButton')}>
            <p>{t('restoreConfirm', { file: state.file.name })}</p>
            <button type="button" className="danger" onClick={() => void restore(state.file)}>
              {t('restoreConfirmButton')}
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        )}
        {(state.step === 'backingUp' || state.step === 'restoring') && (
          <p role="status" className="muted">
            {state.step === 'backingUp' ? t('backingUp') : t('restoring', { file: state.file })}
          </p>
        )}
        {state.step === 'saved' && (
          <p role="status" className="backup-done">
            {t('backupSaved', { file: state.file, n: state.articles })}
          </p>
        )}
        {state.step === 'restored' && (
          <p role="status" className="backup-done">
            {t('restoreDone', {
              file: state.report.file,
              n: state.report.articles,
              date: new Date(state.report.createdAt).toLocaleString(lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB'),
              kept: state.report.keptAs,
            })}
          </p>
        )}
        {state.step === 'failed' && <ErrorBanner message={state.message} />}
      </div>
    </Modal>
  );
}
