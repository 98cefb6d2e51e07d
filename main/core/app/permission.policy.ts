// Permission requests from the page (notifications, media, geolocation, clipboard, HID...)
// are all refused (security.md 4): the page needs none of them, because notifications and
// the clipboard are handled by main. One function so the shell and the tests share it.

export function decidePermission(_permission: string, _requestingUrl?: string): false {
  return false;
}
