// The shape and bounds of every setting, shared by the IPC payload check and the settings
// service (which turns a failure into an error beside the right field). The bounds are
// settings-rules.ts's, which reads stored settings without zod.
import { z } from 'zod';
import type { Settings } from '../../../preload/api';
import { SETTING_RULES as R } from './settings-rules';

const int = (rule: { min: number; max: number }) => z.number().int().min(rule.min).max(rule.max);

export const settingsFields = {
  idleLockMinutes: int(R.idleLockMinutes),
  clipboardClearSeconds: int(R.clipboardClearSeconds),
  defaultHeaderFormat: z.enum(R.defaultHeaderFormat.values),
  reminderLeadMinutes: z
    .array(int(R.reminderLeadMinutes))
    .max(R.reminderLeadMinutes.maxItems)
    .refine((list) => new Set(list).size === list.length, 'lead times must differ'),
  closeToTray: z.boolean(),
  lockOnSuspend: z.boolean(),
  theme: z.enum(R.theme.values),
  language: z.enum(R.language.values),
  loopbackPort: int(R.loopbackPort),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };
