// Stand-in dialog for an add action whose provider form has not been plugged in yet
// (see ../registry.ts). It keeps the empty-state buttons honest instead of dead.
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import type { AddDialogProps } from '../provider-ui';

export function PlaceholderAddDialog({ title, onClose }: AddDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <p>{t('tokens.add.unavailable')}</p>
    </Dialog>
  );
}
