// Dutch messages of Notification settings (/settings/notifications). Merged into nl.ts.
import type { notificationSettingsEn } from './notification-settings.en';

export const notificationSettingsNl: typeof notificationSettingsEn = {
  notificationSettings: {
    title: 'Meldingsinstellingen',
    description: 'Kies hoe je hoort van wijzigingen in de goedkeuringsstappen die jou aangaan. Alles staat aan tot je het uitzet.',
    linkHint: 'Hoe je hoort van goedkeuringsstappen voor jou, herinneringen, escalaties, vervangingen, overdrachten en beslissingen: in de app en per e-mail.',
    group: 'Meldingen',
    heading: 'Goedkeuringsstappen',
    hint: 'Voor stappen waarin jij beslist, is de e-mail de goedkeuringsmail met de knoppen Goedkeuren en Wijzigingen vragen.',
    caption: 'Meldingen over goedkeuringsstappen, per soort en kanaal',
    kind: 'Wat er gebeurt',
    inApp: 'In de app',
    email: 'Per e-mail',
    checkbox: '{kind}: {channel}',
    save: 'Opslaan',
    saving: 'Bezig met opslaan…',
    saved: 'Je meldingsinstellingen zijn opgeslagen.',
    loading: 'Je meldingsinstellingen worden geladen…',
    loadFailed: 'Je meldingsinstellingen konden niet worden geladen.',
    retry: 'Opnieuw proberen',
    failed: 'Je meldingsinstellingen konden niet worden opgeslagen. Probeer het opnieuw.',
    kinds: {
      assigned: { label: 'Een stap wacht op mij', hint: 'Een goedkeuringsstap van een offerte begint en jij bent een van de goedkeurders.' },
      reminded: { label: 'Herinneringen', hint: 'Een stap wacht nog op je beslissing.' },
      escalated: { label: 'Naar mij geëscaleerd', hint: 'Een stap wachtte te lang en is naast de goedkeurders aan jou gegeven.' },
      delegated: { label: 'Vervanging', hint: 'Je beslist voor een goedkeurder die afwezig is.' },
      reassigned: { label: 'Overgedragen', hint: 'De plaats van een goedkeurder is aan jou overgedragen, of de jouwe aan iemand anders.' },
      decided: { label: 'Beslissingen over mijn offertes', hint: 'Een offerte van jou of door jou ingediend is goedgekeurd, of er zijn wijzigingen gevraagd.' },
    },
  },
};
