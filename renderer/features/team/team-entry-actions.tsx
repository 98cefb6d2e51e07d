// In an entry's detail: "Share with team" for a personal entry (when this vault is in a team
// and holds its key), "Move to personal" for a shared one, and which team shares it.
import { useState } from 'react';
import type { EntryView } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { useToast } from '../../ui/toast';
import { settle, useApi, useTeamStatus } from '../../vault-client';

export function TeamEntryActions({ entry }: { entry: EntryView }) {
  const api = useApi();
  const toast = useToast();
  const team = useTeamStatus().value;
  const [busy, setBusy] = useState(false);
  if (!team?.member || !team.active) return null;

  const move = async () => {
    setBusy(true);
    const result = await settle(() =>
      entry.team ? api.unshareEntry({ id: entry.id }) : api.shareEntry({ id: entry.id }),
    );
    setBusy(false);
    if (!result.ok) {
      toast.show(errorText(result.error), 'error');
      return;
    }
    toast.show(
      entry.team
        ? t('detail.unshared', { label: entry.label })
        : t('detail.shared', { label: entry.label, team: result.value.team ?? '' }),
      'success',
    );
  };

  return (
    <Button busy={busy} disabled={team.offlineSince !== undefined} onClick={() => void move()}>
      {entry.team ? t('detail.unshare') : t('detail.share')}
    </Button>
  );
}
