import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The JSON files of a build, written without indentation: the locales (the i18n module writes them
 * indented) and the managed-policy schema. Every user downloads them; the browser reads them the same.
 */
export async function minifyBuiltJson(outDir: string): Promise<void> {
  const locales = await readdir(join(outDir, '_locales')).catch(() => []);
  const files = [
    ...locales.map((locale) => join(outDir, '_locales', locale, 'messages.json')),
    join(outDir, 'managed_schema.json'),
  ];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) await writeFile(file, JSON.stringify(JSON.parse(text)));
  }
}
