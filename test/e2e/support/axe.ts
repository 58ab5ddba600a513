import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 AA, the level BITV 2.0 binds German public bodies to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface AxeSummary {
  view: string;
  lang: string;
  total: number;
  serious: number;
  critical: number;
  findings: AxeFinding[];
}

export async function checkAccessibility(page: Page, view: string, lang: string): Promise<AxeSummary> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const findings = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
  return {
    view,
    lang,
    total: findings.length,
    serious: findings.filter((f) => f.impact === 'serious').length,
    critical: findings.filter((f) => f.impact === 'critical').length,
    findings,
  };
}

/** One line per view and language, and each finding with its rule id and targets. */
export function formatAxeReport(summaries: AxeSummary[]): string {
  const lines = ['axe (WCAG 2.1 AA) violations per view/lang:'];
  for (const s of summaries) {
    lines.push(`  ${s.view.padEnd(10)} ${s.lang}  total ${s.total}, serious ${s.serious}, critical ${s.critical}`);
    for (const f of s.findings) lines.push(`      [${f.impact}] ${f.id}: ${f.help} — ${f.targets.slice(0, 5).join(' | ')}${f.targets.length > 5 ? ` (+${f.targets.length - 5})` : ''}`);
  }
  return lines.join('\n');
}
