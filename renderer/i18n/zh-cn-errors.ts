// Simplified Chinese titles for what main reports (see en-errors.ts).
import type { enErrors } from './en-errors';

export const zhCnErrors: Record<keyof typeof enErrors, string> = {
  'error.invalid-input': '部分输入内容无效。',
  'error.invalid-field': '请检查此字段。',
  'error.wrong-password': '密码错误，请重试。',
  'error.weak-password': '此密码强度太弱。',
  'error.vault-missing': '尚未创建保险库，请先创建。',
  'error.vault-exists': '此处已存在保险库。',
  'error.locked': '保险库已锁定，请先解锁。',
  'error.not-found': '该条目已不存在。',
  'error.duplicate-label': '已存在同名条目。',
  'error.storage-error': '无法保存到本机。',
  'error.network-error': '无法连接服务商，请检查网络连接。',
  'error.timeout': '服务商响应超时，请重试。',
  'error.provider-error': '服务商返回了错误。',
  'error.auth-error': '服务商拒绝了这些凭据。',
  'error.needs-reauth': '此令牌需要重新授权。',
  'error.cancelled': '已取消。',
  'error.forbidden': '此请求并非来自 Token Vault 窗口。',
  'error.unsupported': '当前版本不支持此功能。',
  'error.internal': 'Token Vault 内部出错，请重试。',
  'error.withDetail': '{title}（{detail}）',

  'problem.needs-reauth': '请重新授权以继续使用此令牌。',
  'problem.error': '上次检查失败。',
  'problem.revoked': '此令牌已被撤销。',
  'problem.active': '上次检查发现问题。',

  'notice.changedOutside':
    '保险库文件在 Token Vault 之外被修改过。显示的是完好的条目；其余部分保留在文件中，未被读取。',
  'notice.newerFormat':
    '此保险库由更新版本的 Token Vault 写入。请更新 Token Vault 后再打开；文件保持原样。',
  'notice.recovered': '保险库文件已损坏，已恢复最近一份完好的备份。',
  'keychain.unavailable': '此电脑不支持使用系统钥匙串解锁。',
};
