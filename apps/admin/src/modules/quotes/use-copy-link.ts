// Copies a quote's link (an absolute URL) to the clipboard and says so in a status message: the
// buyer's page (Copy link) or the approval page (Copy approval link).
import { onScopeDispose, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { approvalPath } from '../approvals';
import { buyerUrl } from './quote-api';

const MESSAGE_MS = 6_000;

/** The stable approval link of a quote, as an absolute URL. */
export function approvalUrl(quoteId: string): string {
  return new URL(approvalPath(quoteId), window.location.origin).toString();
}

export function useCopyLink() {
  const { t } = useI18n();
  /** For a role="status" region: "Link copied", or the URL to copy by hand. */
  const message = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;

  function say(text: string, clearAfter: boolean): void {
    if (timer !== undefined) clearTimeout(timer);
    message.value = text;
    timer = clearAfter ? setTimeout(() => (message.value = ''), MESSAGE_MS) : undefined;
  }

  async function copyUrl(url: string, copied: string): Promise<boolean> {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      say(copied, true);
      return true;
    } catch {
      say(t('quotes.copyFailed', { url }), false);
      return false;
    }
  }

  /** The buyer's page of a shared quote. */
  function copy(sharePath: string): Promise<boolean> {
    return copyUrl(buyerUrl(sharePath), t('quotes.linkCopied'));
  }

  /** The approval page of a quote, for its approvers. */
  function copyApprovalLink(quoteId: string): Promise<boolean> {
    return copyUrl(approvalUrl(quoteId), t('quotes.approvalLinkCopied'));
  }

  function sayNoLink(): void {
    say(t('quotes.noBuyerLink'), true);
  }

  onScopeDispose(() => {
    if (timer !== undefined) clearTimeout(timer);
  });

  return { message, copy, copyApprovalLink, sayNoLink };
}
