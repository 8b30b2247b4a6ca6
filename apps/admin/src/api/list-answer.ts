// How a list store takes in the answer of a load: a failure marks the list failed and leaves what is
// shown; a success clears that, marks the list loaded and hands over the data.
import type { Ref } from 'vue';
import type { ApiResult } from './api-result';

/** The flags a list store keeps about its loads. */
export type ListFlags = { failed: Ref<boolean>; loaded: Ref<boolean> };

/** The data of a successful answer (after setting the flags), or undefined for a failed one. */
export function takeListAnswer<T>(result: ApiResult<T>, flags: ListFlags): T | undefined {
  if (!result.ok) {
    flags.failed.value = true;
    return undefined;
  }
  flags.failed.value = false;
  flags.loaded.value = true;
  return result.data;
}
