#!/usr/bin/env node
// Electronegativity gate (security.md 10): scans main, preload and renderer together, reads the
// SARIF report and fails on any finding not in scripts/electronegativity.exclusions.json, and
// on any file the tool could not parse.
//
// Why the runner is called as a library instead of `npx electronegativity -o x.sarif`: with
// -o the CLI prints nothing about files it failed to parse, the SARIF run always says
// `executionSuccessful: true`, and the exit code is 0 — a file with a syntax error would be
// skipped silently. The library call returns the parse errors alongside writing the SARIF.
//
// The three folders are copied into one temporary tree so the GLOBAL checks (CSP, navigation
// limits, permission handler) see the whole app at once, as they would in a packaged asar.
//
// Usage: node scripts/electronegativity.mjs [--root <dir>] [--dirs a,b,c]
//          [--exclusions <file.json>] [--sarif <out.sarif>]
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

/** Checks that need the network (GitHub's Electron release list); the sandbox has none. */
const OFFLINE_EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck'];

/**
 * The runner, with its HTTP client (`got`) replaced by one that fails at once: the tool
 * otherwise fetches translations from S3 (with retries, seconds per run) and release notes from
 * GitHub. Offline by construction — tests may not touch the network — and fast.
 */
function loadOffline() {
  const entry = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(entry).resolve('got');
  if (!require.cache[gotPath]) {
    const offline = () => Promise.reject(new Error('offline'));
    offline.head = offline;
    offline.get = offline;
    require.cache[gotPath] = {
      id: gotPath,
      filename: gotPath,
      loaded: true,
      exports: Object.assign(offline, { default: offline }),
    };
  }
  return require(entry);
}

function parseArgs(argv) {
  const args = {
    root: process.cwd(),
    dirs: ['main', 'preload', 'renderer'],
    exclusions: join(here, 'electronegativity.exclusions.json'),
    sarif: undefined,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag}: missing value`);
    if (flag === '--root') args.root = resolve(value);
    else if (flag === '--dirs') args.dirs = value.split(',').filter(Boolean);
    else if (flag === '--exclusions') args.exclusions = resolve(value);
    else if (flag === '--sarif') args.sarif = resolve(value);
    else throw new Error(`unknown option ${flag}`);
  }
  return args;
}

function electronVersion(root) {
  const pkgPath = existsSync(join(root, 'package.json'))
    ? join(root, 'package.json')
    : join(here, '..', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '45.4.1';
  return String(range).replace(/^[^\d]*/, '');
}

function loadExclusions(file) {
  if (!existsSync(file)) return [];
  const list = JSON.parse(readFileSync(file, 'utf8')).exclusions ?? [];
  for (const item of list) {
    if (!item.rule || !item.reason)
      throw new Error(`${file}: every exclusion needs rule and reason`);
  }
  return list;
}

/** A finding is excluded when its rule matches and (if given) its file matches exactly. */
const isExcluded = (finding, exclusions) =>
  exclusions.some(
    (x) => x.rule === finding.rule && (x.file === undefined || x.file === finding.file),
  );

/** The tool writes the report with an un-awaited fs.writeFile: wait until it is whole JSON. */
async function readSarif(path) {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (existsSync(path)) {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // still being written
      }
    }
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error('Electronegativity wrote no readable SARIF report.');
}

async function findingsFromSarif(path) {
  const sarif = await readSarif(path);
  return (sarif.runs ?? []).flatMap((run) =>
    (run.results ?? []).map((r) => {
      const loc = r.locations?.[0]?.physicalLocation;
      return {
        rule: r.ruleId,
        file: String(loc?.artifactLocation?.uri ?? 'N/A'),
        line: loc?.region?.startLine ?? 0,
      };
    }),
  );
}

export async function scan(options) {
  const work = mkdtempSync(join(tmpdir(), 'tv-electronegativity-'));
  try {
    const tree = join(work, 'app');
    for (const dir of options.dirs) {
      const from = join(options.root, dir);
      if (!existsSync(from)) throw new Error(`${dir}: no such folder under ${options.root}`);
      cpSync(from, join(tree, dir), { recursive: true });
    }
    const sarifPath = options.sarif ?? join(work, 'report.sarif');
    const run = loadOffline();
    // The offline client makes the tool print this line on every run; it says nothing here.
    const log = console.log;
    console.log = (...args) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
    };
    const result = await run({
      input: tree,
      output: sarifPath,
      isSarif: true,
      customScan: [],
      excludeFromScan: OFFLINE_EXCLUDED_CHECKS,
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion(options.root),
      parserPlugins: [],
    }).finally(() => {
      console.log = log;
    });
    const exclusions = loadExclusions(options.exclusions);
    const findings = await findingsFromSarif(sarifPath);
    const prefix = `${tree}/`;
    const parseErrors = result.errors.map((e) => ({
      file: String(e.file).startsWith(prefix) ? String(e.file).slice(prefix.length) : e.file,
      message: e.message,
    }));
    return {
      findings: findings.filter((f) => !isExcluded(f, exclusions)),
      excluded: findings.filter((f) => isExcluded(f, exclusions)),
      parseErrors,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { findings, excluded, parseErrors } = await scan(options);
  for (const e of parseErrors)
    console.error(`electronegativity: cannot parse ${e.file}: ${e.message}`);
  for (const f of findings) console.error(`electronegativity: ${f.rule} at ${f.file}:${f.line}`);
  console.log(
    `electronegativity: ${findings.length} finding(s), ${excluded.length} excluded, ` +
      `${parseErrors.length} parse error(s)`,
  );
  process.exit(findings.length > 0 || parseErrors.length > 0 ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
