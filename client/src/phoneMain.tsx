import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { PhoneApp } from './PhoneApp';
import { registerPhoneServiceWorker } from './phoneServiceWorker';
import './styles/base.css';

// The resident's phone page (phone.html, served for /j and /j/…): built apart from the staff's
// pages, on Preact (vite.config.ts), so a phone on mobile data downloads half as much.
const container = document.getElementById('root');
if (!container) throw new Error('Gommette: #root is missing from phone.html');

void initI18n().finally(() => {
  createRoot(container).render(
    <StrictMode>
      <PhoneApp />
    </StrictMode>,
  );
});
registerPhoneServiceWorker();
