import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

export type Lang = 'en' | 'fr';
export type BuiltMessages = Record<string, { message: string }>;

/**
 * A locale as the build ships it (`_locales/<lang>/messages.json`, made by `@wxt-dev/i18n` from
 * `lib/i18n/locales/<lang>.yml`): plural forms joined by " | ", nested keys joined by "_".
 */
export function builtMessages(lang: Lang): BuiltMessages {
  const text = readFileSync(`lib/i18n/locales/${lang}.yml`, 'utf8');
  return generateChromeMessages(parseMessagesText(text, 'YAML'));
}

/** Chrome's `i18n.getMessage` over built messages: `$1`…`$9`, `$$` for a dollar, '' when missing. */
export function getMessageFrom(messages: BuiltMessages) {
  return (name: string, substitutions?: string | (string | number)[]): string => {
    const subs = (typeof substitutions === 'string' ? [substitutions] : (substitutions ?? [])).map(String);
    const message = messages[name]?.message;
    if (message === undefined) return '';
    return message.replace(/\$(\$|[1-9])/g, (_, c: string) =>
      c === '$' ? '$' : (subs[Number(c) - 1] ?? ''),
    );
  };
}
