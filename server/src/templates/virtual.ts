// A policy found in a template becomes JSON text (the "virtual" policy) that every rule and feature
// reads as it reads a `.json` policy, with a map of segments back into the template: the span of
// every key and value in both texts. Unknown values (intrinsics, interpolations) are written
// `${text}` and listed, so that rules can tell them from policy variables.
import type { Span } from '../policy/model';
import type { HostValue, StringStyle } from './hostTree';
import type { JsonTextBody } from './types';

/** A span of the virtual text and the span of the template it was written from. */
export interface Segment {
  offset: number;
  length: number;
  hostOffset: number;
  hostLength: number;
  /** offsets inside map one to one (a literal written without escapes) */
  exact: boolean;
  /** for string values and keys: how the template writes them (for edits) */
  style?: StringStyle;
  /** a string inside a CloudFormation Fn::Sub */
  sub?: boolean;
  /** what the segment is: a string or key token can be replaced as a whole */
  role: 'container' | 'entry' | 'key' | 'string' | 'part' | 'scalar' | 'unknown' | 'text';
  /** a key the template writes under another name (Terraform's `actions`): not renamed by fixes */
  fixed?: boolean;
}

export interface VirtualText {
  text: string;
  /** their host offsets are those of the text the policy was read from: add `delta` for the template now */
  segments: Segment[];
  /** how far the policy moved in the template since it was read (an edit before it); 0 when just read */
  delta: number;
  /** the `${...}` texts that stand for template expressions (not policy variables) */
  unknowns: string[];
}

/** `${text}`: how an unknown value reads in the virtual policy. */
export function unknownToken(text: string): string {
  // `Ref: "${self:custom.bucket}"` (a Serverless variable inside an intrinsic) reads as one unknown
  return `\${${text.replace(/\$\{|[{}\r\n]/g, ' ').trim()}}`;
}

class Emitter {
  text = '';
  readonly segments: Segment[] = [];
  readonly unknowns = new Set<string>();

  constructor(private readonly hostText: string) {}

  private add(start: number, host: Span, role: Segment['role'], extra: Partial<Segment> = {}): Segment {
    const segment: Segment = {
      offset: start,
      length: this.text.length - start,
      hostOffset: host.offset,
      hostLength: host.length,
      exact: false,
      role,
      ...extra,
    };
    this.segments.push(segment);
    return segment;
  }

  value(value: HostValue, indent: string): void {
    switch (value.kind) {
      case 'object':
        return this.object(value, indent);
      case 'array':
        return this.array(value, indent);
      case 'string':
        return this.string(value.parts, value.span, value.style, value.sub);
      case 'unknown': {
        const start = this.text.length;
        const token = unknownToken(value.text);
        this.unknowns.add(token);
        this.text += JSON.stringify(token);
        this.add(start, value.span, 'unknown');
        return;
      }
      default: {
        const start = this.text.length;
        this.text += JSON.stringify(value.value);
        this.add(start, value.span, 'scalar');
      }
    }
  }

  /** `{...}` or `[...]`: one item a line, indented under the bracket, with a container segment around it. */
  private container<T>(span: Span, brackets: '{}' | '[]', items: readonly T[], indent: string, item: (item: T, inner: string) => void): void {
    const start = this.text.length;
    const segment = this.add(start, span, 'container');
    const inner = `${indent}  `;
    this.text += brackets[0];
    items.forEach((each, i) => {
      this.text += `${i ? ',' : ''}\n${inner}`;
      item(each, inner);
    });
    this.text += items.length ? `\n${indent}${brackets[1]}` : brackets[1];
    segment.length = this.text.length - start;
  }

  private object(value: Extract<HostValue, { kind: 'object' }>, indent: string): void {
    this.container(value.span, '{}', value.entries, indent, (entry, inner) => {
      const entryStart = this.text.length;
      const entrySegment = this.add(entryStart, entry.span, 'entry');
      const keyStart = this.text.length;
      this.text += JSON.stringify(entry.key);
      this.add(keyStart, entry.keySpan, 'key', { style: entry.keyStyle, fixed: !entry.renamable, exact: false });
      this.addExactInner(keyStart, entry.key, entry.keySpan, entry.keyStyle);
      this.text += ': ';
      this.value(entry.value, inner);
      entrySegment.length = this.text.length - entryStart;
    });
  }

  private array(value: Extract<HostValue, { kind: 'array' }>, indent: string): void {
    this.container(value.span, '[]', value.items, indent, (item, inner) => this.value(item, inner));
  }

  /** A key written as is in the template (plain, or inside quotes): offsets inside it map one to one. */
  private addExactInner(tokenStart: number, content: string, host: Span, style: StringStyle): void {
    if (style === 'synthetic' || JSON.stringify(content).length !== content.length + 2) return;
    const written = this.hostText.slice(host.offset, host.offset + host.length);
    const at = written === content ? 0 : written.length === content.length + 2 && written.slice(1, -1) === content ? 1 : -1;
    if (at < 0) return;
    this.segments.push({
      offset: tokenStart + 1,
      length: content.length,
      hostOffset: host.offset + at,
      hostLength: content.length,
      exact: true,
      role: 'part',
      style,
    });
  }

  private string(parts: Extract<HostValue, { kind: 'string' }>['parts'], span: Span, style: StringStyle, sub: boolean | undefined): void {
    const start = this.text.length;
    const whole = this.add(start, span, 'string', { style, sub });
    this.text += '"';
    for (const part of parts) {
      const partStart = this.text.length;
      if ('unknown' in part) {
        const token = unknownToken(part.unknown);
        this.unknowns.add(token);
        this.text += JSON.stringify(token).slice(1, -1);
        this.add(partStart, part.span, 'unknown');
        continue;
      }
      const escaped = JSON.stringify(part.literal).slice(1, -1);
      this.text += escaped;
      const exact =
        part.exact &&
        escaped === part.literal &&
        part.span.length === part.literal.length &&
        this.hostText.slice(part.span.offset, part.span.offset + part.span.length) === part.literal;
      if (part.literal.length > 0 || exact) this.add(partStart, part.span, 'part', { exact, style, sub });
    }
    this.text += '"';
    whole.length = this.text.length - start;
  }
}

/** The virtual policy of a tree read from a template. */
export function emitTree(value: HostValue, hostText: string): VirtualText {
  const emitter = new Emitter(hostText);
  emitter.value(value, '');
  return { text: emitter.text, segments: emitter.segments, unknowns: [...emitter.unknowns], delta: 0 };
}

/** The virtual policy of a JSON text written inside a template: the text itself, mapped run by run. */
export function emitJsonText(body: JsonTextBody, span: Span): VirtualText {
  const segments: Segment[] = [
    { offset: 0, length: body.text.length, hostOffset: span.offset, hostLength: span.length, exact: false, role: 'text' },
    ...body.runs.map(run => ({
      offset: run.offset,
      length: run.length,
      hostOffset: run.hostOffset,
      hostLength: run.length,
      exact: true,
      role: 'part' as const,
    })),
  ];
  return { text: body.text, segments, unknowns: [...new Set(body.unknowns)], delta: 0 };
}
