/** Editing an article's text in place; its annotations are re-anchored when it is saved. */
import { useState } from 'react';
import { useI18n } from '../i18n';
import { Modal } from './Modal';

/** The dialog; `onSave` receives the new text. */
export function EditTextDialog({ body, direction, onSave, onClose }: { body: string; direction: 'rtl' | 'ltr'; onSave: (body: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(body);
  return (
    <Modal title={t('editTextTitle')} onClose={onClose}>
      <form
        className="edit-text-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(text);
        }}
      >
        <p className="muted">{t('editTextHelp')}</p>
        <textarea value={text} onChange={(e) => setText(e.target.value)} dir={direction} aria-label={t('editTextTitle')} />
        <button type="submit" disabled={text.trim() === '' || text === body}>
          {t('save')}
        </button>
      </form>
    </Modal>
  );
}
