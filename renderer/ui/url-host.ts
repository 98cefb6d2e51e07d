// The host a URL names, for sentences such as "Checking the key at api.stripe.com…"; the text
// as it is when it is not a URL.
export function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host;
  } catch {
    return url.trim();
  }
}
