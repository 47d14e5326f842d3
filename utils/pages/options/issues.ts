import type { SettingsIssue } from '../../core/settings/validate';
import { isWithinPath } from './paths';

/** The first issue at `path` or inside it (a list field shows its items' problems), if any. Pure. */
export function issueAt(issues: readonly SettingsIssue[], path: string): SettingsIssue | undefined {
  return issues.find((issue) => isWithinPath(issue.field, path));
}

/** `identity.idClaims.2` under the list field `identity.idClaims` → 2: the item the problem is in. */
export function itemIndex(issue: SettingsIssue, listPath: string): number | undefined {
  if (!issue.field.startsWith(`${listPath}.`)) return undefined;
  const index = Number(issue.field.slice(listPath.length + 1).split('.')[0]);
  return Number.isInteger(index) ? index : undefined;
}
