// The SPA's translations (English and Dutch) and the locale the user chose.
export * from './app-i18n';
