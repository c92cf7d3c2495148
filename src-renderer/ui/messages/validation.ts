// Validation failures (zod issues, IPC bad_request details, PVE parameter errors) as sentences about the field,
// e.g. "Pool name: letters, digits, _ . -, up to 64 characters" — never "expected", "pattern" or ">=".
import type { z } from 'zod';
import { fieldLabel } from './field-labels.js';

const CLASS_WORDS: Array<[RegExp, string]> = [
  [/A-Za-z|a-zA-Z/, 'letters'],
  [/a-z/, 'lower-case letters'],
  [/A-Z/, 'capital letters'],
  [/0-9|\\d/, 'digits'],
];

/** "^[A-Za-z0-9_.-]{1,64}$" -> "letters, digits, _ . -, up to 64 characters"; undefined when it is not that simple. */
export function describePattern(source: string): string | undefined {
  const m = /^\^\[([^\]]+)\](?:\{(\d+)(?:,(\d*))?\}|([+*]))\$$/.exec(source);
  if (!m) return undefined;
  let chars = m[1]!;
  const parts: string[] = [];
  for (const [re, word] of CLASS_WORDS) {
    if (re.test(chars)) {
      parts.push(word);
      chars = chars.replace(re, '');
    }
  }
  const rest = [...chars.replace(/\\/g, '')].filter((c) => c.trim()).join(' ');
  if (rest) parts.push(rest);
  const max = m[3] ? Number(m[3]) : m[3] === undefined && m[2] ? Number(m[2]) : undefined;
  if (max !== undefined) parts.push(`up to ${max} characters`);
  return parts.join(', ');
}

type Rule = [RegExp, (m: RegExpExecArray) => string];

// zod v4's and PVE's English messages, reworded; the first match wins.
const MESSAGE_RULES: Rule[] = [
  // PVE's own name formats (src-shared/model/pve-formats.ts name their failures after the format)
  [/^pve-node$/, () => 'letters, digits and hyphens, starting and ending with a letter or digit'],
  [/^pve-storage-id$/, () => 'a letter, then letters, digits, - _ or . (at least 2 characters)'],
  [/^pve-vmid$/, () => 'a whole number from 100 to 999999999'],
  [/^pve-configid$/, () => 'a letter, then letters, digits, - or _ (at least 2 characters)'],
  [/^pve-poolid$/, () => 'letters, digits, _ - . (up to three levels joined by /)'],
  // our own schema texts written as "expected <example>"
  [
    /^expected (?!string|number|int|boolean|array|object|one of|a |an )(.+)$/i,
    (m) => `should look like ${m[1]}`,
  ],
  [/expected string to have >=1 characters|Required|must not be empty|is required/i, () => 'is required'],
  [/expected string to have >=(\d+)/i, (m) => `needs at least ${m[1]} characters`],
  [/expected string to have <=(\d+)/i, (m) => `can have at most ${m[1]} characters`],
  [/expected number to be >=?(-?[\d.]+)/i, (m) => `must be at least ${m[1]}`],
  [/expected number to be <=?(-?[\d.]+)/i, (m) => `must be at most ${m[1]}`],
  [/expected array to have >=1/i, () => 'choose at least one'],
  [/must match pattern \/(.+)\//i, (m) => patternText(m[1])],
  [/does not match the regex pattern|Invalid string/i, () => patternText(undefined)],
  [/expected int|not an integer|type check \('integer'\)/i, () => 'must be a whole number'],
  [/expected number|type check \('number'\)/i, () => 'must be a number'],
  [/expected boolean/i, () => 'must be on or off'],
  [
    /expected one of (.+)$|Invalid option|value '.*' does not have a value in the enumeration/i,
    (m) =>
      m[1] ? `must be one of ${m[1].replace(/"/g, '').replace(/\|/g, ',')}` : 'is not one of the choices',
  ],
  [/Invalid (email|url|ipv4|ipv6|uuid)/i, (m) => `must be a valid ${m[1]!.toUpperCase()}`],
  [/expected (string|object|array)|Invalid input/i, () => 'is missing or not in the right form'],
];

function patternText(source: string | undefined): string {
  return (source && describePattern(source)) ?? 'is not in the right form';
}

/** One tool message about a field as words for people (without the label). */
export function rewordMessage(message: string): string {
  for (const [re, words] of MESSAGE_RULES) {
    const m = re.exec(message);
    if (m) return words(m);
  }
  // A message already written for people (ours) passes through; anything with tool words becomes generic.
  return /expected|pattern|>=|<=|bad_request|invalid_/i.test(message) ? 'is not in the right form' : message;
}

/** "Name is required", "Pool name: letters, digits, _ . -, up to 64 characters". */
function sentence(label: string, words: string): string {
  return /^(is|must|needs|can|should|choose) /.test(words) ? `${label} ${words}` : `${label}: ${words}`;
}

export function fieldSentence(path: string, message: string): string {
  return sentence(fieldLabel(path), rewordMessage(message));
}

function issueWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1 ? 'is required' : `needs at least ${issue.minimum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `can have at most ${issue.maximum} characters`;
  if (issue.code === 'too_small') return `must be at least ${issue.minimum}`;
  if (issue.code === 'too_big') return `must be at most ${issue.maximum}`;
  if (issue.code === 'invalid_format' && issue.format === 'regex' && 'pattern' in issue)
    return /^Invalid/.test(issue.message)
      ? patternText(String(issue.pattern).replace(/^\/|\/[a-z]*$/g, ''))
      : rewordMessage(issue.message);
  return rewordMessage(issue.message);
}

/** zod issues keyed by their field (last path part), as sentences; the first issue of a field wins. */
export function issueSentences(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[issue.path.length - 1] ?? 'form');
    out[key] ??= sentence(fieldLabel(issue.path.map(String).join('.')), issueWords(issue));
  }
  return out;
}

/** A details record (path -> tool message) from a bad_request / bad_parameter reply, as sentences. */
export function detailSentences(details: Readonly<Record<string, string>> | undefined): string[] {
  return Object.entries(details ?? {}).map(([path, message]) => fieldSentence(path, message));
}
