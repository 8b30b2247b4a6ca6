// The set-up flow's live approval preview: while a panel shows it (draft-route-preview.vue), the
// form as the save would send it goes to POST /quotes/approval-preview, debounced, and nothing is
// saved. Only the answer to the latest form counts (an answer to a form changed since is dropped);
// the last answer stays shown while the next one loads (`busy`). A draft the API cannot judge yet
// (empty inputs, or a 400/422 naming fields) is `incomplete`, with those inputs: a hint, not an error.
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { fieldProblemsOf } from '../../api/api-result';
import { latestRequest } from '../../api/latest-request';
import { previewQuoteRoute, type ApprovalPreview, type QuoteRoutePreviewRequest } from './quote-api';
import { inputPath } from './quote-form';

/** How long the form must stay unchanged before it is sent (ms). */
export const ROUTE_PREVIEW_DELAY_MS = 400;

/** What a draft's preview shows: nothing asked yet, the route, what to fill in first, nothing (may not ask), or a failure. */
export type DraftRouteState =
  | { kind: 'waiting' }
  | { kind: 'ready'; preview: ApprovalPreview }
  | { kind: 'incomplete'; paths: string[] }
  | { kind: 'hidden' }
  | { kind: 'failed' };

/** The draft as the preview needs it: the request body and the inputs a save needs that are still empty. */
export interface RoutePreviewDraft {
  body: QuoteRoutePreviewRequest;
  blank: string[];
}

export interface DraftRoutePreview {
  state: Readonly<Ref<DraftRouteState>>;
  /** A newer form is waiting for its answer (the state shown is of an older one). */
  busy: Readonly<Ref<boolean>>;
  /** A panel shows the preview from now on: the form is followed while any does. Returns the undo. */
  attach(): () => void;
}

export function useDraftRoutePreview(draft: () => RoutePreviewDraft): DraftRoutePreview {
  const state = shallowRef<DraftRouteState>({ kind: 'waiting' });
  const busy = ref(false);
  const viewers = ref(0);
  const loads = latestRequest();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The form (as JSON) whose answer is shown; null: none, or it failed. */
  let shownKey: string | null = null;

  const wanted = computed(() => (viewers.value > 0 ? draft() : null));

  function settle(key: string | null, next: DraftRouteState): void {
    shownKey = key;
    state.value = next;
    busy.value = false;
  }

  async function ask(key: string, current: RoutePreviewDraft): Promise<void> {
    if (current.blank.length) {
      settle(key, { kind: 'incomplete', paths: current.blank });
      return;
    }
    const isCurrent = loads.start();
    const result = await previewQuoteRoute(current.body);
    if (!isCurrent()) return;
    if (result.ok) settle(key, { kind: 'ready', preview: result.data });
    else if (result.status === 400 || result.status === 422) settle(key, { kind: 'incomplete', paths: [...new Set(fieldProblemsOf(result).map((problem) => inputPath(problem.field)))] });
    else if (result.status === 403 || result.status === 404) settle(key, { kind: 'hidden' });
    // Asked again on the next change.
    else settle(null, { kind: 'failed' });
  }

  function stop(): void {
    clearTimeout(timer);
    timer = undefined;
    // An answer on its way is for a form that is no longer wanted.
    loads.invalidate();
  }

  watch(
    () => (wanted.value ? JSON.stringify(wanted.value) : null),
    (key) => {
      stop();
      const current = wanted.value;
      if (key === null || current === null || key === shownKey) {
        busy.value = false;
        return;
      }
      // The first answer at once; later ones once typing pauses.
      const first = state.value.kind === 'waiting' && !busy.value;
      busy.value = true;
      if (first) void ask(key, current);
      else timer = setTimeout(() => void ask(key, current), ROUTE_PREVIEW_DELAY_MS);
    },
    { immediate: true },
  );

  onScopeDispose(stop);

  return {
    state,
    busy,
    attach() {
      viewers.value += 1;
      let attached = true;
      return () => {
        if (attached) viewers.value -= 1;
        attached = false;
      };
    },
  };
}
