// IAM360-IAM362: IP address ranges in conditions. Sources: IAM User Guide, "AWS global condition context
// keys", aws:SourceIp (reference_policies_condition-keys.html#condition-keys-sourceip): the key holds
// the requester's public IP address; a request through a VPC endpoint has none, and aws:VpcSourceIp
// is the key for private addresses. "IAM policy validation check reference": "Private IP address" and
// "Private NotIpAddress" (every value of aws:SourceIp is private: IpAddress never matches, NotIpAddress
// always does), "Private IP address subset" and "Private NotIpAddress subset" (some are), "Improve IP
// range" (bits set after the prefix are ignored). Private ranges: RFC 1918 (10.0.0.0/8, 172.16.0.0/12,
// 192.168.0.0/16) and RFC 4193's IPv6 unique local addresses (fc00::/7). Access Analyzer calls the first
// two errors; IAM accepts the policy, so they are warnings, the subsets information. The host-bit fix
// writes the network address, which is what IAM compares anyway.
import { isIP } from 'node:net';
import type { ConditionValue } from '../policy/model';
import { type ConditionEntry, conditionEntries } from '../analysis/conditionsEntries';
import type { RuleContext, RuleModule } from './types';

interface Range {
  bits: bigint;
  prefix: number;
  width: 32 | 128;
}

function addressBits(address: string): bigint | undefined {
  const version = isIP(address);
  if (version === 4) return address.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
  if (version !== 6 || address.includes('.')) return undefined; // IPv4-mapped forms: left alone
  // without "::", isIP has seen eight groups: no zero group is missing
  const [head, tail = ''] = address.split('::');
  const groups = (text: string) => (text ? text.split(':') : []);
  const zeros = Array(8 - groups(head).length - groups(tail).length).fill('0');
  return [...groups(head), ...zeros, ...groups(tail)].reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** A CIDR (or a single address) as bits and prefix; undefined for what IAM330 reports or is not judged. */
export function parseRange(text: string): Range | undefined {
  const [address, prefixText, ...rest] = text.split('/');
  const bits = addressBits(address);
  if (bits === undefined || rest.length > 0) return undefined;
  const width = isIP(address) === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? '0') || prefix > width) return undefined;
  return { bits, prefix, width };
}

const mask = (range: Range) => ((1n << BigInt(range.width)) - 1n) ^ ((1n << BigInt(range.width - range.prefix)) - 1n);

const PRIVATE: readonly Range[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'].map(r => parseRange(r)!);

function isPrivate(range: Range): boolean {
  return PRIVATE.some(p => p.width === range.width && range.prefix >= p.prefix && (range.bits & mask(p)) === p.bits);
}

function formatAddress(bits: bigint, width: 32 | 128): string {
  if (width === 32) return [24n, 16n, 8n, 0n].map(shift => String((bits >> shift) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((bits >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // the longest run of two or more zero groups, the first of equal ones, becomes "::" (RFC 5952)
  let best = { start: -1, length: 1 };
  groups.forEach((_, start) => {
    let end = start;
    while (groups[end] === '0') end++;
    if (end - start > best.length) best = { start, length: end - start };
  });
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

/** The range with the bits after its prefix cleared, when any are set: 203.0.113.7/24 -> 203.0.113.0/24. */
export function networkAddress(text: string): string | undefined {
  const range = parseRange(text);
  if (!range || (range.bits & ~mask(range)) === 0n) return undefined;
  return `${formatAddress(range.bits & mask(range), range.width)}/${range.prefix}`;
}

const SOURCE_IP = 'aws:sourceip';

function checkPrivate(ctx: RuleContext, entry: ConditionEntry, ranges: Array<[ConditionValue, Range]>): void {
  if (entry.keyEntry.entry.name.toLowerCase() !== SOURCE_IP) return;
  const privates = ranges.filter(([, range]) => isPrivate(range));
  if (privates.length === 0) return;
  if (privates.length === ranges.length) {
    const node = entry.keyEntry.entry.valueNode ?? entry.keyEntry.entry.keyNode;
    ctx.report({
      code: 'IAM360',
      offset: node.offset,
      length: node.length,
      message: `aws:SourceIp holds the requester's public address, so these private ranges never match it: ${entry.operator.base?.negated ? 'NotIpAddress is always true here' : 'the condition never matches'}. For addresses inside a VPC, use aws:VpcSourceIp (with aws:SourceVpc).`,
    });
    return;
  }
  for (const [value] of privates) {
    ctx.report({
      code: 'IAM361',
      offset: value.offset,
      length: value.length,
      message: `${JSON.stringify(value.value)} is a private range, which aws:SourceIp (the requester's public address) never holds: this value has no effect. For addresses inside a VPC, use aws:VpcSourceIp.`,
    });
  }
}

export const conditionAddressRules: RuleModule = {
  rules: [
    {
      code: 'IAM360',
      name: 'private-source-ip',
      category: 'condition',
      defaultSeverity: 'warning',
      summary: 'aws:SourceIp compared only with private IP ranges, which it never holds.',
    },
    {
      code: 'IAM361',
      name: 'private-source-ip-subset',
      category: 'condition',
      defaultSeverity: 'information',
      summary: 'aws:SourceIp compared with some private IP ranges, which have no effect.',
    },
    {
      code: 'IAM362',
      name: 'cidr-host-bits',
      category: 'condition',
      defaultSeverity: 'information',
      summary: 'An IP range with bits set after its prefix, which IAM ignores.',
    },
  ],
  check(ctx) {
    for (const entry of conditionEntries(ctx.doc, ctx.catalog)) {
      if (entry.operator.base?.family !== 'IPAddress') continue;
      const ranges: Array<[ConditionValue, Range]> = [];
      for (const value of entry.keyEntry.values) {
        const range = typeof value.value === 'string' ? parseRange(value.value) : undefined;
        if (!range) continue;
        ranges.push([value, range]);
        const network = networkAddress(value.value as string);
        if (network) {
          ctx.report({
            code: 'IAM362',
            offset: value.offset,
            length: value.length,
            message: `The bits after the /${range.prefix} prefix of ${JSON.stringify(value.value)} are ignored: the range is ${network}. Write it so.`,
            data: { replacements: [JSON.stringify(network)] },
          });
        }
      }
      checkPrivate(ctx, entry, ranges);
    }
  },
};
