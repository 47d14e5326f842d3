import * as v from 'valibot';
import type { Finding } from './findings';

/**
 * One accepted warning. It must name the code, the files it may appear in, and what the flagged
 * source must look like, so a new finding of the same code (in our own code, say) still fails.
 */
export const AllowEntrySchema = v.object({
  code: v.pipe(v.string(), v.nonEmpty()),
  /** Paths inside the build; `*` stands for any characters but `/` (hashed chunk names). */
  files: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.minLength(1)),
  /** A regular expression the source must match, starting at the flagged line and column. */
  source: v.pipe(v.string(), v.nonEmpty()),
  /** Why it is safe: shown in the lint output, and in the README for AMO's reviewers. */
  reason: v.pipe(v.string(), v.minLength(20)),
});
export type AllowEntry = v.InferOutput<typeof AllowEntrySchema>;

export const AllowListSchema = v.object({ $comment: v.optional(v.string()), allowed: v.array(AllowEntrySchema) });

/** The flagged source: from the finding's line and column onwards; undefined when unknown. */
export type SourceAt = (file: string, line: number, column: number) => string | undefined;

export interface Verdict {
  readonly allowed: readonly { readonly finding: Finding; readonly entry: AllowEntry }[];
  readonly rejected: readonly Finding[];
  /** Entries that matched nothing: an exception nobody needs any more must go. */
  readonly unused: readonly AllowEntry[];
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}

function allows(entry: AllowEntry, finding: Finding, sourceAt: SourceAt): boolean {
  // Errors are never accepted: only warnings and notices can be explained away.
  if (finding.severity === 'error' || finding.code !== entry.code) return false;
  const { file, line, column } = finding;
  if (file === undefined || line === undefined || column === undefined) return false;
  if (!entry.files.some((glob) => globToRegExp(glob).test(file))) return false;
  const source = sourceAt(file, line, column);
  return source !== undefined && new RegExp(`^(?:${entry.source})`).test(source);
}

/** Sorts findings into accepted (with the entry that accepts them) and rejected. Pure. */
export function judge(findings: readonly Finding[], entries: readonly AllowEntry[], sourceAt: SourceAt): Verdict {
  const allowed: { finding: Finding; entry: AllowEntry }[] = [];
  const rejected: Finding[] = [];
  const used = new Set<AllowEntry>();
  for (const finding of findings) {
    const entry = entries.find((candidate) => allows(candidate, finding, sourceAt));
    if (entry) {
      allowed.push({ finding, entry });
      used.add(entry);
    } else rejected.push(finding);
  }
  return { allowed, rejected, unused: entries.filter((entry) => !used.has(entry)) };
}

/** What a finding points at in a file's text: `column` is 1-based, as web-ext reports it. Pure. */
export function sourceFrom(text: string, line: number, column: number, length = 200): string | undefined {
  const row = text.split('\n')[line - 1];
  return row === undefined ? undefined : row.slice(Math.max(0, column - 1), Math.max(0, column - 1) + length);
}
