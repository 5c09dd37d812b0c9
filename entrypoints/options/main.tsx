import { render } from 'preact';
import { applyDocumentLanguage } from '@/lib/i18n';
import { App } from './App';
import '@/components/styles.css';

applyDocumentLanguage(document);
render(<App />, document.getElementById('app')!);
