/**
 * Did the page refuse the code Twofold filled? Pages say so in an alert near the form;
 * this reads the alerts (role="alert", aria-live regions, common error classes) and
 * matches common wordings in the languages Twofold reads.
 */

const WRONG_CODE_WORDINGS: readonly RegExp[] = [
  // English
  /\b(incorrect|invalid|wrong|expired)\b.{0,40}\b(code|otp|token|passcode|verification)\b/i,
  /\b(code|otp|token|passcode)\b.{0,40}\b(incorrect|invalid|wrong|expired|not valid|didn't work|does not match)\b/i,
  // French
  /\bcode\b.{0,40}\b(incorrect|invalide|erron[ée]|expir[ée])/i,
  // German
  /\b(code|einmalpasswort|bestätigungscode|sicherheitscode)\b.{0,40}\b(falsch|ungültig|abgelaufen)/i,
  /\b(falscher|ungültiger)\b.{0,20}\b(code|sicherheitscode|bestätigungscode)\b/i,
  // Spanish, Portuguese, Italian
  /\bc[óo]dig[oa]\b.{0,40}\b(incorrect[oa]|inv[áa]lid[oa]|err[óo]ne[oa]|caducad[oa]|expirad[oa])/i,
  /\bcodice\b.{0,40}\b(errato|non valido|scaduto|sbagliato)/i,
  // Dutch
  /\bcode\b.{0,40}\b(onjuist|ongeldig|verkeerd|verlopen)/i,
];

export function isWrongCodeText(text: string): boolean {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 0 && clean.length < 400 && WRONG_CODE_WORDINGS.some((re) => re.test(clean));
}

const ALERT_SELECTOR =
  '[role="alert"], [aria-live="assertive"], [aria-live="polite"], .error, .alert-danger, .invalid-feedback';

/** The visible alert text of the page that says the code was refused, if any. */
export function findWrongCodeAlert(doc: Document): Element | undefined {
  for (const element of doc.querySelectorAll(ALERT_SELECTOR)) {
    if (isWrongCodeText(element.textContent ?? '')) return element;
  }
  return undefined;
}

/**
 * Calls `onWrongCode` once, when the page shows (or already shows) a wrong-code alert.
 * Returns a stop function.
 */
export function watchForWrongCode(
  doc: Document,
  win: Window,
  onWrongCode: (alert: Element) => void,
): () => void {
  let done = false;
  const check = () => {
    if (done) return;
    const alert = findWrongCodeAlert(doc);
    if (!alert) return;
    done = true;
    observer.disconnect();
    onWrongCode(alert);
  };
  const observer = new (win as Window & typeof globalThis).MutationObserver(check);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  check();
  return () => {
    done = true;
    observer.disconnect();
  };
}
