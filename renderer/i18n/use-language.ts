// Follows the language setting: resolves 'system' against the browser's preferred languages,
// activates the catalog before children render, and returns the language so the caller can
// key its tree on it (a change re-renders every `t()` call). Wiring, in App.tsx:
//   const language = useLanguage(settings.value?.language ?? 'system');
//   return <Fragment key={language}>…</Fragment>;
import { useMemo } from 'react';
import { currentLanguage, resolveLanguage, setLanguage, type Language } from './i18n';

export function useLanguage(setting: Language | 'system'): Language {
  return useMemo(() => {
    const language = resolveLanguage(setting, navigator.languages ?? [navigator.language]);
    if (language !== currentLanguage()) setLanguage(language);
    return language;
  }, [setting]);
}
