// Simplified Chinese strings of the reminders; same keys as en-reminders.ts (a missing one is
// a type error).
import type { enReminders } from './en-reminders';

export const zhCnReminders: Record<keyof typeof enReminders, string> = {
  'reminders.badge.ok': '正常',
  'reminders.badge.soon': '即将过期',
  'reminders.badge.expired': '已过期',
  'reminders.badge.needsReauth': '需重新授权',
  'reminders.badge.revoked': '已吊销',
  'reminders.badge.muted': '提醒已关闭',
  'reminders.badge.snoozed': '已暂缓',

  'reminders.attention.title': '需要处理',
  'reminders.attention.count': '{count} 项需要处理',
  'reminders.attention.open': '打开 {label}',
  'reminders.attention.showAll': '显示全部 {count} 项',
  'reminders.attention.noDeadline': '需要立即处理',

  'reminders.entry.title': '提醒',
  'reminders.entry.remind': '过期前提醒我',
  'reminders.entry.mutedHint': '不再发送有关此条目的通知；它也不会出现在“需要处理”中。',
  'reminders.entry.snoozedUntil': '已暂缓至 {date}。',
  'reminders.entry.snoozeLabel': '暂缓',
  'reminders.entry.resume': '恢复提醒',
  'reminders.entry.saved': '已更新“{label}”的提醒。',
  'reminders.snooze.day': '1 天',
  'reminders.snooze.threeDays': '3 天',
  'reminders.snooze.week': '1 周',

  'reminders.settings.title': '提醒',
  'reminders.settings.leads': '截止前提醒我',
  'reminders.settings.leadsHint':
    '在令牌或授权过期前的以下每个时间点发送通知。此处的更改会立即保存。',
  'reminders.settings.remove': '删除 {lead}',
  'reminders.settings.addLabel': '添加截止前的提醒时间',
  'reminders.settings.addHint': '例如 2d、12h、30m 或 2w（最多 90 天）。',
  'reminders.settings.add': '添加',
  'reminders.settings.reset': '恢复默认',
  'reminders.settings.none': '截止前不提醒；仅在过期时通知。',
  'reminders.settings.closeToTray': '关闭窗口后在系统托盘中继续运行',
  'reminders.settings.closeToTrayHint': '只有 Token Vault 运行时才会收到提醒。可从托盘菜单退出。',
  'reminders.settings.locked':
    '保管库锁定时，提醒和托盘仍会显示什么将到期以及何时到期，但不显示是哪个条目：名称已用主密码加密。解锁后即可看到。',
  'reminders.settings.saved': '已保存',
  'reminders.lead.invalid': '请输入 2d、12h 或 30m 这样的时长，范围为 1 分钟到 90 天。',
  'reminders.lead.duplicate': '该时间已在列表中。',
  'reminders.lead.tooMany': '最多 10 个时间点；请先删除一个。',
};
