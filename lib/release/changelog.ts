/**
 * The changelog as blocks for the What's new page: the subset of Markdown CHANGELOG.md uses
 * (headings, list items over several lines, paragraphs; links, brackets and code shown as their text).
 * Rendered as text nodes, never as HTML.
 */

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'paragraph'; text: string };

/** Inline Markdown reduced to its words: `[text](url)` → text, `` `code` `` → code, **bold** → bold. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      // A version heading's brackets (Keep a Changelog's link references) are not words either.
      .replace(/\[([^\]]*)\]/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\*\*([^*]*)\*\*/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function changelogBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  let comment = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    if (comment || line.trimStart().startsWith('<!--')) {
      comment = !line.includes('-->');
      open = undefined;
      continue;
    }
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: plainText(heading[2]!) });
      open = undefined;
    } else if (line.startsWith('- ')) {
      open = { kind: 'item', text: line.slice(2) };
      blocks.push(open);
    } else if (line.trim() === '') {
      open = undefined;
    } else if (open) {
      open.text += ` ${line.trim()}`;
    } else {
      open = { kind: 'paragraph', text: line.trim() };
      blocks.push(open);
    }
  }
  return blocks.map((block) => ({ ...block, text: plainText(block.text) }));
}
