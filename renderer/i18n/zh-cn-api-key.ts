// Simplified Chinese strings of the API-key feature; same keys as en-api-key.ts (a missing
// one is a type error).
import type { enApiKey } from './en-api-key';

export const zhCnApiKey: Record<keyof typeof enApiKey, string> = {
  'add.apiKey': '添加 API 密钥',
  'provider.api-key': 'API 密钥',
  'kind.api-key': '静态密钥',

  'apikey.title': '添加 API 密钥',
  'apikey.lead':
    '任何服务的静态凭据：API 密钥、Bearer 令牌、用户名加密钥。Token Vault 加密保存它，生成请求头，并在到期前提醒您。',
  'apikey.field.label': '标签',
  'apikey.field.label.hint': '您自选的名称，在 API 密钥中唯一（例如“Stripe 生产”）。',
  'apikey.field.secret': '密钥',
  'apikey.field.style': '发送方式',
  'apikey.style.bearer': 'Authorization: Bearer <密钥>',
  'apikey.style.token': 'Authorization: token <密钥>（GitHub 经典令牌）',
  'apikey.style.x-api-key': 'X-Api-Key: <密钥>',
  'apikey.style.basic': 'Authorization: Basic（用户名 + 密钥）',
  'apikey.style.custom': '其他请求头…',
  'apikey.field.headerName': '请求头名称',
  'apikey.field.template': '请求头的值',
  'apikey.field.template.hint': '在密钥的位置写 {token}，例如“Token {token}”。',
  'apikey.field.basicUser': '用户名',
  'apikey.field.basicUser.hint': '与密钥一起作为 HTTP Basic 凭据发送。',
  'apikey.field.extra': '附加请求头（可选）',
  'apikey.field.extra.hint':
    '每行一个，“名称: 值”，与密钥一起发送（例如 Stripe-Version: 2024-06-20）。它们不按机密处理。',
  'apikey.field.expiry': '到期日期（可选）',
  'apikey.field.expiry.hint': '服务给出的日期；到期前会提醒您。',
  'apikey.field.verifyUrl': '验证 URL（可选）',
  'apikey.field.verifyUrl.hint':
    '带这些请求头的 GET 必须返回 2xx，例如 https://api.stripe.com/v1/balance。没有它，此密钥无法“验证”。',
  'apikey.preview': '将发送的请求头',
  'apikey.submit': '添加密钥',
  'apikey.submitVerify': '验证并添加',
  'apikey.verifying': '正在 {host} 验证密钥…',
  'apikey.cancel': '取消',
  'apikey.done': '完成',
  'apikey.added': '已添加“{label}”。仅保留此遮盖预览用于显示：',
  'apikey.addedVerified': '{host} 接受了此密钥。',
  'apikey.addedUnverified': '未验证：没有验证 URL。',

  'apikey.error.label': '请为条目起一个标签。',
  'apikey.error.secret': '请粘贴密钥。',
  'apikey.error.spaces': '请删除空格：密钥从不包含空格。',
  'apikey.error.headerName': '只能使用字母、数字和“-”（不能有空格或冒号）。',
  'apikey.error.template': '在密钥的位置写 {token}。',
  'apikey.error.basicUser': '请输入用户名（不含冒号）。',
  'apikey.error.extra': '第 {line} 行不是“名称: 值”。',
  'apikey.error.pastDate': '请选择将来的日期。',
  'apikey.error.url': '请输入完整的 https:// 地址。',
  'apikey.error.refused': '服务拒绝了此密钥；没有保存任何内容。',

  'apikey.detail.header': '请求头',
  'apikey.detail.basicUser': 'Basic 用户',
  'apikey.detail.extra': '附加请求头',
  'apikey.detail.extra.none': '无',
  'apikey.detail.verifyUrl': '验证 URL',
  'apikey.detail.verifyUrl.none': '无：此密钥无法“验证”。',
  'apikey.issuer.unknown': '签发它的服务',
  'apikey.expiry.key': '密钥',
};
