// Simplified Chinese catalog: every key of en.ts (typed Catalog, so a missing key is a type
// error). Standard mainland UI terms; product names, header names and APIK stay as they are.
import type { Catalog } from './i18n';
import { zhCnApiKey } from './zh-cn-api-key';
import { zhCnErrors } from './zh-cn-errors';
import { zhCnFaxplus } from './zh-cn-faxplus';
import { zhCnOAuth2 } from './zh-cn-oauth2';
import { zhCnReminders } from './zh-cn-reminders';
import { zhCnSettings } from './zh-cn-settings';
import { zhCnSmsfactor } from './zh-cn-smsfactor';
import { zhCnTokens } from './zh-cn-tokens';
import { zhCnTeam } from './zh-cn-team';

export const zhCN: Catalog = {
  ...zhCnTeam,
  ...zhCnOAuth2,
  ...zhCnApiKey,
  ...zhCnErrors,
  ...zhCnFaxplus,
  ...zhCnReminders,
  ...zhCnSettings,
  ...zhCnSmsfactor,
  ...zhCnTokens,
  'app.name': 'Token Vault',
  'app.loading': '正在打开 Token Vault…',
  'app.noBridge': 'Token Vault 无法从此页面访问其保险库。请从 Token Vault 应用中打开。',

  'common.close': '关闭',
  'common.dismiss': '忽略',

  'create.title': '创建保险库',
  'create.lead': '请设置主密码。它用于加密你在此保存的每个令牌，且永远不会被存储。',
  'create.password': '主密码',
  'create.confirm': '确认主密码',
  'create.mismatch': '两次输入的密码不一致。',
  'create.rules': '密码要求',
  'create.rule.length': '至少 {min} 个字符',
  'create.rule.match': '两次输入一致',
  'create.rule.met': '（已满足）',
  'create.rule.unmet': '（未满足）',
  'create.submit': '创建保险库',
  'create.warning': '忘记主密码后无法找回：请妥善保管。',

  'unlock.title': '解锁 Token Vault',
  'unlock.lead': '输入主密码以打开保险库。',
  'unlock.password': '主密码',
  'unlock.submit': '解锁',
  'unlock.deriving': '正在生成密钥…',
  'unlock.wrongPassword': '密码错误，请重试。',
  'frame.changedOutsideTitle': '保险库文件在 Token Vault 之外被修改过',
  'frame.changedOutsideDismiss': '关闭',
  'unlock.newerTitle': '请更新 Token Vault 以打开此保险库',
  'unlock.recoveryTitle': '你的保险库已从备份恢复',

  'frame.nav': '主导航',
  'frame.settings': '设置',
  'frame.backToTokens': '返回令牌列表',
  'frame.lock': '锁定',
  'frame.lockHint': '锁定保险库（{shortcut}）',

  'tokens.title': '令牌',
  'tokens.loading': '正在加载令牌…',
  'tokens.count': '保险库中共 {count} 个',
  'tokens.search.label': '搜索令牌',
  'tokens.search.placeholder': '按标签、服务商、账户或令牌 ID 搜索',
  'tokens.noMatch': '没有与“{query}”匹配的令牌。',
  'tokens.empty.title': '还没有令牌',
  'tokens.empty.body':
    '添加第一个凭据：通过 OAuth 连接 Fax.Plus 应用、粘贴 Fax.Plus 个人访问令牌、添加 SMSFactor API 令牌，或保存任何服务的 API 密钥。',
  'tokens.empty.hint': '令牌使用你的主密码加密，永远不会离开这台电脑。',
  'tokens.add.unavailable': '此版本尚未提供该表单。',
  'tokens.added': '已添加“{label}”。',

  'add.faxplusConnect': '连接 Fax.Plus',
  'add.faxplusPat': '添加 Fax.Plus 令牌',
  'add.smsfactorToken': '添加 SMSFactor 令牌',

  'provider.faxplus': 'Fax.Plus',
  'provider.smsfactor': 'SMSFactor',

  'kind.faxplus-oauth': 'OAuth 应用',
  'kind.faxplus-pat': '个人访问令牌',
  'kind.smsfactor-token': 'API 令牌',

  'status.active': '有效',
  'status.needs-reauth': '需要重新授权',
  'status.revoked': '已吊销',
  'status.error': '有问题',

  'expiry.expires': '{when}过期',
  'expiry.expired': '{when}已过期',
  'expiry.never': '永不过期',
  'expiry.unknown': '过期时间未知',
  'expiry.revoked': '{when}已吊销',
  'expiry.reauthorizeBy': '{when}需重新授权',
  'expiry.refreshExpired': '授权{when}已过期',
  'expiry.refreshNever': '授权永不过期',

  'settings.title': '设置',
  'settings.loading': '正在加载设置…',
  'settings.security': '安全',
  'settings.appearance': '外观',
  'settings.idleLock.label': '闲置多久后锁定（分钟）',
  'settings.idleLock.hint': '范围 {min} 到 {max}。设为 0 时保险库保持解锁，直到你手动锁定。',
  'settings.clipboard.label': '多久后清除已复制的请求头（秒）',
  'settings.clipboard.hint':
    '范围 {min} 到 {max}。设为 0 时保留在剪贴板中。仅当剪贴板中仍是这些内容时才会清除。',
  'settings.defaultFormat.label': '默认请求头格式',
  'settings.defaultFormat.hint': '令牌列表中的 Enter 和 Ctrl/Cmd+C 以及托盘菜单使用此格式。',
  'settings.theme.label': '主题',
  'settings.theme.system': '跟随系统',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',
  'settings.save': '保存',
  'settings.saved': '已保存',
  'settings.error.required': '请输入数字。',
  'settings.error.whole': '请输入整数，不带小数或正负号。',
  'settings.error.range': '请输入 {min} 到 {max} 之间的数字。',
};
