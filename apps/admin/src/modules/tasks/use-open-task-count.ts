// The badge on the Tasks link: the number of open tasks assigned to me, loaded when the shell
// appears and refreshed whenever my tasks may have changed (task events about me, see
// on-tasks-may-change.ts), without a reload.
import { computed, type ComputedRef } from 'vue';
import { onTasksMayChange } from './on-tasks-may-change';
import { useTasksStore } from './tasks.store';

export function useOpenTaskCount(): ComputedRef<number> {
  const tasks = useTasksStore();
  void tasks.loadCount();
  onTasksMayChange(() => void tasks.loadCount(), { onlyMine: true });
  return computed(() => tasks.openCount ?? 0);
}
