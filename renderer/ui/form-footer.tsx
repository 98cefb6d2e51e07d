// The footer of a dialog that holds a form: Cancel, then the primary button that submits the
// form by id (the footer sits outside the <form>, so Enter and the button submit the same way).
import { Button } from './button';

export interface FormFooterProps {
  /** The id of the <form> inside the dialog body. */
  formId: string;
  submitLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  /** Main is working on the submitted form: the submit button shows busy and blocks clicks. */
  busy?: boolean;
}

export function FormFooter({ formId, submitLabel, cancelLabel, onCancel, busy }: FormFooterProps) {
  return (
    <>
      <Button onClick={onCancel}>{cancelLabel}</Button>
      <Button variant="primary" type="submit" form={formId} busy={busy}>
        {submitLabel}
      </Button>
    </>
  );
}
