// Top-level switch: loading -> first run -> locked -> the app. Which screen shows follows the
// vault status from main, so a lock from the tray or the idle timer takes effect here too.
import { Fragment, useEffect, useState } from 'react';
import { AppFrame, type View } from './features/tokens/app-frame';
import { CreateVaultScreen } from './features/unlock/create-vault.screen';
import { UnlockScreen } from './features/unlock/unlock.screen';
import { errorText } from './i18n/api-errors';
import { t } from './i18n/i18n';
import { useLanguage } from './i18n/use-language';
import { ToastProvider } from './ui/toast';
import { useSettings, useVaultStatus } from './vault-client';

/**
 * Applies the theme setting ('system' leaves it to prefers-color-scheme) and the language
 * setting ('system' follows navigator.languages); returns the active language.
 */
function useAppearance() {
  const settings = useSettings();
  const language = useLanguage(settings.value?.language ?? 'system');
  const theme = settings.value?.theme ?? 'system';
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  return language;
}

export function App() {
  const status = useVaultStatus();
  const language = useAppearance();
  const [view, setView] = useState<View>('tokens');
  const current = status.value;

  let screen;
  if (!current) {
    screen = (
      <main className="gate">
        <p className="gate__loading" role={status.error ? 'alert' : 'status'}>
          {status.error ? errorText(status.error) : t('app.loading')}
        </p>
      </main>
    );
  } else if (!current.exists) {
    screen = <CreateVaultScreen onCreated={status.set} />;
  } else if (current.locked) {
    // Every unlock starts at the token list, whatever screen was open when the vault locked.
    const unlocked = (next: typeof current) => {
      setView('tokens');
      status.set(next);
    };
    screen = (
      <UnlockScreen
        recoveryNotice={current.recoveryNotice}
        newerFormat={current.newerFormat}
        onUnlocked={unlocked}
      />
    );
  } else {
    screen = (
      <AppFrame
        onStatus={status.set}
        integrityNotice={current.integrityNotice}
        view={view}
        setView={setView}
      />
    );
  }
  // Keyed on the language: every `t()` below runs again (memoised rows included).
  return (
    <ToastProvider>
      <Fragment key={language}>{screen}</Fragment>
    </ToastProvider>
  );
}
