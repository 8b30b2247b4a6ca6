// The dry run card's state: start a run of the policy as edited on the page (its problems shown
// as a save shows them), follow its progress by polling until it ends, cancel it.
import { onBeforeUnmount, ref } from 'vue';
import { useApprovalSettingsStore } from './approval-settings.store';
import { cancelDryRun, getDryRun, startDryRun, type DryRun } from './dry-run-api';

export type DryRunPhase = 'idle' | 'starting' | 'running' | 'finished' | 'cancelled' | 'failed' | 'invalid';

/** How often a running dry run is read. */
export const DRY_RUN_POLL_MS = 500;

export function useDryRun() {
  const store = useApprovalSettingsStore();
  const phase = ref<DryRunPhase>('idle');
  const run = ref<DryRun | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function stop(): void {
    clearTimeout(timer);
    timer = undefined;
  }

  async function follow(id: string, mine: number): Promise<void> {
    const result = await getDryRun(id);
    if (mine !== generation) return;
    if (!result.ok) {
      phase.value = 'failed';
      return;
    }
    run.value = result.data;
    if (result.data.state === 'queued' || result.data.state === 'running') {
      phase.value = 'running';
      timer = setTimeout(() => void follow(id, mine), DRY_RUN_POLL_MS);
    } else phase.value = result.data.state === 'finished' ? 'finished' : result.data.state === 'cancelled' ? 'cancelled' : 'failed';
  }

  /** `limit`: the last N submitted quotes, or 'all'. */
  async function start(limit: number | 'all'): Promise<void> {
    stop();
    const mine = ++generation;
    const policy = store.draftPolicy();
    if (!policy) {
      phase.value = 'invalid';
      return;
    }
    phase.value = 'starting';
    run.value = null;
    const started = await startDryRun({ ...policy, limit });
    if (mine !== generation) return;
    if (!started.ok) {
      phase.value = store.showApiProblems(started) ? 'invalid' : 'failed';
      return;
    }
    await follow(started.data.id, mine);
  }

  async function cancel(): Promise<void> {
    const id = run.value?.id;
    if (!id) return;
    stop();
    const mine = ++generation;
    const result = await cancelDryRun(id);
    if (mine !== generation) return;
    if (!result.ok) {
      phase.value = 'failed';
      return;
    }
    run.value = result.data;
    phase.value = result.data.state === 'finished' ? 'finished' : 'cancelled';
  }

  onBeforeUnmount(stop);
  return { phase, run, start, cancel };
}
