import { msg } from '@lit/localize';

/** Text a client reads for an error code. Server prose is never shown: it is English and technical. */
export function errorMessage(code: string): string {
  switch (code) {
    case 'unknown_site_key':
    case 'origin_not_allowed':
    case 'team_not_allowed':
      return msg('Deze vragenlijst is niet goed ingesteld op deze website. Wilt u dit laten weten aan de organisatie?');
    case 'questionnaire_not_found':
    case 'version_not_found':
      return msg('Deze vragenlijst bestaat niet meer.');
    case 'questionnaire_closed':
      return msg('Deze vragenlijst is gesloten. U kunt geen antwoorden meer geven.');
    case 'invite_invalid':
      return msg('Deze link is al gebruikt of verlopen. U kunt de vragenlijst maar één keer invullen.');
    case 'load_failed':
      return msg('De vragenlijst kon niet worden geladen. Controleer uw internetverbinding en probeer het opnieuw.');
    case 'unknown_item':
    case 'invalid_value':
    case 'hidden_item_answered':
    case 'required_missing':
    case 'text_too_long':
    case 'validation_failed':
      return msg('Er ging iets mis met uw antwoorden. Kijk uw antwoorden na en probeer het opnieuw.');
    default:
      return msg('Er ging iets mis. Probeer het later opnieuw.');
  }
}
