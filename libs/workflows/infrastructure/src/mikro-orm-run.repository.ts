import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { RunRepository, type OverdueStep, type RunWithSteps } from '@qa/workflows-application';
import { WorkflowRun, WorkflowRunStep } from '@qa/workflows-domain';

@Injectable()
export class MikroOrmRunRepository extends RunRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  async findRun(id: string): Promise<RunWithSteps | null> {
    const run = await this.em.findOne(WorkflowRun, { id });
    if (!run) return null;
    return { run, steps: await this.em.find(WorkflowRunStep, { runId: id }, { orderBy: { index: 'asc' } }) };
  }
  async listRuns(workflowId: string, limit: number): Promise<RunWithSteps[]> {
    const runs = await this.em.find(WorkflowRun, { workflowId }, { orderBy: { createdAt: 'desc' }, limit });
    const steps = runs.length ? await this.em.find(WorkflowRunStep, { runId: { $in: runs.map((r) => r.id) } }, { orderBy: { index: 'asc' } }) : [];
    return runs.map((run) => ({ run, steps: steps.filter((s) => s.runId === run.id) }));
  }
  async countRuns(workflowIds: string[]): Promise<Record<string, number>> {
    if (!workflowIds.length) return {};
    const rows: Array<{ workflow_id: string; n: number | string }> = await this.em
      .getConnection()
      .execute(`select workflow_id, count(*) as n from workflows_run where workflow_id in (${workflowIds.map(() => '?').join(',')}) group by workflow_id`, workflowIds, 'all', this.em.getTransactionContext());
    return Object.fromEntries(rows.map((r) => [r.workflow_id, Number(r.n)]));
  }
  async hasEnrolment(workflowId: string, recordType: string, recordId: string) {
    return (await this.em.count(WorkflowRun, { workflowId, recordType, recordId })) > 0;
  }
  async hasRunForEvent(workflowId: string, triggerEventId: string) {
    return (await this.em.count(WorkflowRun, { workflowId, triggerEventId })) > 0;
  }
  async saveRun(run: WorkflowRun, steps: WorkflowRunStep[]) {
    this.em.persist(run);
    for (const step of steps) this.em.persist(step);
    await this.em.flush();
  }
  async saveStep(step: WorkflowRunStep) {
    await this.em.persistAndFlush(step);
  }
  findStep(runId: string, index: number) {
    return this.em.findOne(WorkflowRunStep, { runId, index });
  }
  async hasEarlierActiveRun(run: WorkflowRun, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.em.getConnection().execute(
      `select 1 from workflows_run r
        where r.record_type = ? and r.record_id = ? and r.status in ('running', 'waiting') and r.trigger_event_id < ?
          and not exists (select 1 from workflows_run_step s where s.run_id = r.id and s.resume_at > ?)
        limit 1`,
      [run.recordType, run.recordId, run.triggerEventId, this.em.getPlatform().processDateProperty(now)],
      'all',
      this.em.getTransactionContext(),
    );
    return rows.length > 0;
  }
  async findOverdueSteps(dueBefore: Date, limit: number): Promise<OverdueStep[]> {
    const cutoff = this.em.getPlatform().processDateProperty(dueBefore);
    const rows: Array<{ run_id: string; index: number; attempts: number }> = await this.em.getConnection().execute(
      `select s.run_id, s."index", s.attempts from workflows_run r
         join workflows_run_step s on s.run_id = r.id and s.status in ('pending', 'running')
         left join workflows_run_step p on p.run_id = s.run_id and p."index" = s."index" - 1
        where r.status in ('running', 'waiting')
          and ((s.attempts = 0 and ((s."index" = 0 and r.created_at < ?) or (p.status = 'succeeded' and coalesce(p.resume_at, p.finished_at) < ?)))
            or (s.attempts > 0 and s.started_at < ?))
        order by r.created_at
        limit ?`,
      [cutoff, cutoff, cutoff, limit],
      'all',
      this.em.getTransactionContext(),
    );
    return rows.map((r) => ({ runId: r.run_id, index: Number(r.index), retried: Number(r.attempts) > 0 }));
  }
}
