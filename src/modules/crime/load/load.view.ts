import { formatNumber } from '../../../shared/svg.ts'
import { formatDateTime } from '../../../web/view-helpers.ts'
import { describeMonths } from '../cli.ts'
import type { LoadJob } from './load-jobs.service.ts'

// A load's page: its progress while it runs, then the same report `safer crime ingest` prints.

const STATUS: Record<LoadJob['status'], string> = {
  waiting: 'Waiting to start',
  unpacking: 'Unpacking the archive',
  loading: 'Loading',
  done: 'Loaded',
  failed: 'Not loaded',
}

export function loadJobView(job: LoadJob) {
  const running = !job.finishedAt
  const report = job.report
  const notes = (f: NonNullable<LoadJob['report']>['files'][number]) =>
    [
      f.duplicates
        ? `${f.duplicates} ${f.kind === 'outcomes' ? 'exact duplicate rows removed' : 'repeated'}`
        : '',
      f.noLocation ? `${f.noLocation} without location` : '',
      f.rejected ? `${f.rejected} bad lines skipped` : '',
    ]
      .filter(Boolean)
      .join(', ')
  return {
    job,
    running,
    status: STATUS[job.status],
    startedAt: formatDateTime(job.startedAt),
    progress: running
      ? job.status === 'loading'
        ? `${job.filesDone} of ${job.filesTotal} files loaded${job.currentFile ? `; now ${job.currentFile}` : ''}`
        : STATUS[job.status]
      : null,
    summary: report
      ? `Loaded ${report.files.length} files: ${formatNumber(report.rows)} rows, ${report.rejected} rejected, ${report.duplicates} duplicates, ${report.noLocation} without location, ${report.replacedMonths.length} months replaced.`
      : null,
    files: (report?.files ?? []).map((f) => [
      f.file,
      f.kind,
      formatNumber(f.rows),
      describeMonths(f.months),
      notes(f),
    ]),
    badLines: [
      ...(report?.files ?? []).flatMap((f) =>
        f.badLines.map((l) => [f.file, String(l.line), l.problems.join('; ')]),
      ),
      ...(report?.failed ?? []).flatMap((f) =>
        f.badLines.map((l) => [f.file, String(l.line), l.problems.join('; ')]),
      ),
    ],
    replaced: (report?.replacedMonths ?? []).map((r) => [
      r.kind,
      r.month,
      r.area,
      r.previousFiles.join(', '),
      r.kind === 'street' || r.kind === 'outcomes'
        ? `${formatNumber(r.previousRows)} rows now ${formatNumber(r.rows)}, ${r.changedOutcomes} outcomes changed`
        : '',
    ]),
    failed: (report?.failed ?? []).map((f) => f.error),
  }
}
