import { Puppeteer, type Frame, type Locator, type Page } from 'puppeteer-core';

let registered = false;

/**
 * `::-p-label(Text)`: the form field whose label (a <label>, aria-label or
 * aria-labelledby) is exactly Text, as a person reads the form. Puppeteer's
 * `::-p-aria` also matches the <label> itself, so fields get their own handler.
 */
export function registerQueries(): void {
  if (registered) return;
  registered = true;
  Puppeteer.registerCustomQueryHandler('label', {
    // Serialised into the page: no named inner functions (a transpiler may wrap them in helpers).
    queryAll: (root, text) => {
      const doc = root.ownerDocument ?? (root as Document);
      return Array.from((root as ParentNode).querySelectorAll('input, textarea, select')).filter((el) => {
        const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => (id ? (doc.getElementById(id)?.textContent ?? '') : ''))
          .join(' ');
        const names = [
          ...Array.from((el as HTMLInputElement).labels ?? [], (label) => label.textContent ?? ''),
          el.getAttribute('aria-label') ?? '',
          labelledBy,
        ];
        return names.some((name) => name.replace(/\s+/g, ' ').trim() === text);
      });
    },
  });
}

type Scope = Page | Frame;

export function field(scope: Scope, label: string): Locator<Element> {
  registerQueries();
  return scope.locator(`::-p-label(${label})`);
}

export function button(scope: Scope, name: string): Locator<Element> {
  return scope.locator(`::-p-aria([name="${name}"][role="button"])`);
}

/** The value of the field labelled `label`, or undefined while there is none. */
export async function valueOf(scope: Scope, label: string): Promise<string | undefined> {
  registerQueries();
  const handle = await scope.$(`::-p-label(${label})`);
  if (!handle) return undefined;
  return handle.evaluate((el) => (el as HTMLInputElement).value);
}

/** The visible text of the page (or frame), whitespace collapsed. */
export async function textOf(scope: Scope): Promise<string> {
  return scope.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
}
