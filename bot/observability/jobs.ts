/** Counts scheduled job runs by outcome, without touching the JobRunner itself. */
import type { ScheduledJob } from '../kernel/contracts.js';
import type { Metrics } from './metrics.js';

export function instrumentJob(job: ScheduledJob, metrics: Metrics): ScheduledJob {
  return {
    ...job,
    run: async () => {
      try {
        await job.run();
        metrics.jobRuns.inc({ job: job.name, outcome: 'ok' });
      } catch (err) {
        metrics.jobRuns.inc({ job: job.name, outcome: 'failed' });
        metrics.errors.inc({ kind: 'job' });
        throw err;
      }
    },
  };
}
