import { render } from 'preact';
import { applyDocumentLanguage, t } from '@/lib/i18n';
import { App } from './App';
import '@/components/styles.css';

applyDocumentLanguage(document);
// The tab reads as the page's heading does ("Twofold settings"), in the browser's language.
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
