// Date condition operators: values in one of the W3C profiles of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD,
// YYYY-MM-DDThh:mm[:ss[.s]]TZD) or in epoch (UNIX) seconds; no wildcards. A time without a zone is
// read as UTC. Source: "IAM JSON policy elements: Condition operators", Date condition operators
// ("You must specify date/time values with one of the W3C implementations of the ISO 8601 date
// formats or in epoch (UNIX) time"), and https://www.w3.org/TR/NOTE-datetime.
import { partsToText } from '../variables';
import { orderedTest } from './numeric';
import type { ConditionFamily } from './types';

const EPOCH = /^-?\d+(\.\d+)?$/;
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Milliseconds since the epoch, or undefined when the text is not a date IAM accepts. */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (EPOCH.test(trimmed)) return Number(trimmed) * 1000;
  const m = ISO.exec(trimmed);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2] ?? '1', m[3] ?? '1', m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const millis = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(utc).getUTCDate() !== day) return undefined; // 2021-02-30
  const zone = m[8];
  if (!zone || zone.toUpperCase() === 'Z') return utc;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

export const dateFamily: ConditionFamily = {
  typeName: 'a date (ISO 8601 or epoch seconds)',
  compile(parts, comparison) {
    const policy = parseDate(partsToText(parts));
    return policy === undefined ? `"${partsToText(parts)}" is not a date` : orderedTest(policy, comparison, parseDate);
  },
};
