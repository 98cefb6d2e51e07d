import type * as esbuildModule from 'esbuild';
import type { BuildOptions } from 'esbuild';

export const ESM_REQUIRE_SHIM: string;
export const V8_FLAGS_PRELUDE: string;
export function cliBuildOptions(root: string, outdir: string): BuildOptions;
export function cliBinBuildOptions(root: string, outdir: string): BuildOptions;
export function cliKeptBuildOptions(root: string, outdir: string): BuildOptions;
export function cliBuildId(root: string): string;
export function buildCli(
  esbuild: typeof esbuildModule,
  root: string,
  outdir: string,
): Promise<void>;
