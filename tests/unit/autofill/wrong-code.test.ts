import { describe, expect, it } from 'vitest';
import { findWrongCodeAlert, isWrongCodeText, watchForWrongCode } from '@/lib/content/wrong-code';

describe('isWrongCodeText', () => {
  it.each([
    ['sandbox, en', 'Incorrect code. Check the code and try again.'],
    ['sandbox, fr', 'Code incorrect. Vérifiez le code et réessayez.'],
    ['en', 'The verification code you entered is invalid.'],
    ['en', 'Invalid OTP'],
    ['en', "That code didn't work. Try again."],
    ['fr', 'Le code saisi est invalide.'],
    ['de', 'Der Code ist ungültig.'],
    ['de', 'Falscher Sicherheitscode'],
    ['es', 'El código es incorrecto.'],
    ['it', 'Il codice non è valido: codice errato'],
    ['pt', 'Código inválido'],
    ['nl', 'De code is onjuist.'],
  ])('%s: "%s" is a wrong-code message', (_lang, text) => {
    expect(isWrongCodeText(text)).toBe(true);
  });

  it.each([
    'Enter the 6-digit code from your app.',
    'Saisissez le code à 6 chiffres.',
    'Incorrect email or password.',
    'Adresse e-mail ou mot de passe incorrect.',
    '',
  ])('"%s" is not', (text) => {
    expect(isWrongCodeText(text)).toBe(false);
  });
});

describe('findWrongCodeAlert and watchForWrongCode', () => {
  it('finds the alert, not a hint with the same words elsewhere', () => {
    document.body.innerHTML = `<p>If the code is incorrect, wait for the next one.</p><form><div role="alert">Incorrect code. Check the code and try again.</div></form>`;
    expect(findWrongCodeAlert(document)?.getAttribute('role')).toBe('alert');
    document.body.innerHTML = `<p>If the code is incorrect, wait for the next one.</p>`;
    expect(findWrongCodeAlert(document)).toBeUndefined();
  });

  it('reports an alert the page adds later, once', async () => {
    document.body.innerHTML = '<form><input autocomplete="one-time-code"></form>';
    const seen: string[] = [];
    const stop = watchForWrongCode(document, window, (alert) => seen.push(alert.textContent ?? ''));
    const alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.textContent = 'Code incorrect.';
    document.body.append(alert);
    await new Promise((r) => setTimeout(r, 0));
    alert.textContent = 'Code incorrect. Réessayez.';
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['Code incorrect.']);
    stop();
  });
});
