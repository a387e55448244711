/** A modal dialog on the native <dialog> element: focus is trapped, Escape closes it. */
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

/** Shows `children` in a modal titled `title`; `onClose` runs on Escape or the close button. */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="modal" aria-label={title} onClose={onClose} onCancel={onClose}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
