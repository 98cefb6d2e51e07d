// `tokenvault share <label>` moves a personal entry into the team; `unshare <label>` moves a
// shared one back into this vault (issue 15). Both write: offline they fail and change nothing.
import type { CommandRun } from '../cli-context';
import { findEntryIn } from '../cli-read-core';
import { providerOption } from '../cli-entry';

export const runShare: CommandRun = async (ctx) => {
  const provider = providerOption(ctx);
  const core = await ctx.unlocked();
  const entry = findEntryIn(core.vault, ctx.positionals[0] ?? '', provider);
  const team = await ctx.teamService();
  try {
    const shared = await team.share(entry.id);
    ctx.io.stdout(`Shared "${shared.label}" with the team "${shared.team ?? ''}".\n`);
  } finally {
    await team.close();
  }
};

export const runUnshare: CommandRun = async (ctx) => {
  const provider = providerOption(ctx);
  const team = await ctx.teamService();
  try {
    await team.sync();
    const entry = findEntryIn(team, ctx.positionals[0] ?? '', provider);
    const personal = await team.unshare(entry.id);
    ctx.io.stdout(`Moved "${personal.label}" out of the team into this vault.\n`);
  } finally {
    await team.close();
  }
};
