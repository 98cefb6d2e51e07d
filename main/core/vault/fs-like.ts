// The part of node:fs the vault's persistence uses, injectable so tests can make writes short
// or fail with ENOSPC (security.md 24).
import type * as nodeFs from 'node:fs';

export type FsLike = Pick<
  typeof nodeFs,
  | 'readFileSync'
  | 'writeFileSync'
  | 'openSync'
  | 'closeSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'copyFileSync'
  | 'linkSync'
  | 'chmodSync'
  | 'statSync'
  | 'readdirSync'
  | 'mkdirSync'
  | 'existsSync'
>;
