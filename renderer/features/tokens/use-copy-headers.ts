// "Copy headers" for one entry, from the list (Enter, Ctrl/Cmd+C) or the detail pane. Main
// formats the headers and writes the clipboard; we only learn when it will be cleared, and
// say so in a toast.
import { useCallback } from 'react';
import type { EntryView, HeaderFormat } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { useToast } from '../../ui/toast';
import { settle, useApi } from '../../vault-client';

/** Seconds left until `clearsAt`, never below one (the toast would otherwise say 0 s). */
export function secondsUntil(clearsAt: number, now: number): number {
  return Math.max(1, Math.round((clearsAt - now) / 1000));
}

export function useCopyHeaders(): (entry: EntryView, format?: HeaderFormat) => Promise<boolean> {
  const api = useApi();
  const toast = useToast();
  return useCallback(
    async (entry, format) => {
      const result = await settle(() =>
        api.copyHeaders(format ? { id: entry.id, format } : { id: entry.id }),
      );
      if (!result.ok) {
        toast.show(errorText(result.error), 'error');
        return false;
      }
      const { clearsAt } = result.value;
      toast.show(
        clearsAt === null
          ? t('tokens.copiedKept', { label: entry.label })
          : t('tokens.copied', { label: entry.label, seconds: secondsUntil(clearsAt, Date.now()) }),
        'success',
      );
      return true;
    },
    [api, toast],
  );
}
