import { normalizeJoinCode } from '@gommette/shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { PhoneApp } from './PhoneApp';
import { prefetchJoinInfo } from './people/useJoinInfo';
import { registerPhoneServiceWorker } from './phoneServiceWorker';
import './styles/base.css';

// The resident's phone page (phone.html, served for /j and /j/…): built apart from the staff's
// pages, on Preact (vite.config.ts), so a phone on mobile data downloads half as much.
const container = document.getElementById('root');
if (!container) throw new Error('Gommette: #root is missing from phone.html');

// What the join link opens is asked for at once, while the words load and the page first renders.
const joinCode = normalizeJoinCode(/^\/j\/([^/]+)\/?$/.exec(window.location.pathname)?.[1] ?? '');
if (joinCode) prefetchJoinInfo(joinCode);

void initI18n().finally(() => {
  createRoot(container).render(
    <StrictMode>
      <PhoneApp />
    </StrictMode>,
  );
});
registerPhoneServiceWorker();
