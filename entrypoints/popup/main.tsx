import { render } from 'preact';
import { holdIdleWorkUntil } from '@/components/idle';
import { prefetchPopup } from '@/components/prefetch';
import { applyDocumentLanguage } from '@/lib/i18n';
import { App } from './App';
import '@/components/styles.css';

// Before anything else: the background starts working while the page renders.
const prefetch = prefetchPopup();
holdIdleWorkUntil(prefetch.state);
applyDocumentLanguage(document);
render(<App prefetch={prefetch} />, document.getElementById('app')!);
