import type { BuildOptions } from 'esbuild';

export const ESM_REQUIRE_SHIM: string;
export function cliBuildOptions(root: string, outdir: string): BuildOptions;
