// Collects what each fault-injection test observed; FAULT_REPORT=path writes them as JSON lines for docs/reliability.md.
import { appendFileSync } from 'node:fs';

export function recordOutcome(fault: string, outcome: string): void {
  const file = process.env.FAULT_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ fault, outcome })}\n`);
}
