import * as v from 'valibot';

/** One message of `web-ext lint --output json` (errors, warnings and notices look alike). */
export const LintMessageSchema = v.looseObject({
  code: v.string(),
  message: v.string(),
  file: v.optional(v.string()),
  line: v.optional(v.number()),
  column: v.optional(v.number()),
});
export type LintMessage = v.InferOutput<typeof LintMessageSchema>;

export const LintReportSchema = v.looseObject({
  errors: v.array(LintMessageSchema),
  warnings: v.array(LintMessageSchema),
  notices: v.array(LintMessageSchema),
});
export type LintReport = v.InferOutput<typeof LintReportSchema>;

export type Severity = 'error' | 'warning' | 'notice';

export interface Finding extends LintMessage {
  readonly severity: Severity;
}

/** Every message of a report, with its severity. Pure. */
export function findingsOf(report: LintReport): Finding[] {
  return [
    ...report.errors.map((message) => ({ ...message, severity: 'error' as const })),
    ...report.warnings.map((message) => ({ ...message, severity: 'warning' as const })),
    ...report.notices.map((message) => ({ ...message, severity: 'notice' as const })),
  ];
}

/** Reads the JSON report out of web-ext's standard output (anything printed before it is skipped). */
export function parseLintOutput(stdout: string): LintReport {
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('web-ext lint printed no JSON report');
  return v.parse(LintReportSchema, JSON.parse(stdout.slice(start, end + 1)));
}
