/**
 * The codebook: the tag tree with colour, name, description and shortcut key, where tags are
 * created, renamed, recoloured, moved, merged and deleted (asking what to do with their
 * annotations), and exchanged with other QDA tools as REFI-QDA .qdc / .qdpx.
 */
import { useMemo, useRef, useState } from 'react';
import type { Tag } from '../../../electron/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { Modal } from '../components/Modal';
import { downloadText, sendFile } from '../files';
import { useAction } from '../useAction';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';

/** Tags in tree order, each with its depth. */
function treeOrder(tags: Tag[]): { tag: Tag; depth: number }[] {
  const rows: { tag: Tag; depth: number }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const tag of tags.filter((t) => t.parentId === parentId)) {
      rows.push({ tag, depth });
      walk(tag.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** A tag and its descendants: in tree order, the rows from it up to the next one no deeper than it. */
function subtree(rows: { tag: Tag; depth: number }[], id: number): Set<number> {
  const at = rows.findIndex((r) => r.tag.id === id);
  const inside = new Set([id]);
  for (let i = at + 1; i < rows.length && rows[i]!.depth > rows[at]!.depth; i++) inside.add(rows[i]!.tag.id);
  return inside;
}

/** The tags a tag can be moved or merged into: all but itself and its own sub-tags. */
function OtherTagOptions({ rows, except }: { rows: { tag: Tag; depth: number }[]; except: number }) {
  const { tagLabel } = useI18n();
  const excluded = subtree(rows, except);
  return (
    <>
      {rows
        .filter((r) => !excluded.has(r.tag.id))
        .map((r) => (
          <option key={r.tag.id} value={r.tag.id}>
            {tagLabel(r.tag.name)}
          </option>
        ))}
    </>
  );
}

/** The codebook screen. */
export function CodebookScreen() {
  const { t, tagLabel } = useI18n();
  const tags = useApiQuery('listTags', {});
  const [message, setMessage] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const rows = useMemo(() => treeOrder(tags.data ?? []), [tags.data]);

  const { error, run: runChange } = useAction();
  // The tags reload after a refused edit too, so the field shows the stored value again.
  const run = (change: () => Promise<unknown>) => runChange(change).finally(() => tags.reload());
  const exportQdc = async () => {
    downloadText('sanad-codebook.qdc', await api.exportCodebook({}), 'application/xml');
  };
  const importFile = (file: File | undefined) =>
    file &&
    void run(async () => {
      const report = await api.importCodebook(await sendFile(file, file.name));
      setMessage(t('codebookImported', { added: report.added, updated: report.updated }));
    });

  return (
    <section className="codebook" aria-label={t('codebook')}>
      <div className="toolbar">
        <form
          className="new-tag-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newName.trim()) return;
            void run(async () => {
              await api.createTag({ name: newName.trim(), parentId: newParent });
              setNewName('');
            });
          }}
        >
          <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder={t('newTag')} aria-label={t('newTag')} dir="auto" />
          <select value={newParent ?? ''} onChange={(e) => setNewParent(e.target.value ? Number(e.target.value) : null)} aria-label={t('parentTag')}>
            <option value="">{t('topLevel')}</option>
            {rows.map(({ tag, depth }) => (
              <option key={tag.id} value={tag.id}>
                {'  '.repeat(depth)}
                {tagLabel(tag.name)}
              </option>
            ))}
          </select>
          <button type="submit">{t('addTag')}</button>
        </form>
        <button type="button" onClick={() => void exportQdc()}>
          {t('exportCodebook')}
        </button>
        <button type="button" onClick={() => importInput.current?.click()}>
          {t('importCodebook')}
        </button>
        <input ref={importInput} type="file" accept=".qdc,.qdpx,.xml" hidden data-testid="import-codebook-input" onChange={(e) => (importFile(e.target.files?.[0]), (e.target.value = ''))} />
      </div>
      {(error || tags.error) && <ErrorBanner message={(error ?? tags.error)!} />}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      <table className="codebook-table">
        <thead>
          <tr>
            <th>{t('tag')}</th>
            <th>{t('colour')}</th>
            <th>{t('shortcut')}</th>
            <th>{t('description')}</th>
            <th>{t('parentTag')}</th>
            <th>{t('mergeInto')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ tag, depth }) => (
            <tr key={tag.id} data-testid="codebook-row">
              <td style={{ paddingInlineStart: `${0.5 + depth * 1.5}rem` }}>
                <input
                  defaultValue={tagLabel(tag.name)}
                  key={`${tag.name}-${tagLabel(tag.name)}`}
                  dir="auto"
                  aria-label={t('tagName')}
                  onBlur={(e) => e.target.value.trim() !== tagLabel(tag.name) && void run(() => api.updateTag({ id: tag.id, name: e.target.value }))}
                  onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                />
              </td>
              <td>
                <input type="color" value={tag.colour} aria-label={t('colour')} onChange={(e) => void run(() => api.updateTag({ id: tag.id, colour: e.target.value }))} />
              </td>
              <td>
                <input
                  className="shortcut-input"
                  defaultValue={tag.shortcut ?? ''}
                  key={tag.shortcut ?? ''}
                  maxLength={1}
                  aria-label={t('shortcut')}
                  onBlur={(e) => (e.target.value || null) !== tag.shortcut && void run(() => api.updateTag({ id: tag.id, shortcut: e.target.value || null }))}
                />
              </td>
              <td>
                <input
                  defaultValue={tag.description ?? ''}
                  key={tag.description ?? ''}
                  dir="auto"
                  aria-label={t('description')}
                  onBlur={(e) => (e.target.value || null) !== tag.description && void run(() => api.updateTag({ id: tag.id, description: e.target.value || null }))}
                />
              </td>
              <td>
                <select value={tag.parentId ?? ''} aria-label={t('parentTag')} onChange={(e) => void run(() => api.updateTag({ id: tag.id, parentId: e.target.value ? Number(e.target.value) : null }))}>
                  <option value="">{t('topLevel')}</option>
                  <OtherTagOptions rows={rows} except={tag.id} />
                </select>
              </td>
              <td>
                <select value="" aria-label={t('mergeInto')} onChange={(e) => e.target.value && void run(() => api.mergeTags({ sourceId: tag.id, targetId: Number(e.target.value) }))}>
                  <option value="">…</option>
                  <OtherTagOptions rows={rows} except={tag.id} />
                </select>
              </td>
              <td>
                <button type="button" className="link" onClick={() => setDeleting(tag)}>
                  {t('delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting && (
        <DeleteTagDialog
          tag={deleting}
          others={rows.map((r) => r.tag).filter((other) => other.id !== deleting.id)}
          onClose={() => setDeleting(null)}
          onDelete={(annotations) => {
            setDeleting(null);
            void run(() => api.deleteTag({ id: deleting.id, annotations }));
          }}
        />
      )}
    </section>
  );
}

type AnnotationChoice = { action: 'untag' } | { action: 'delete' } | { action: 'move'; toTagId: number };

/** Asks what to do with the annotations of a tag being deleted. */
function DeleteTagDialog({ tag, others, onClose, onDelete }: { tag: Tag; others: Tag[]; onClose: () => void; onDelete: (choice: AnnotationChoice) => void }) {
  const { t, tagLabel } = useI18n();
  const [action, setAction] = useState<AnnotationChoice['action']>('untag');
  const [moveTo, setMoveTo] = useState<number | null>(others[0]?.id ?? null);
  return (
    <Modal title={t('deleteTagTitle', { name: tag.name })} onClose={onClose}>
      <form
        className="delete-tag-form"
        onSubmit={(e) => {
          e.preventDefault();
          onDelete(action === 'move' ? { action, toTagId: moveTo! } : { action });
        }}
      >
        <p>{t('deleteTagQuestion')}</p>
        <label>
          <input type="radio" name="annotations" checked={action === 'untag'} onChange={() => setAction('untag')} /> {t('keepUntagged')}
        </label>
        <label>
          <input type="radio" name="annotations" checked={action === 'move'} onChange={() => setAction('move')} disabled={!moveTo} /> {t('moveToTag')}
          <select value={moveTo ?? ''} onChange={(e) => setMoveTo(Number(e.target.value))} disabled={action !== 'move'} aria-label={t('moveToTag')}>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {tagLabel(o.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" name="annotations" checked={action === 'delete'} onChange={() => setAction('delete')} /> {t('deleteAnnotationsToo')}
        </label>
        <button type="submit">{t('delete')}</button>
      </form>
    </Modal>
  );
}
