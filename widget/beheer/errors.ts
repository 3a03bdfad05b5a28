import { msg } from '@lit/localize';
import type { ErrorCode } from '../../schemas/constants.js';
import { ApiFailure } from './client.js';

// Every code has its text, so a new error code does not compile until beheer can explain it.
const TEXTS: Record<ErrorCode | 'load_failed', () => string> = {
  bad_request: () => msg('Dit verzoek klopt niet. Probeer het opnieuw.'),
  invalid_json: () => msg('Het bestand of formulier kon niet worden gelezen.'),
  invalid_csv: () =>
    msg('Dit CSV-bestand heeft niet de indeling van de export: de eerste regel moet de kolomnamen geven, en elke regel even veel velden.'),
  unknown_column: () => msg('Dit CSV-bestand heeft een kolom die de export niet kent. Gebruik de kolomnamen van de export.'),
  unsupported_media_type: () => msg('Dit soort bestand kan Peil niet lezen. Gebruik NDJSON of CSV.'),
  payload_too_large: () => msg('Dit is te groot. Maak het bestand of de tekst kleiner.'),
  validation_failed: () => msg('Niet alles klopt. Kijk de velden met een melding na.'),
  invalid_date: () => msg('Deze datum bestaat niet.'),
  unauthorized: () => msg('U bent niet (meer) aangemeld. Meld u opnieuw aan.'),
  token_expired: () => msg('Deze sleutel is verlopen. Vraag een nieuwe aan.'),
  forbidden: () => msg('U mag dit niet doen met uw rol.'),
  not_found: () => msg('Dit bestaat niet (meer).'),
  method_not_allowed: () => msg('Dit kan hier niet.'),
  unknown_site_key: () => msg('Deze sitesleutel bestaat niet.'),
  origin_not_allowed: () => msg('Dit webadres is niet toegestaan.'),
  team_not_allowed: () => msg('Dit team hoort niet bij deze partner.'),
  locked_item: () =>
    msg('Deze vraag hoort bij de landelijke kernvragen (CEO of MCJO). U mag er vragen omheen zetten, maar haar niet wijzigen of weglaten.'),
  jeugd_per_partner: () => msg('Bij een vragenlijst voor de Jeugdwet vergelijkt Peil geen aanbieders. Kijk per team of per periode.'),
  kiosk_not_registered: () => msg('Deze sitesleutel is geen kiosk. Zet de kioskstand aan bij de sitesleutel.'),
  questionnaire_not_found: () => msg('Deze vragenlijst bestaat niet.'),
  version_not_found: () => msg('Deze versie bestaat niet.'),
  questionnaire_closed: () => msg('Deze vragenlijst is gesloten.'),
  not_a_draft: () => msg('Er is geen concept om te publiceren.'),
  incompatible_change: () => msg('Deze wijziging breekt de vergelijking met eerdere versies. Geef een gewijzigde vraag een nieuwe id.'),
  already_exists: () => msg('Dit bestaat al. Kies een andere naam.'),
  submission_conflict: () => msg('Deze regel botst met een eerder antwoord met dezelfde id.'),
  invite_invalid: () => msg('Deze uitnodiging klopt niet.'),
  invite_used: () => msg('Deze uitnodiging is al gebruikt.'),
  invite_expired: () => msg('Deze uitnodiging is verlopen.'),
  invite_required: () => msg('Alleen met een uitnodiging.'),
  rate_limited: () => msg('Te veel verzoeken. Wacht even en probeer het opnieuw.'),
  unknown_item: () => msg('Deze vraag bestaat niet in de vragenlijst.'),
  invalid_value: () => msg('Dit antwoord past niet bij de vraag.'),
  hidden_item_answered: () => msg('Deze vraag had niet gesteld mogen worden.'),
  required_missing: () => msg('Een verplichte vraag is niet beantwoord.'),
  text_too_long: () => msg('Deze tekst is te lang.'),
  period_not_allowed: () => msg('Deze periode is niet beschikbaar.'),
  combination_not_allowed: () => msg('Deze combinatie van filters kan niet.'),
  csrf_failed: () => msg('Dit verzoek kwam niet van beheer zelf en is geweigerd. Er is niets veranderd.'),
  session_expired: () => msg('U bent afgemeld omdat u een tijd niets deed. Meld u opnieuw aan.'),
  setup_invalid: () => msg('Deze link is al gebruikt of werkt niet meer. Vraag een beheerder om een nieuwe link.'),
  setup_expired: () => msg('Deze link is verlopen. Vraag een beheerder om een nieuwe link.'),
  webauthn_failed: () => msg('Aanmelden met uw toegangssleutel is niet gelukt. Probeer het opnieuw.'),
  internal_error: () => msg('Er ging iets mis bij Peil. Er is niets veranderd. Probeer het later opnieuw.'),
  load_failed: () => msg('Peil is niet bereikbaar. Controleer uw internetverbinding.'),
};

/** Dutch text for what went wrong: by the API's error code, never the server's English prose. */
export function problem(e: unknown): string {
  const code = e instanceof ApiFailure ? e.code : 'internal_error';
  return (Object.hasOwn(TEXTS, code) ? TEXTS[code as keyof typeof TEXTS] : TEXTS.internal_error)();
}

/** Dutch text for one problem of an imported line: an API error code, or else a zod issue code. */
export function lineIssueText(code: string): string {
  return Object.hasOwn(TEXTS, code) ? TEXTS[code as keyof typeof TEXTS]() : issueText(code);
}

/** Dutch text for a field's problem, by the zod issue code the API (or the console's own check) reports. */
export function issueText(code: string): string {
  switch (code) {
    case 'too_small':
      return msg('Vul dit in.');
    case 'too_big':
      return msg('Dit is te lang.');
    case 'invalid_format':
      return msg('Gebruik alleen kleine letters, cijfers en een streepje.');
    case 'invalid_type':
    case 'invalid_value':
      return msg('Kies een van de mogelijkheden.');
    case 'duplicate':
      return msg('Deze id komt twee keer voor. Elke id mag maar één keer.');
    default:
      return msg('Dit klopt niet.');
  }
}

/** The issues of a refusal for one field (its first path segment), as Dutch text. */
export function fieldProblems(e: unknown, field: string): string[] {
  if (!(e instanceof ApiFailure)) return [];
  return e.issues.filter((i) => String(i.path[0]) === field).map((i) => issueText(i.code));
}
