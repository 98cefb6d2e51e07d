// `tokenvault backup export <file>` and `tokenvault backup import <file>`: the encrypted backup
// of core/backup. The backup passphrase comes from TOKENVAULT_BACKUP_PASSPHRASE or standard
// input (after the master password line with --password-stdin), never from an argument.
import { resolve } from 'node:path';
import type { CommandContext, CommandRun } from '../cli-context';
import { UsageError } from '../cli-errors';

export const BACKUP_PASSPHRASE_ENV = 'TOKENVAULT_BACKUP_PASSPHRASE';
const RULES = ['skip', 'replace', 'keep-both'] as const;

async function passphrase(ctx: CommandContext): Promise<string> {
  const fromEnv = ctx.io.env[BACKUP_PASSPHRASE_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : ctx.readSecret('Backup passphrase');
}

async function backupService(ctx: CommandContext) {
  const core = await ctx.unlocked();
  const [{ BackupService }, { nodeBackupFiles }, { nodeRandom }] = await Promise.all([
    import('../../core/backup/backup.service'),
    import('../../core/backup/backup.files'),
    import('../../core/vault/crypto'),
  ]);
  return new BackupService({
    vault: core.vault,
    files: nodeBackupFiles(),
    clock: core.clock,
    random: nodeRandom(),
  });
}

export const runExport: CommandRun = async (ctx) => {
  const file = resolve(ctx.positionals[0] ?? '');
  const backup = await backupService(ctx);
  const { entries } = await backup.exportTo(file, await passphrase(ctx));
  ctx.io.stdout(`Exported ${entries} entr${entries === 1 ? 'y' : 'ies'} to ${file}\n`);
};

export const runImport: CommandRun = async (ctx) => {
  const file = resolve(ctx.positionals[0] ?? '');
  const rule = ctx.str('on-conflict') ?? 'skip';
  if (!(RULES as readonly string[]).includes(rule)) {
    throw new UsageError(`--on-conflict must be one of ${RULES.join(', ')}.`);
  }
  const backup = await backupService(ctx);
  const summary = await backup.importFrom(
    file,
    await passphrase(ctx),
    rule as (typeof RULES)[number],
  );
  ctx.io.stdout(
    `Imported from ${file}: ${summary.added} added, ${summary.replaced} replaced, ` +
      `${summary.skipped} skipped, ${summary.renamed} renamed\n`,
  );
};
