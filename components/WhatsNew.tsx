import { changelogBlocks, type Block } from '@/lib/release/changelog';
import { t } from '@/lib/i18n';

/** Consecutive list items in one list, everything else as it comes. */
function group(blocks: Block[]): (Block | Block[])[] {
  const out: (Block | Block[])[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (block.kind === 'item' && Array.isArray(last)) last.push(block);
    else out.push(block.kind === 'item' ? [block] : block);
  }
  return out;
}

/**
 * Settings › What's new: the changelog bundled with this version, in the browser's language. Its own
 * title and intro replace the file's first heading and paragraph (which talk about the file).
 */
export function WhatsNew({ changelog }: { changelog: string }) {
  const blocks = changelogBlocks(changelog);
  const firstVersion = blocks.findIndex((block) => block.kind === 'heading' && block.level === 2);
  return (
    <main class="options stack whats-new">
      <header class="brand">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('whatsNewTitle')}</h1>
      </header>
      <p>{t('whatsNewIntro')}</p>
      {group(blocks.slice(Math.max(firstVersion, 0))).map((part, i) => {
        if (Array.isArray(part)) {
          return (
            <ul key={i}>
              {part.map((item, j) => (
                <li key={j}>{item.text}</li>
              ))}
            </ul>
          );
        }
        if (part.kind === 'heading')
          return part.level <= 2 ? <h2 key={i}>{part.text}</h2> : <h3 key={i}>{part.text}</h3>;
        return <p key={i}>{part.text}</p>;
      })}
    </main>
  );
}
