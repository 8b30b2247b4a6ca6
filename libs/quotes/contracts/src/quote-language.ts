/**
 * The language a quote is written in, for its buyer: the buyer's page and the PDF word their
 * labels, dates and amounts in it. English unless the quote says otherwise.
 */
export const QUOTE_LANGUAGES = ['en', 'nl'] as const;
export type QuoteLanguage = (typeof QUOTE_LANGUAGES)[number];
export const DEFAULT_QUOTE_LANGUAGE: QuoteLanguage = 'en';

export const isQuoteLanguage = (value: unknown): value is QuoteLanguage => (QUOTE_LANGUAGES as readonly unknown[]).includes(value);
