// The core of templates: virtual JSON from a host tree, the map back, and edits written in the host.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HostValue, StringPart, StringStyle } from '../../server/src/templates/hostTree';
import { cloudFormationYamlReader } from '../../server/src/templates/cloudformation/readers';
import { policyAt, templateDocument } from '../../server/src/templates/document';
import { renderString } from '../../server/src/templates/hostEdits';
import { loadedTemplateReader, loadTemplateReader, loadTemplateReaders, templateFormatOf, templateFormatsByName } from '../../server/src/templates/readers';
import type { EmbeddedPolicySource, TemplateReadResult } from '../../server/src/templates/types';
import { exactHostOffset, exactSegmentHolding, segmentAt, toHostSpan, toVirtualOffset } from '../../server/src/templates/mapping';
import { emitJsonText, emitTree, type Segment, type VirtualText } from '../../server/src/templates/virtual';

/** A tiny host "template": `key=value` lines, every value a plain string, `${X}` an unknown. */
function lines(host: string): HostValue {
  const entries = [];
  let offset = 0;
  for (const line of host.split('\n')) {
    const eq = line.indexOf('=');
    const valueAt = offset + eq + 1;
    const raw = line.slice(eq + 1);
    const parts: StringPart[] = [];
    let last = 0;
    for (const m of raw.matchAll(/\$\{([^}]*)\}/g)) {
      if (m.index! > last) parts.push({ literal: raw.slice(last, m.index), span: { offset: valueAt + last, length: m.index! - last }, exact: true });
      parts.push({ unknown: m[1], span: { offset: valueAt + m.index!, length: m[0].length } });
      last = m.index! + m[0].length;
    }
    if (last < raw.length) parts.push({ literal: raw.slice(last), span: { offset: valueAt + last, length: raw.length - last }, exact: true });
    const style: StringStyle = 'yaml-plain';
    entries.push({
      key: line.slice(0, eq),
      keySpan: { offset, length: eq },
      keyStyle: style,
      renamable: true,
      span: { offset, length: line.length },
      value: { kind: 'string' as const, span: { offset: valueAt, length: raw.length }, parts, style },
    });
    offset += line.length + 1;
  }
  return { kind: 'object', span: { offset: 0, length: host.length }, entries };
}

test('a tree becomes JSON text; unknowns read as ${text} and are listed', () => {
  const virtual = emitTree(
    lines('Action=s3:GetObject\nResource=arn:${AWS::Partition}:s3:::${Bucket}/*'),
    'Action=s3:GetObject\nResource=arn:${AWS::Partition}:s3:::${Bucket}/*',
  );
  assert.deepEqual(JSON.parse(virtual.text), { Action: 's3:GetObject', Resource: 'arn:${AWS::Partition}:s3:::${Bucket}/*' });
  assert.deepEqual(virtual.unknowns.sort(), ['${AWS::Partition}', '${Bucket}']);
});

test('a span inside a literal maps character for character; a whole value onto the whole scalar', () => {
  const host = 'Action=s3:GetObjetc\nResource=arn:${AWS::Partition}:s3:::b/*';
  const virtual = emitTree(lines(host), host);
  const inVirtual = virtual.text.indexOf('GetObjetc');
  const mapped = toHostSpan(virtual, { offset: inVirtual, length: 'GetObjetc'.length });
  assert.equal(host.slice(mapped.offset, mapped.offset + mapped.length), 'GetObjetc');
  const whole = virtual.text.indexOf('"s3:GetObjetc"');
  const wholeMapped = toHostSpan(virtual, { offset: whole, length: '"s3:GetObjetc"'.length });
  assert.equal(host.slice(wholeMapped.offset, wholeMapped.offset + wholeMapped.length), 's3:GetObjetc');
  const unknown = virtual.text.indexOf('${AWS::Partition}');
  const unknownMapped = toHostSpan(virtual, { offset: unknown + 2, length: 3 });
  assert.equal(host.slice(unknownMapped.offset, unknownMapped.offset + unknownMapped.length), '${AWS::Partition}');
});

test('a template offset inside a literal is the same character of the virtual text; outside the policy, none', () => {
  const host = 'Action=s3:GetObject';
  const virtual = emitTree(lines(host), host);
  const offset = toVirtualOffset(virtual, host.indexOf('Get'));
  assert.equal(virtual.text.slice(offset!, offset! + 3), 'Get');
  const key = toVirtualOffset(virtual, 2);
  assert.equal(virtual.text.slice(key! - 3, key! + 5), '"Action"');
  assert.equal(toVirtualOffset(virtual, host.length + 5), undefined);
});

test('JSON text in a template maps run by run, across an escape the template needs', () => {
  // heredoc: `$${aws:username}` reads as `${aws:username}`
  const host = 'X <<EOF\n{"Resource": "arn:aws:s3:::b/$${aws:username}/*"}\nEOF';
  const bodyAt = host.indexOf('{');
  const escapeAt = host.indexOf('$${');
  const text = '{"Resource": "arn:aws:s3:::b/${aws:username}/*"}';
  const split = escapeAt - bodyAt;
  const virtual = emitJsonText(
    {
      text,
      unknowns: [],
      escape: 'heredoc',
      runs: [
        { offset: 0, hostOffset: bodyAt, length: split },
        { offset: split, hostOffset: escapeAt + 1, length: text.length - split },
      ],
    },
    { offset: bodyAt, length: host.indexOf('\nEOF') - bodyAt },
  );
  const star = text.lastIndexOf('*');
  const mapped = toHostSpan(virtual, { offset: star, length: 1 });
  assert.equal(host[mapped.offset], '*');
  const across = toHostSpan(virtual, { offset: text.indexOf('"arn'), length: text.indexOf('"}') + 1 - text.indexOf('"arn') });
  assert.equal(host.slice(across.offset, across.offset + across.length), '"arn:aws:s3:::b/$${aws:username}/*"');
});

test('a replaced string is written as the host writes it', () => {
  const none = new Set<string>();
  assert.equal(renderString('s3:GetObject', 'yaml-plain', false, none), 's3:GetObject');
  assert.equal(renderString('*', 'yaml-plain', false, none), '"*"');
  assert.equal(renderString('true', 'yaml-plain', false, none), '"true"');
  assert.equal(renderString('2012-10-17', 'yaml-plain', false, none), '"2012-10-17"');
  assert.equal(renderString("it's", 'yaml-single', false, none), "'it''s'");
  assert.equal(renderString('arn:aws:s3:::b/${aws:username}', 'hcl', false, none), '"arn:aws:s3:::b/$${aws:username}"');
  assert.equal(renderString('${var.arn}/*', 'hcl', false, new Set(['${var.arn}'])), '"${var.arn}/*"');
  assert.equal(
    renderString('arn:${AWS::Partition}:s3:::b/${aws:username}', 'yaml-double', true, new Set(['${AWS::Partition}'])),
    '"arn:${AWS::Partition}:s3:::b/${!aws:username}"',
  );
  assert.equal(renderString('${Bucket}', 'yaml-plain', false, new Set(['${Bucket}'])), undefined, 'an unknown outside a Sub cannot be written');
  assert.equal(renderString('x', 'synthetic', false, none), undefined);
});

test('renderString: a YAML plain scalar only where it reads back as the same string; HCL escapes', () => {
  const none = new Set<string>();
  const plain = (value: string) => renderString(value, 'yaml-plain', false, none);
  // plain: starts with a letter, digit or one of _./$( and has nothing YAML would read otherwise
  for (const value of [
    'a',
    'arn:aws:s3:::b/*',
    'a b',
    's3:Get#x',
    'x:y',
    '(a)',
    '.x',
    '_x',
    '1a',
    '10.0.0.1/24',
    'yesno',
    'truex',
    'y1',
    '1-2',
    '12e',
    '1.2.3',
    '201-10-17',
    'x2012-10-17',
  ]) {
    assert.equal(plain(value), value, value);
  }
  // quoted: indicators first, `: `, ` #`, a trailing `:`, edge spaces, Booleans, null, numbers, dates, line breaks
  for (const value of ['-a', '"a"', "'a'", '&a', '*a', '!a', '|a', '>a', '%a', '@a', '`a', '{a}', '[a]', '#a', ' a', 'a ', 'a: b', 'a #b', 'a:', 'a\nb']) {
    assert.equal(plain(value), JSON.stringify(value), value);
  }
  for (const value of [
    'true',
    'False',
    'YES',
    'no',
    'On',
    'off',
    'null',
    '~',
    'y',
    'N',
    '1',
    '-1',
    '+1',
    '1_000',
    '1.5',
    '.5',
    '1.',
    '1e5',
    '1E-5',
    '-1.5e+3',
    '2012-10-17',
    '2012-10-17T00:00:00Z',
    '',
  ]) {
    assert.equal(plain(value), JSON.stringify(value), value);
  }
  assert.equal(renderString('a\\b"c\nd\re\tf%{g}', 'hcl', false, none), '"a\\\\b\\"c\\nd\\re\\tf%%{g}"');
});

test('mapping on a hand-made map: smallest segment, exact ones win a tie, quotes skipped, the policy moved by delta', () => {
  // virtual `{"A": "xyz", "B": "${Q}"}` read from the template `A=xyz;B=!Ref Q`, which has moved 100 characters on
  const segment = (role: Segment['role'], offset: number, length: number, hostOffset: number, hostLength: number, exact = false): Segment => ({
    role,
    offset,
    length,
    hostOffset,
    hostLength,
    exact,
  });
  const string = segment('string', 6, 5, 2, 3);
  const virtual: VirtualText = {
    text: '{"A": "xyz", "B": "${Q}"}',
    delta: 100,
    unknowns: ['${Q}'],
    segments: [
      segment('container', 0, 25, 0, 14),
      segment('entry', 1, 10, 0, 5),
      segment('key', 1, 3, 0, 1),
      string,
      segment('part', 7, 3, 2, 3, true),
      segment('entry', 13, 11, 6, 8),
      segment('key', 13, 3, 6, 1),
      segment('unknown', 18, 6, 8, 6),
    ],
  };
  // virtual -> template
  assert.deepEqual(toHostSpan(virtual, { offset: 8, length: 1 }), { offset: 103, length: 1 });
  assert.deepEqual(toHostSpan(virtual, { offset: 6, length: 5 }), { offset: 102, length: 3 });
  assert.deepEqual(toHostSpan(virtual, { offset: 18, length: 6 }), { offset: 108, length: 6 });
  assert.deepEqual(toHostSpan(virtual, { offset: 1, length: 23 }), { offset: 100, length: 14 });
  assert.deepEqual(toHostSpan(virtual, { offset: 30, length: 1 }), { offset: 100, length: 0 }, 'outside every segment: the start of the policy');
  assert.deepEqual(toHostSpan({ ...virtual, segments: [] }, { offset: 0, length: 1 }), { offset: 0, length: 0 });
  assert.equal(exactHostOffset(virtual, 10), 105);
  assert.equal(exactHostOffset(virtual, 11), undefined);
  // template -> virtual: the same character in a literal; the start of a key or value, inside its quotes
  assert.equal(toVirtualOffset(virtual, 103), 8);
  assert.equal(toVirtualOffset(virtual, 100), 2);
  assert.equal(toVirtualOffset(virtual, 110), 19);
  assert.equal(toVirtualOffset(virtual, 105), 10, 'the end of a literal');
  assert.equal(toVirtualOffset(virtual, 114), 19);
  assert.equal(toVirtualOffset(virtual, 99), undefined);
  assert.equal(toVirtualOffset(virtual, 115), undefined);
  // a tie: the exact segment wins, whichever comes first
  const tie: VirtualText = { ...virtual, segments: [segment('scalar', 0, 3, 0, 3), segment('part', 0, 3, 0, 3, true)] };
  assert.deepEqual(toHostSpan(tie, { offset: 1, length: 1 }), { offset: 101, length: 1 });
  assert.equal(toVirtualOffset(tie, 102), 2);
  // whole tokens and literals
  assert.equal(segmentAt(virtual, { offset: 6, length: 5 }), string);
  assert.equal(segmentAt(virtual, { offset: 7, length: 3 }), undefined, 'a part is no token');
  assert.equal(segmentAt(virtual, { offset: 1, length: 10 }), undefined, 'an entry is no token');
  assert.equal(exactSegmentHolding(virtual, { offset: 8, length: 2 })?.role, 'part');
  assert.equal(exactSegmentHolding(virtual, { offset: 6, length: 5 }), undefined);
});

test('mapping JSON text: a span across an escape maps each end through the runs; an end inside an escape, the whole text', () => {
  // virtual `"a\nb"...` written in the template with a longer escape between the runs
  const virtual: VirtualText = {
    text: '0123456789',
    delta: 0,
    unknowns: [],
    segments: [
      { role: 'text', offset: 0, length: 10, hostOffset: 50, hostLength: 12, exact: false },
      { role: 'part', offset: 0, length: 4, hostOffset: 50, hostLength: 4, exact: true },
      { role: 'part', offset: 6, length: 4, hostOffset: 58, hostLength: 4, exact: true },
    ],
  };
  assert.deepEqual(toHostSpan(virtual, { offset: 2, length: 6 }), { offset: 52, length: 8 });
  assert.deepEqual(toHostSpan(virtual, { offset: 4, length: 2 }), { offset: 54, length: 4 });
  assert.deepEqual(toHostSpan(virtual, { offset: 5, length: 1 }), { offset: 50, length: 12 });
});

test('templateDocument: a policy whose text, kind, quota and partial state did not change keeps its document; a moved one its reading', () => {
  const uri = 'file:///work/doc.yaml';
  const template = (firstAction: string, secondType = 'AWS::IAM::ManagedPolicy') => `Resources:
  First:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: ${firstAction}
            Resource: "*"
  Second:
    Type: ${secondType}
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: "*"
`;
  const text = template('s3:GetObject');
  const first = templateDocument(uri, 'yaml', text, cloudFormationYamlReader.read(uri, text)!);
  assert.deepEqual(
    first.policies.map(p => [p.index, p.doc.template?.partial, p.doc.template?.jsonText, p.doc.template?.limit]),
    [
      [0, false, false, 'managed'],
      [1, false, false, 'managed'],
    ],
  );
  // read whole again: equal texts keep their documents, a changed one gets a new one
  const edited = template('s3:GetObjects');
  const again = templateDocument(uri, 'yaml', edited, cloudFormationYamlReader.read(uri, edited)!, first);
  assert.notEqual(again.policies[0].doc, first.policies[0].doc);
  assert.equal(again.policies[1].doc, first.policies[1].doc);
  assert.equal(again.policies[1].virtual.delta, 0);
  // the same text with another quota is another document
  const group = template('s3:GetObject', 'AWS::IAM::GroupPolicy');
  const regrouped = templateDocument(uri, 'yaml', group, cloudFormationYamlReader.read(uri, group)!, first);
  assert.equal(regrouped.policies[0].doc, first.policies[0].doc);
  assert.notEqual(regrouped.policies[1].doc, first.policies[1].doc);
  // read incrementally: the untouched policy keeps its reading, the one after the edit moves along
  const incremental = cloudFormationYamlReader.readChange!(uri, edited, { text, read: first.read })!;
  assert.ok(incremental);
  const moved = templateDocument(uri, 'yaml', edited, incremental, first);
  assert.equal(moved.policies[1].doc, first.policies[1].doc);
  assert.equal(moved.policies[1].virtual.delta, 1);
  assert.equal(moved.policies[1].virtual.segments, first.policies[1].virtual.segments);
  // the same reading again: the same policies, at their index
  const same = templateDocument(uri, 'yaml', edited, incremental, moved);
  assert.deepEqual(same.policies, moved.policies);
  assert.equal(same.policies[1].doc, moved.policies[1].doc);
  // the policy at an offset, its virtual offset
  const at = edited.indexOf('sqs:SendMessage') + 4;
  const found = policyAt(moved, at)!;
  assert.equal(found.policy.index, 1);
  assert.equal(moved.policies[1].virtual.text.slice(found.offset, found.offset + 11), 'SendMessage');
  assert.equal(policyAt(moved, 0), undefined);
  const span = moved.policies[0].source.span;
  assert.equal(policyAt(moved, span.offset)?.policy.index, 0);
  assert.equal(policyAt(moved, span.offset + span.length)?.policy.index, 0);
});

test('policyAt: of two policies holding an offset, the innermost', () => {
  const hcl = `resource "aws_iam_policy" "p" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}`;
  const source = (offset: number, length: number): EmbeddedPolicySource => ({
    body: { tree: { kind: 'object', span: { offset, length }, entries: [] } },
    span: { offset, length },
    resource: `r${offset}`,
    resourceType: 'x',
    property: 'policy',
  });
  const read: TemplateReadResult = {
    format: 'terraform',
    policies: [source(0, hcl.length), source(20, 40), source(10, 80)],
    namedPolicies: [],
    policyFiles: [],
    problems: [],
  };
  const doc = templateDocument('file:///p.tf', 'terraform', hcl, read);
  assert.equal(policyAt(doc, 30)?.policy.source.resource, 'r20');
  assert.equal(policyAt(doc, 15)?.policy.source.resource, 'r10');
  assert.equal(policyAt(doc, 5)?.policy.source.resource, 'r0');
});

test('readers: the format of a file by language and name, the formats by name alone, each reader loaded once', async () => {
  const yamlTemplate = 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n';
  assert.equal(templateFormatOf('file:///t.yaml', 'yaml', yamlTemplate), 'cloudformation-yaml');
  assert.equal(templateFormatOf('file:///t.yaml', 'python', yamlTemplate), undefined);
  assert.equal(templateFormatOf('file:///serverless.yml', 'yaml', 'service: x\nprovider:\n  name: aws\n'), 'serverless');
  assert.equal(templateFormatOf('file:///main.tf', 'plaintext', ''), 'terraform');
  assert.equal(templateFormatOf('file:///notes.txt', 'plaintext', 'hello'), undefined);
  assert.deepEqual(
    ['a/T.YML', 'a.yaml', 'a.yml.bak', 'x.TEMPLATE', 'template.txt', 'p.json', 'json.txt', 'main.tf', 'main.TOFU', 'main.tf.bak', 'README'].map(
      templateFormatsByName,
    ),
    [
      ['serverless', 'cloudformation-yaml'],
      ['serverless', 'cloudformation-yaml'],
      [],
      ['cloudformation-json', 'cloudformation-yaml'],
      [],
      ['cloudformation-json', 'terraform-plan'],
      [],
      ['terraform'],
      ['terraform'],
      [],
      [],
    ],
  );
  await loadTemplateReaders(['cloudformation-json', 'terraform-plan', 'cloudformation-json']);
  assert.equal(loadedTemplateReader('cloudformation-json')?.format, 'cloudformation-json');
  assert.equal(loadedTemplateReader('terraform-plan')?.format, 'terraform-plan');
  const yaml = await loadTemplateReader('cloudformation-yaml');
  assert.equal(yaml.format, 'cloudformation-yaml');
  assert.equal(await loadTemplateReader('cloudformation-yaml'), yaml);
  assert.equal(loadedTemplateReader('cloudformation-yaml'), yaml);
});

test('emitTree: segments of keys (inner parts only where written as is), scalars, unknowns and string parts', () => {
  // host: `A: x` `"B": 1` `C2: q` `"a\"b": z` `${U}` `lit!` written at known places
  const host = 'A=1;"B"=2;C2=3;"a\\"b"=4;${U};lit!;other;';
  const span = (text: string, from = 0) => ({ offset: host.indexOf(text, from), length: text.length });
  const entry = (key: string, keyText: string, keyStyle: StringStyle, value: HostValue) => ({
    key,
    keySpan: span(keyText),
    keyStyle,
    renamable: keyStyle !== 'synthetic',
    value,
    span: span(keyText),
  });
  const tree: HostValue = {
    kind: 'object',
    span: { offset: 0, length: host.length },
    entries: [
      entry('A', 'A', 'yaml-plain', { kind: 'number', span: span('1'), value: 1 }),
      entry('B', '"B"', 'yaml-double', { kind: 'boolean', span: span('2'), value: true }),
      entry('C', 'C2', 'yaml-plain', { kind: 'null', span: span('3'), value: null }),
      entry('a"b', '"a\\"b"', 'json', { kind: 'unknown', text: ' U ${x}\n', span: span('${U}') }),
      entry('D', 'A', 'synthetic', {
        kind: 'string',
        span: span('lit!;other'),
        style: 'yaml-plain',
        parts: [
          { literal: 'lit', span: span('lit'), exact: true },
          { literal: '!', span: span('!;'), exact: true },
          { literal: '', span: span('other'), exact: true },
          { literal: 'oth', span: span('other'), exact: false },
          { literal: 'x', span: span('o'), exact: true },
          { unknown: 'V', span: span('other') },
        ],
      }),
    ],
  };
  const virtual = emitTree(tree, host);
  assert.deepEqual(JSON.parse(virtual.text), { A: 1, B: true, C: null, 'a"b': '${U  x}', D: 'lit!othx${V}' });
  assert.deepEqual(virtual.unknowns, ['${U  x}', '${V}']);
  const described = virtual.segments.map(s => [
    s.role,
    virtual.text.slice(s.offset, s.offset + s.length),
    host.slice(s.hostOffset, s.hostOffset + s.hostLength),
    s.exact,
  ]);
  assert.deepEqual(described.slice(1), [
    ['entry', '"A": 1', 'A', false],
    ['key', '"A"', 'A', false],
    ['part', 'A', 'A', true],
    ['scalar', '1', '1', false],
    ['entry', '"B": true', '"B"', false],
    ['key', '"B"', '"B"', false],
    ['part', 'B', 'B', true],
    ['scalar', 'true', '2', false],
    ['entry', '"C": null', 'C2', false],
    ['key', '"C"', 'C2', false],
    ['scalar', 'null', '3', false],
    ['entry', '"a\\"b": "${U  x}"', '"a\\"b"', false],
    ['key', '"a\\"b"', '"a\\"b"', false],
    ['unknown', '"${U  x}"', '${U}', false],
    ['entry', '"D": "lit!othx${V}"', 'A', false],
    ['key', '"D"', 'A', false],
    ['string', '"lit!othx${V}"', 'lit!;other', false],
    ['part', 'lit', 'lit', true],
    ['part', '!', '!;', false],
    ['part', 'oth', 'other', false],
    ['part', 'x', 'o', false],
    ['unknown', '${V}', 'other', false],
  ]);
  assert.deepEqual(described[0], ['container', virtual.text, host, false]);
});
