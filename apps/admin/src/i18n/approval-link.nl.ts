// Dutch messages of the confirmation page an approval e-mail's links open (merged into nl.ts).
import type { approvalLinkEn } from './approval-link.en';

export const approvalLinkNl: typeof approvalLinkEn = {
  approvalLink: {
    title: 'Bevestig je besluit',
    loading: 'De link wordt gecontroleerd…',
    headingApprove: 'Offerte {number} goedkeuren?',
    headingRequestChanges: 'Wijzigingen vragen voor offerte {number}?',
    intro: 'Je opende een link uit een goedkeuringsmail. Er wordt niets besloten tot je hieronder bevestigt.',
    summary: 'De offerte',
    quote: 'Offerte',
    titleLabel: 'Titel',
    company: 'Bedrijf',
    total: 'Totaal',
    step: 'Stap',
    stepOf: 'Stap {step} van {steps}',
    why: 'Waarom goedkeuring nodig is',
    allQuotes: 'Alle offertes',
    sentTo: 'Deze link is naar jou gestuurd, {name}. Hij werkt één keer, tot {until}.',
    onBehalfOf: '{name} is afwezig: jij beslist in diens plaats, en dat wordt vastgelegd.',
    notes: 'Notities voor de maker van de offerte',
    notesHint: 'Wat moet er anders? De maker krijgt een taak met je notities.',
    notesRequired: 'Schrijf op wat er anders moet.',
    confirmApprove: 'Goedkeuren en publiceren',
    confirmRequestChanges: 'Wijzigingen vragen',
    deciding: 'Je besluit wordt opgeslagen…',
    openApprovalPage: 'Open de goedkeuringspagina',
    backToQuotes: 'Naar offertes',
    done: {
      approved: 'Je hebt offerte {number} goedgekeurd. Hij is goedgekeurd en wordt gepubliceerd.',
      pending: 'Je hebt offerte {number} goedgekeurd. Hij wacht nu op de andere goedkeurders.',
      nextStep: 'Je hebt offerte {number} goedgekeurd. Nu beslist stap {step}.',
      changesRequested: 'Je hebt wijzigingen gevraagd voor offerte {number}. De maker krijgt een taak met je notities.',
    },
    problems: {
      missing: {
        title: 'Deze link is onvolledig',
        hint: 'Open de link uit de e-mail opnieuw, of beslis op de goedkeuringspagina van de offerte.',
      },
      invalid: {
        title: 'Deze link is niet geldig',
        hint: 'Hij is misschien afgebroken of veranderd. Open de link uit de e-mail opnieuw, of beslis op de goedkeuringspagina van de offerte.',
      },
      notYours: {
        title: 'Deze link is voor een andere goedkeurder',
        hint: 'Hij is naar iemand anders gestuurd, dus hij beslist niets voor jou. Ben je goedkeurder van deze offerte, gebruik dan je eigen e-mail of de goedkeuringspagina.',
      },
      expired: {
        title: 'Deze link is verlopen',
        hint: 'Goedkeuringslinks werken 72 uur. Beslis in plaats daarvan op de goedkeuringspagina van de offerte.',
      },
      used: {
        title: 'Deze link is al gebruikt',
        hint: 'Je besluit uit deze e-mail is vastgelegd. Er is nu niets veranderd.',
      },
      void: {
        title: 'Deze link beslist niets meer',
        hint: 'De stap is al beslist, de offerte is veranderd of de ronde is voorbij. Er is niets veranderd.',
      },
      rateLimited: {
        title: 'Te veel links geopend',
        hint: 'Wacht een minuut en probeer het opnieuw.',
      },
      failed: {
        title: 'De link kon niet worden gecontroleerd',
        hint: 'Er ging iets mis. Probeer het opnieuw.',
      },
    },
    retry: 'Opnieuw proberen',
  },
};
