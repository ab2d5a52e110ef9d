// An exact pre-filter for the ARN/format intersection (arnFormats.ts), which most formats of a
// service fail at their first literal characters (`instance/` against `volume/...`).
//
// When neither pattern can match a colon before its fifth literal colon (the ARN: no policy variable
// there, and the segment-bound reading, where * and ? stay within a segment; the format: every
// placeholder there excludes ':'), then in every ARN matching both, the first five colons are the
// literal colons of both patterns. So segment k of the ARN pattern matches exactly segment k of the
// format, and the resource parts (after the fifth colon) match each other from their first
// character. Hence, necessarily: two segments without wildcards or placeholders are equal, and the
// literal text the two resource parts start with agrees as far as both go.

export const RESOURCE_PART = 5; // colons before the resource part
export const COLON = 58;
const HEAD_SEGMENTS = 4; // partition, service, region, account ("arn" is checked elsewhere)

/** The first five segments of a pattern, as far as the pre-filter uses them. */
export interface ArnHead {
  /** partition, service, region, account: the text, or undefined when it is a pattern */
  segments: (string | undefined)[];
  /** the literal characters its resource part starts with */
  resourcePrefix: string;
}

/**
 * The head of an ARN of a policy in the segment-bound reading; undefined when it has fewer than
 * five colons or a `$` before the fifth (a policy variable may take colons).
 */
export function arnHead(arn: string): ArnHead | undefined {
  const segments: (string | undefined)[] = [];
  let start = 0;
  for (let k = 0; k < RESOURCE_PART; k++) {
    const colon = arn.indexOf(':', start);
    if (colon < 0) return undefined;
    const segment = arn.slice(start, colon);
    if (segment.includes('$')) return undefined;
    if (k > 0) segments.push(/[*?]/.test(segment) ? undefined : segment);
    start = colon + 1;
  }
  const resource = arn.slice(start);
  const wildcard = resource.search(/[*?$]/);
  return { segments, resourcePrefix: wildcard < 0 ? resource : resource.slice(0, wildcard) };
}

/** The head of a format's tokens (char codes, placeholders negative); undefined below five colons. */
export function formatHead(tokens: readonly number[]): ArnHead | undefined {
  const segments: (string | undefined)[] = [];
  let segment: string | undefined = '';
  let colons = 0;
  let i = 0;
  for (; i < tokens.length && colons < RESOURCE_PART; i++) {
    const token = tokens[i];
    if (token === COLON) {
      if (colons > 0) segments.push(segment);
      colons++;
      segment = '';
    } else if (segment !== undefined) {
      segment = token < 0 ? undefined : segment + String.fromCharCode(token);
    }
  }
  if (colons < RESOURCE_PART) return undefined;
  let resourcePrefix = '';
  for (; i < tokens.length && tokens[i] >= 0; i++) resourcePrefix += String.fromCharCode(tokens[i]);
  return { segments, resourcePrefix };
}

/** False when no ARN can match both heads; true when it may (then the full search decides). */
export function headsAgree(arn: ArnHead, format: ArnHead): boolean {
  for (let k = 0; k < HEAD_SEGMENTS; k++) {
    const a = arn.segments[k];
    const f = format.segments[k];
    if (a !== undefined && f !== undefined && a !== f) return false;
  }
  const a = arn.resourcePrefix;
  const f = format.resourcePrefix;
  return a.length <= f.length ? f.startsWith(a) : a.startsWith(f);
}
