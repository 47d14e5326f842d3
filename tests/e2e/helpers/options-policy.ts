import { createHash, generateKeyPairSync } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './chromium';

/** Where Debian's Chromium reads mandatory policies (machine-wide: every Chromium here reads it). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** The id Chromium gives an extension with this manifest `key`: SHA-256 of the key, 32 hex digits as a–p. */
export function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}

export interface KeyedBuild {
  readonly dir: string;
  readonly id: string;
  remove(): void;
}

/**
 * A copy of the demo build with a fresh key, so a fresh id. The policy directory is shared by
 * every Chromium on the machine: a policy for the demo build's id would reach other test runs'
 * browsers too; one for this run's own id reaches nothing else.
 */
export function keyedCopyOfDemoBuild(): KeyedBuild {
  const { publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'der' },
  });
  const key = publicKey.toString('base64');
  const dir = join(mkdtempSync(join(tmpdir(), 'roster-keyed-')), 'extension');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key }));
  return { dir, id: extensionIdFromKey(key), remove: () => rmSync(join(dir, '..'), { recursive: true, force: true }) };
}

/** Whether this process may write Chromium's policy directory (it must run as root). */
export function canWritePolicies(): boolean {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface PolicyFile {
  readonly path: string;
  /** Replaces what the policy forces (Chromium notices the change by itself). */
  write(settings: Record<string, unknown>): void;
  remove(): void;
}

/** A policy file forcing Roster settings for extension `id`, exactly as an IT admin would write it. */
export function policyFile(id: string): PolicyFile {
  const path = join(CHROMIUM_POLICY_DIR, `roster-e2e-${process.pid}-${id}.json`);
  return {
    path,
    write: (settings) =>
      writeFileSync(path, JSON.stringify({ '3rdparty': { extensions: { [id]: settings } } }, null, 2)),
    remove: () => rmSync(path, { force: true }),
  };
}
