// The unlocked app: header (name, search, settings, lock) and the current view.
// Shortcuts: Ctrl/Cmd+L locks, Ctrl/Cmd+F jumps to search.
import { useEffect, useRef, useState } from 'react';
import type { VaultStatus } from '../../../preload/api';
import { describeIntegrityNotice, errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Described } from '../../ui/described';
import { useToast } from '../../ui/toast';
import { settle, useApi, useVaultEvent } from '../../vault-client';
import { SettingsScreen } from '../settings/settings.screen';
import { TeamScreen } from '../team/team.screen';
import { useNow } from './use-now';
import { TokensView } from './tokens.view';

export type View = 'tokens' | 'settings' | 'team';

const isMac = /Mac/.test(navigator.platform);

interface AppFrameProps {
  onStatus: (status: VaultStatus) => void;
  /** What the last unlock found changed in the file, if anything (VaultStatus.integrityNotice). */
  integrityNotice?: string | undefined;
  /** Held by App so a re-render keyed on the language keeps the screen the user is on. */
  view: View;
  setView: (view: View) => void;
}

export function AppFrame({ onStatus, integrityNotice, view, setView }: AppFrameProps) {
  const api = useApi();
  /** The notice the user dismissed; a different one shows again. */
  const [dismissed, setDismissed] = useState<string | undefined>();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const now = useNow();
  /** Entry to bring into view: a notification or tray item about it was clicked. */
  const [focus, setFocus] = useState<{ id: string; seq: number } | undefined>();

  useVaultEvent('onFocusEntry', ({ id }) => {
    setView('tokens');
    setQuery('');
    setFocus((current) => ({ id, seq: (current?.seq ?? 0) + 1 }));
  });

  const lock = async () => {
    const result = await settle(() => api.lock());
    if (result.ok) onStatus(result.value);
    else toast.show(errorText(result.error), 'error');
  };
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = isMac ? event.metaKey : event.ctrlKey;
      if (!mod || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'l') {
        event.preventDefault();
        void lockRef.current();
      } else if (key === 'f') {
        event.preventDefault();
        setView('tokens');
        // The search box exists in both views; focus after the view switch rendered.
        window.requestAnimationFrame(() => search.current?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);

  const shortcut = isMac ? '⌘' : 'Ctrl+';

  return (
    <div className="frame">
      <header className="frame__header">
        <span className="frame__brand">
          <span className="frame__logo" aria-hidden="true" />
          {t('app.name')}
        </span>
        <div className="frame__search" role="search">
          <label className="visually-hidden" htmlFor="token-search">
            {t('tokens.search.label')}
          </label>
          <input
            ref={search}
            id="token-search"
            className="frame__search-input"
            type="search"
            placeholder={t('tokens.search.placeholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setView('tokens');
            }}
          />
        </div>
        <nav className="frame__nav" aria-label={t('frame.nav')}>
          <Button
            variant="ghost"
            aria-pressed={view === 'team'}
            onClick={() => setView(view === 'team' ? 'tokens' : 'team')}
          >
            {view === 'team' ? t('frame.backToTokens') : t('frame.team')}
          </Button>
          <Button
            variant="ghost"
            aria-pressed={view === 'settings'}
            onClick={() => setView(view === 'settings' ? 'tokens' : 'settings')}
          >
            {view === 'settings' ? t('frame.backToTokens') : t('frame.settings')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => void lock()}
            aria-keyshortcuts={isMac ? 'Meta+L' : 'Control+L'}
            title={t('frame.lockHint', { shortcut: `${shortcut}L` })}
          >
            {t('frame.lock')}
          </Button>
        </nav>
      </header>
      <main className="frame__content">
        {integrityNotice && dismissed !== integrityNotice ? (
          <div className="notice notice--warning frame__notice" role="alert">
            <strong className="notice__title">{t('frame.changedOutsideTitle')}</strong>
            <p className="notice__body">
              <Described description={describeIntegrityNotice(integrityNotice)} />
            </p>
            <Button variant="secondary" onClick={() => setDismissed(integrityNotice)}>
              {t('frame.changedOutsideDismiss')}
            </Button>
          </div>
        ) : null}
        {view === 'tokens' ? (
          <TokensView query={query} now={now} focus={focus} onClearQuery={() => setQuery('')} />
        ) : view === 'team' ? (
          <TeamScreen />
        ) : (
          <SettingsScreen />
        )}
      </main>
    </div>
  );
}
