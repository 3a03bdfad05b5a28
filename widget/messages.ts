import { msg } from '@lit/localize';
import type { ErrorCode } from '../schemas/constants.js';

/** Codes the widget gives itself: the server never answered with one of its own. */
type WidgetCode = 'load_failed';

const generic = () => msg('Er ging iets mis. Probeer het later opnieuw.');
const setup = () => msg('Deze vragenlijst is niet goed ingesteld op deze website. Wilt u dit laten weten aan de organisatie?');
const gone = () => msg('Deze vragenlijst bestaat niet meer.');
const signIn = () => msg('U bent niet ingelogd, of uw toegangscode klopt niet. Log opnieuw in om interviews in te voeren.');
const inviteOnly = () => msg('U kunt deze vragenlijst alleen invullen via de persoonlijke link die u heeft gekregen.');
const answers = () => msg('Er ging iets mis met uw antwoorden. Kijk uw antwoorden na en probeer het opnieuw.');

// Every code has its entry, so a new error code does not compile until a client can be told about it.
const MESSAGES: Record<ErrorCode | WidgetCode, () => string> = {
  bad_request: generic,
  invalid_json: generic,
  invalid_csv: generic,
  unknown_column: generic,
  unsupported_media_type: generic,
  payload_too_large: generic,
  validation_failed: answers,
  invalid_date: generic,
  unauthorized: signIn,
  token_expired: () => msg('Uw toegangscode is verlopen. Vraag een nieuwe aan bij de beheerder.'),
  forbidden: () => msg('Met deze toegangscode mag u dit niet doen.'),
  not_found: generic,
  method_not_allowed: generic,
  unknown_site_key: setup,
  origin_not_allowed: setup,
  team_not_allowed: setup,
  questionnaire_not_found: gone,
  version_not_found: gone,
  questionnaire_closed: () => msg('Deze vragenlijst is gesloten. U kunt geen antwoorden meer geven.'),
  not_a_draft: generic,
  incompatible_change: generic,
  locked_item: generic,
  jeugd_per_partner: generic,
  already_exists: generic,
  submission_conflict: generic,
  invite_invalid: () => msg('Deze link klopt niet. Kijk of u de hele link heeft overgenomen, of scan de code opnieuw.'),
  invite_used: () => msg('Deze link is al gebruikt. Met een persoonlijke link kunt u de vragenlijst maar één keer invullen.'),
  invite_expired: () => msg('Deze link is verlopen. U kunt de vragenlijst niet meer invullen met deze link.'),
  invite_required: inviteOnly,
  kiosk_not_registered: setup,
  rate_limited: generic,
  unknown_item: answers,
  invalid_value: answers,
  hidden_item_answered: answers,
  required_missing: answers,
  text_too_long: answers,
  period_not_allowed: generic,
  combination_not_allowed: generic,
  csrf_failed: generic,
  session_expired: () => msg('U bent afgemeld. Meld u opnieuw aan.'),
  setup_invalid: () => msg('Deze link is al gebruikt of werkt niet meer. Vraag een beheerder om een nieuwe link.'),
  setup_expired: () => msg('Deze link is verlopen. Vraag een beheerder om een nieuwe link.'),
  webauthn_failed: () => msg('Aanmelden met uw toegangssleutel is niet gelukt. Probeer het opnieuw.'),
  internal_error: generic,
  load_failed: () => msg('De vragenlijst kon niet worden geladen. Controleer uw internetverbinding en probeer het opnieuw.'),
};

/** Text a client reads for an error code. Server prose is never shown: it is English and technical. */
export function errorMessage(code: string): string {
  return (Object.hasOwn(MESSAGES, code) ? MESSAGES[code as keyof typeof MESSAGES] : generic)();
}
