// Copies text the page already shows: the redirect URI to register, or the one-time display of
// a newly minted token (the contract's one exception). Other secrets are copied by main only
// (DESIGN.md "Processes and trust"). The app denies every permission request
// (permission.policy.ts), so navigator.clipboard may refuse; the fallback copies the selection
// of the read-only field the user clicked beside, which needs no permission inside a click.

/** Resolves true when the text reached the clipboard. */
export async function copyVisibleText(
  text: string,
  field?: HTMLInputElement | null,
): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied (the app's policy) or no focus: fall back to the selection.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    // Deprecated but still the permission-free way to copy a selection during a click.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
