// "Are you sure?" on top of Dialog: a question, optional extra content (e.g. a checkbox), and
// Cancel / confirm buttons. Cancel gets focus first so Enter on an accidental open is harmless.
import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n/i18n';
import { Button, type ButtonVariant } from './button';
import { Dialog } from './dialog';

export interface ConfirmDialogProps {
  title: string;
  /** The question, one or two sentences. */
  message: ReactNode;
  confirmLabel: string;
  tone?: Extract<ButtonVariant, 'primary' | 'danger'>;
  busy?: boolean;
  /** Shown under the message, e.g. an option or an error. */
  children?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  tone = 'danger',
  busy = false,
  children,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  // On open: Dialog focused its first field if there is one; otherwise Cancel takes focus.
  useEffect(() => {
    const dialog = cancel.current?.closest('dialog');
    if (!dialog?.querySelector('input, select, textarea')) cancel.current?.focus();
  }, []);
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      footer={
        <>
          <Button ref={cancel} variant="secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant={tone} busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p className="confirm__message">{message}</p>
      {children}
    </Dialog>
  );
}
