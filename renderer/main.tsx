// Renderer entry. The API object comes from the preload; without it (page opened outside the
// app) we say so instead of failing on the first call.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { t } from './i18n/i18n';
import { VaultClientProvider, readWindowApi } from './vault-client';
import './styles/theme.css';
import './styles/components.css';
import './styles/screens.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

const api = readWindowApi();
createRoot(container).render(
  <StrictMode>
    {api ? (
      <VaultClientProvider api={api}>
        <App />
      </VaultClientProvider>
    ) : (
      <main className="gate">
        <p className="gate__loading" role="alert">
          {t('app.noBridge')}
        </p>
      </main>
    )}
  </StrictMode>,
);
