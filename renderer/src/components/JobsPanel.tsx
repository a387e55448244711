/**
 * Background jobs in progress (an alias scan over the library, …) with a progress bar and
 * Cancel each, and the ones that just ended or were taken up again after Sanad stopped. The
 * rest of the app keeps working meanwhile.
 */
import type { Job } from '../../../electron/api/contract';
import { useRef } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';

/** How often to look while a job runs, and while none does. */
const POLL_RUNNING_MS = 500;
const POLL_IDLE_MS = 3000;
/** How long an ended job stays listed. */
const SHOW_ENDED_MS = 8000;

const going = (job: Job) => job.state === 'queued' || job.state === 'running';

/** The jobs panel, shown only while there is something to show. */
export function JobsPanel() {
  const { t } = useI18n();
  const jobs = useApiQuery('listJobs', { limit: 10 }, { refetchInterval: (data) => (data?.some(going) ? POLL_RUNNING_MS : POLL_IDLE_MS) });
  // A job that ended well is worth a line only if this panel showed it running (a quick one stays out of the way).
  const seenRunning = useRef(new Set<number>());
  for (const job of jobs.data ?? []) if (going(job)) seenRunning.current.add(job.id);
  const now = Date.now();
  const recentlyEnded = (job: Job) => job.finishedAt !== null && now - Date.parse(job.finishedAt) < SHOW_ENDED_MS && (job.state !== 'done' || seenRunning.current.has(job.id));
  const shown = (jobs.data ?? []).filter((job) => going(job) || recentlyEnded(job));
  if (shown.length === 0) return null;
  return (
    <section className="jobs-panel" aria-label={t('jobs')}>
      {shown.map((job) => (
        <div key={job.id} className="job" data-state={job.state}>
          <span className="job-label">
            {t(`job_${job.kind}`, { label: job.label })}
            {job.resumed > 0 && <span className="muted"> · {t('jobResumed')}</span>}
          </span>
          {going(job) ? (
            <>
              <progress max={job.total || 1} value={job.done} aria-label={t(`job_${job.kind}`, { label: job.label })} />
              <span className="muted">{t('jobProgress', { done: job.done, total: job.total })}</span>
              <button type="button" onClick={() => void api.cancelJob({ id: job.id }).catch(() => undefined)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <span className="muted">{t(`jobState_${job.state}`, { error: job.error ?? '' })}</span>
          )}
        </div>
      ))}
    </section>
  );
}
