import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('Gommette: #root is missing from index.html');

// The remembered language (if not French) is loaded before the first render: no French flash.
void initI18n().finally(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
