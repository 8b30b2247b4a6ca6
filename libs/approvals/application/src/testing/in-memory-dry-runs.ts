// In-memory adapters of the dry run's ports, for its specs (the MikroORM ones have an integration test).
import type { ApprovalRoute } from '@qa/approvals-contracts';
import { PolicyDryRun, type DecidedRound, type DryRunResult, type DryRunState } from '@qa/approvals-domain';
import { ApprovalHistoryReader, PolicyDryRunQueue, PolicyDryRunRepository } from '../ports/policy-dry-run.ports';

export class MemoryDryRuns extends PolicyDryRunRepository {
  readonly runs = new Map<string, PolicyDryRun>();
  /** Called after each progress write (a spec cancels from here). */
  onProgress?: (processed: number) => void | Promise<void>;

  async add(run: PolicyDryRun) {
    this.runs.set(run.id, structuredClone(run));
  }
  async findById(id: string) {
    const run = this.runs.get(id);
    return run ? Object.assign(new PolicyDryRun(), structuredClone(run)) : null;
  }
  private move(id: string, from: DryRunState[], change: Partial<PolicyDryRun>): boolean {
    const run = this.runs.get(id);
    if (!run || !from.includes(run.state)) return false;
    Object.assign(run, change);
    return true;
  }
  async start(id: string) {
    return this.move(id, ['queued'], { state: 'running' });
  }
  async progress(id: string, processed: number) {
    const moved = this.move(id, ['running'], { processed });
    await this.onProgress?.(processed);
    return moved;
  }
  async finish(id: string, processed: number, result: DryRunResult, at: Date) {
    return this.move(id, ['running'], { state: 'finished', processed, result, finishedAt: at });
  }
  async cancel(id: string, at: Date) {
    return this.move(id, ['queued', 'running'], { state: 'cancelled', finishedAt: at });
  }
  async fail(id: string, at: Date) {
    return this.move(id, ['queued', 'running'], { state: 'failed', finishedAt: at });
  }
}

export class MemoryDryRunQueue extends PolicyDryRunQueue {
  readonly queued: string[] = [];
  async enqueue(runId: string) {
    this.queued.push(runId);
  }
}

export class MemoryApprovalHistory extends ApprovalHistoryReader {
  constructor(
    readonly routes = new Map<string, ApprovalRoute>(),
    readonly rounds: DecidedRound[] = [],
  ) {
    super();
  }
  async latestRoutes(quoteIds: string[]) {
    return new Map(quoteIds.flatMap((id) => (this.routes.has(id) ? [[id, this.routes.get(id)!] as const] : [])));
  }
  async decidedRounds() {
    return this.rounds;
  }
}
