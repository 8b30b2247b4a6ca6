// The confirmation page of an approval e-mail's link: reads the link (GET: nothing is decided),
// then decides only when the approver confirms (POST), once. Each refusal of the API is a state the
// page words: used, void, expired, not yours, invalid.
import { computed, ref } from 'vue';
import { useRoute } from 'vue-router';
import { decisionErrorKey } from './approval-decision';
import { decideByApprovalLink, getApprovalLink, type ApprovalLink, type ApprovalLinkDecision } from './approval-link-api';

export type LinkProblem = 'missing' | 'invalid' | 'notYours' | 'expired' | 'used' | 'void' | 'rateLimited' | 'failed';
export type LinkState = 'loading' | 'ready' | 'done' | LinkProblem;

/** The API's refusals of a link, by code, as the page's problem states. */
const PROBLEMS: Readonly<Record<string, LinkProblem>> = {
  'APPROVALS.LINK_INVALID': 'invalid',
  'APPROVALS.LINK_NOT_YOURS': 'notYours',
  'APPROVALS.LINK_EXPIRED': 'expired',
  'APPROVALS.LINK_USED': 'used',
  'APPROVALS.LINK_VOID': 'void',
  'APPROVALS.LINK_RATE_LIMITED': 'rateLimited',
};

/** The problem a refusal means; `failed` for anything else (the API not reached, a bug). */
export function linkProblemOf(code: string | undefined): LinkProblem {
  return PROBLEMS[code ?? ''] ?? 'failed';
}

export function useApprovalLink() {
  const route = useRoute();
  const token = computed(() => (typeof route.query.token === 'string' ? route.query.token.trim() : ''));
  const state = ref<LinkState>('loading');
  const link = ref<ApprovalLink | null>(null);
  const decision = ref<ApprovalLinkDecision | null>(null);
  const deciding = ref(false);
  /** The i18n key of why the confirmation was refused without ending the page (e.g. the quote changed). */
  const confirmError = ref('');
  const notesMissing = ref(false);

  async function load(): Promise<void> {
    if (!token.value) {
      state.value = 'missing';
      return;
    }
    state.value = 'loading';
    const result = await getApprovalLink(token.value);
    if (result.ok) {
      link.value = result.data;
      state.value = 'ready';
    } else {
      state.value = linkProblemOf(result.error?.code);
    }
  }

  async function confirm(notes: string): Promise<void> {
    if (!link.value || deciding.value) return;
    const text = notes.trim();
    notesMissing.value = link.value.action === 'request_changes' && !text;
    if (notesMissing.value) return;
    deciding.value = true;
    confirmError.value = '';
    const result = await decideByApprovalLink(token.value, link.value.action === 'request_changes' ? text : null);
    deciding.value = false;
    if (result.ok) {
      decision.value = result.data;
      state.value = 'done';
      return;
    }
    const code = result.error?.code;
    if (code === 'APPROVALS.NOTES_REQUIRED') {
      notesMissing.value = true;
      return;
    }
    const problem = linkProblemOf(code);
    if (problem !== 'failed') state.value = problem;
    else confirmError.value = decisionErrorKey(code);
  }

  return { token, state, link, decision, deciding, confirmError, notesMissing, load, confirm };
}
