// Which IPC requests count as user activity for the idle lock.
import type { Channel } from '../../../preload/api';

/**
 * Reads that the renderer issues on its own (polling, refresh after an event) are not user
 * activity; counting them would keep an unattended vault unlocked forever.
 */
export const PASSIVE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'vault:get-status',
  'vault:get-password-rules',
  'settings:get',
  'tokens:list',
  'tokens:get',
  'tokens:audit',
  'reminders:list',
  'faxplus:redirect-uri',
  'oauth2:redirect-uri',
  'oauth2:profiles',
  'keychain:status',
]);

export function isUserActivity(channel: Channel): boolean {
  return !PASSIVE_CHANNELS.has(channel);
}
