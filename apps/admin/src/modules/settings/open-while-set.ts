// A confirmation dialog's `v-model:visible` for the ref that holds what it asks about (a user, a
// token): open while the ref holds something; closing the dialog (Escape, ×) clears it.
import { computed, type Ref, type WritableComputedRef } from 'vue';

export function openWhileSet<T>(subject: Ref<T | null>): WritableComputedRef<boolean> {
  return computed({
    get: () => subject.value !== null,
    set: (open: boolean) => {
      if (!open) subject.value = null;
    },
  });
}
