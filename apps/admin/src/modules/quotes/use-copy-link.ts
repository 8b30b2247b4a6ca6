// Copies the buyer's page (an absolute URL) to the clipboard and says so in a status message.
import { onScopeDispose, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { buyerUrl } from './quote-api';

const MESSAGE_MS = 6_000;

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

  async function copy(sharePath: string): Promise<boolean> {
    const url = buyerUrl(sharePath);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      say(t('quotes.linkCopied'), true);
      return true;
    } catch {
      say(t('quotes.copyFailed', { url }), false);
      return false;
    }
  }

  function sayNoLink(): void {
    say(t('quotes.noBuyerLink'), true);
  }

  onScopeDispose(() => {
    if (timer !== undefined) clearTimeout(timer);
  });

  return { message, copy, sayNoLink };
}
