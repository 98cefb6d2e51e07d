// The shape and bounds of every setting, shared by the IPC payload check and the settings
// service (which turns a failure into an error beside the right field).
import { z } from 'zod';
import type { Settings } from '../../../preload/api';

export const settingsFields = {
  idleLockMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  clipboardClearSeconds: z.number().int().min(0).max(3600),
  defaultHeaderFormat: z.enum(['http', 'curl', 'json', 'env', 'fetch', 'python']),
  reminderLeadMinutes: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(90 * 24 * 60),
    )
    .max(10)
    .refine((list) => new Set(list).size === list.length, 'lead times must differ'),
  closeToTray: z.boolean(),
  lockOnSuspend: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  language: z.enum(['system', 'en', 'it', 'zh-CN']),
  loopbackPort: z.number().int().min(1024).max(65535),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };
