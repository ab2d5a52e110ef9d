// IpAddress / NotIpAddress: an IPv4 or IPv6 address or CIDR range; an address without a prefix means
// /32 (IPv4) or /128 (IPv6). Source: "IAM JSON policy elements: Condition operators", IP address
// condition operators ("If you specify an IP address without the associated routing prefix, IAM uses
// the default prefix value of /32"). Parsing and range checks: node:net (isIP, BlockList).
import { BlockList, isIP } from 'node:net';
import { partsToText } from '../variables';
import type { ConditionFamily } from './types';

const FAMILY = { 4: 'ipv4', 6: 'ipv6' } as const;

export function parseCidr(text: string): { address: string; prefix: number; type: 'ipv4' | 'ipv6' } | undefined {
  const [address, prefixText, ...rest] = text.trim().split('/');
  const version = isIP(address);
  if (rest.length || (version !== 4 && version !== 6)) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  return prefix >= 0 && prefix <= max ? { address, prefix, type: FAMILY[version] } : undefined;
}

export const ipFamily: ConditionFamily = {
  typeName: 'an IP address',
  compile(parts) {
    const range = parseCidr(partsToText(parts));
    if (!range) return `"${partsToText(parts)}" is not an IP address or CIDR range`;
    const list = new BlockList();
    list.addSubnet(range.address, range.prefix, range.type);
    return value => {
      const version = isIP(value.trim());
      if (version !== 4 && version !== 6) return undefined;
      return FAMILY[version] === range.type && list.check(value.trim(), range.type);
    };
  },
};
