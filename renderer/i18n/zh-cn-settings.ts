// Simplified Chinese strings of the settings extras (language, keychain, backup) and the gate
// and client sentences; same keys as en-settings.ts (a missing one is a type error).
import type { enSettings } from './en-settings';

export const zhCnSettings: Record<keyof typeof enSettings, string> = {
  'settings.language.label': '语言',
  'settings.language.system': '跟随系统',
  'settings.language.hint': '日期和数字格式也随语言变化。',

  'create.hint':
    '至少 {min} 个字符；不能是单个字符重复，不能是“abcdef”或“123456”这类简单序列，也不能是常见密码。',
  'client.noAnswer': '应用没有响应。',

  'keychain.title': '系统钥匙串',
  'keychain.toggle': '使用系统钥匙串解锁',
  'keychain.hint': '保险库密钥由操作系统的钥匙串保管；关闭此选项会将其删除。',
  'keychain.unlock': '使用系统钥匙串解锁',

  'backup.export.title': '导出加密备份',
  'backup.passphrase': '备份口令',
  'backup.passphrase.hint': '与主密码相互独立。没有它就无法读取备份。',
  'backup.passphrase.repeat': '再次输入备份口令',
  'backup.export.submit': '导出…',
  'backup.export.done': '已将 {count} 个条目保存到 {path}。',
  'backup.error.short': '备份口令至少需要 {min} 个字符。',
  'backup.error.mismatch': '两次输入的口令不一致。',
  'backup.import.title': '导入备份',
  'backup.import.conflict': '保险库中已有的条目',
  'backup.conflict.skip': '跳过保险库中已有的条目',
  'backup.conflict.replace': '用备份中的副本替换',
  'backup.conflict.keep-both': '两者都保留（副本标签加上“(imported)”）',
  'backup.import.submit': '选择文件并导入…',
  'backup.import.done':
    '导入完成：新增 {added} 个，替换 {replaced} 个，跳过 {skipped} 个，以新名称新增 {renamed} 个。',
};
