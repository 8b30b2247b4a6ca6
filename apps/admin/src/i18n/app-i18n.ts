// vue-i18n set-up: English (default) and Dutch. Only the chosen locale is persisted (localStorage).
import { computed } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import en, { type MessageSchema } from './en';
import nl from './nl';

export const SUPPORTED_LOCALES = ['en', 'nl'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'en';
/** The only thing the SPA keeps in localStorage. */
export const LOCALE_STORAGE_KEY = 'qa.locale';

declare module 'vue-i18n' {
  // Types `t('…')` keys against the English messages.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function readStoredLocale(): AppLocale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function storeLocale(locale: AppLocale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage can be unavailable (private mode, quota); the choice then lasts for this page only.
  }
}

function applyDocumentLanguage(locale: AppLocale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function createAppI18n(locale: AppLocale = readStoredLocale()) {
  applyDocumentLanguage(locale);
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { en, nl },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** The current locale and a setter that also persists it and updates `<html lang>`. */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  function setLocale(next: AppLocale): void {
    locale.value = next;
    storeLocale(next);
    applyDocumentLanguage(next);
  }
  /** Shows the page in a language without keeping it as the user's choice (the buyer's page: the quote's language). */
  function showIn(next: AppLocale): void {
    locale.value = next;
    applyDocumentLanguage(next);
  }
  return {
    locale: computed<AppLocale>(() => (isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE)),
    setLocale,
    showIn,
  };
}
