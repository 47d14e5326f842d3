import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { AllowListSchema, judge, sourceFrom, type Verdict } from './firefox-lint/allow-list';
import { findingsOf, parseLintOutput, type Finding } from './firefox-lint/findings';

const USAGE = `Usage: tsx dev/lint-firefox.ts [--no-build]
Builds the Firefox production and demo builds, runs \`web-ext lint\` on both, and fails on any
error, and on any warning or notice not accepted by firefox-lint-allowed.json.
  --no-build   lint what is already in .output/ (after \`npm run build\` and \`npm run build:demo\`)`;

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

const builds = [
  { name: 'production', dir: join(root, '.output', 'firefox-mv2'), args: ['build', '-b', 'firefox'] },
  { name: 'demo', dir: join(root, '.output', 'firefox-mv2-demo'), args: ['build', '-b', 'firefox', '--mode', 'demo'] },
] as const;

/** Runs a local binary quietly; resolves with what it printed, whatever the exit code. */
function run(
  command: string,
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function build(args: readonly string[]): Promise<void> {
  const { code, stdout, stderr } = await run(bin('wxt'), args);
  if (code !== 0) throw new Error(`wxt ${args.join(' ')} failed (exit code ${code}):\n${stdout}${stderr}`);
}

async function lint(dir: string): Promise<Finding[]> {
  // `--output json` prints the whole report; the exit code only says whether there were errors.
  const { stdout, stderr } = await run(bin('web-ext'), [
    'lint',
    '--source-dir',
    dir,
    '--output',
    'json',
    '--no-config-discovery',
  ]);
  try {
    return findingsOf(parseLintOutput(stdout));
  } catch (error) {
    throw new Error(`web-ext lint of ${dir} gave no report (${String(error)}):\n${stdout}${stderr}`);
  }
}

function where(finding: Finding): string {
  return `${finding.file ?? 'manifest'}${finding.line === undefined ? '' : `:${finding.line}:${finding.column ?? 0}`}`;
}

function report(name: string, verdict: Verdict): void {
  const count = (severity: Finding['severity']) =>
    [...verdict.allowed.map((a) => a.finding), ...verdict.rejected].filter((f) => f.severity === severity).length;
  console.log(
    `firefox ${name}: ${count('error')} errors, ${count('warning')} warnings (${verdict.allowed.length} accepted), ${count('notice')} notices`,
  );
  for (const { finding } of verdict.allowed)
    console.log(`  accepted ${finding.code} at ${where(finding)} (firefox-lint-allowed.json says why)`);
  for (const finding of verdict.rejected)
    console.log(`  ${finding.severity.toUpperCase()} ${finding.code} at ${where(finding)}: ${finding.message}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'no-build': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const allowList = v.parse(AllowListSchema, JSON.parse(readFileSync(join(root, 'firefox-lint-allowed.json'), 'utf8')));
  // Build one, then lint it while the next one builds: builds share .wxt/, lints share nothing.
  const linting: Promise<{ name: string; dir: string; findings: Finding[] }>[] = [];
  for (const { name, dir, args } of builds) {
    if (!values['no-build']) await build(args);
    linting.push(lint(dir).then((findings) => ({ name, dir, findings })));
  }
  let failed = false;
  const used = new Set<unknown>();
  for (const { name, dir, findings } of await Promise.all(linting)) {
    const verdict = judge(findings, allowList.allowed, (file, line, column) =>
      sourceFrom(readFileSync(join(dir, file), 'utf8'), line, column),
    );
    report(name, verdict);
    for (const { entry } of verdict.allowed) used.add(entry);
    failed ||= verdict.rejected.length > 0;
  }
  for (const entry of allowList.allowed.filter((candidate) => !used.has(candidate))) {
    console.log(`UNUSED exception ${entry.code} in firefox-lint-allowed.json: remove it, nothing needs it any more.`);
    failed = true;
  }
  if (failed) {
    console.log(
      'web-ext lint: failed (fix the findings above, or accept one in firefox-lint-allowed.json with its reason)',
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
