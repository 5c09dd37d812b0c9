import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WhatsNew } from '@/components/WhatsNew';
import { applyDocumentLanguage, t } from '@/lib/i18n';
import english from '../../CHANGELOG.md?raw';
import french from '../../CHANGELOG.fr.md?raw';
import '@/components/styles.css';

applyDocumentLanguage(document);
document.title = t('whatsNewTitle');
const changelog = browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? french : english;
render(<WhatsNew changelog={changelog} />, document.getElementById('app')!);
