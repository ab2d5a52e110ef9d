// Repairs: Version, names (with renames that merge), Sids, repeated and covered actions removed with their commas, missing or conflicting elements.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectIndentUnit, removeMembers } from '../../server/src/features/fixes/jsonEdits';
import { parse } from '../helpers/cursor';
import { applyFix, codes, diagnose, fixed, fixesFor, fixesOf, refactored } from '../helpers/fixes';

const ONE = (statement: string, version = '"Version": "2012-10-17", ') => `{ ${version}"Statement": [ ${statement} ] }`;

test('Version: a wrong one is set to 2012-10-17, preferred', () => {
  assert.equal(
    fixed(ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }', '"Version": "2012-10-18", '), 'IAM013'),
    ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }'),
  );
  const { fixes } = fixesOf(ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }', '"Version": "2012-10-18", '), 'IAM013');
  assert.deepEqual(
    fixes.map(f => f.title),
    ['Set "Version": "2012-10-17"'],
  );
});

test('Version: added first, on its own line, where policy variables need it', () => {
  const text = '{\n    "Statement": [\n        { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*" }\n    ]\n}';
  const after = fixed(text, 'IAM350');
  assert.ok(after.startsWith('{\n    "Version": "2012-10-17",\n    "Statement": [\n'));
  assert.ok(!codes(after).includes('IAM350'));
});

test('Version: a refactoring when it is missing', () => {
  assert.equal(
    refactored('{"Statement":[{"Effect":"Allow","Action":"s3:Get|Object","Resource":"*"}]}', /^Add "Version"/),
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    "in the file's compact style",
  );
});

test('a misspelled operator next to the one it means: the two blocks merge instead of repeating a key', () => {
  const text = ONE(
    '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:username": "bob" }, "stringequals": { "aws:PrincipalTag/team": "x" } } }',
  );
  const after = fixed(text, 'IAM301');
  assert.match(after, /"Condition": \{ "StringEquals": \{ "aws:username": "bob", "aws:PrincipalTag\/team": "x" \} \}/);
  assert.ok(!codes(after).includes('IAM031'));
  const clash = text.replace('aws:PrincipalTag/team', 'aws:username');
  assert.deepEqual(fixesOf(clash, 'IAM301').fixes, [], 'no merge when both test the same key');
});

test('an element renamed onto one that exists is not offered', () => {
  const text = ONE('{ "Effect": "Allow", "effect": "Deny", "Action": "s3:GetObject", "Resource": "*" }');
  assert.deepEqual(fixesOf(text, 'IAM011').fixes, []);
});

test('a repeated Sid gets the next free number', () => {
  const text = ONE(
    '{ "Sid": "Read1", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }, { "Sid": "Read2", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" }, { "Sid": "Read1", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*" }',
  );
  assert.match(fixed(text, 'IAM027'), /"Sid": "Read3", "Effect": "Allow", "Action": "s3:PutObject"/);
});

test('repeated and covered actions are removed with the right comma: first, middle, last, multi-line', () => {
  const list = (items: string) => ONE(`{ "Effect": "Allow", "Action": [${items}], "Resource": "*" }`);
  assert.equal(fixed(list('"s3:GetObject", "s3:Get*"'), 'IAM105'), list('"s3:Get*"'));
  assert.equal(fixed(list('"s3:Get*", "s3:GetObject", "s3:PutObject"'), 'IAM105'), list('"s3:Get*", "s3:PutObject"'));
  assert.equal(fixed(list('"s3:PutObject", "s3:putobject"'), 'IAM104'), list('"s3:PutObject"'));
  const lines =
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "s3:PutObject",\n        "s3:GetObject",\n        "s3:PutObject"\n      ],\n      "Resource": "*"\n    }\n  ]\n}';
  assert.match(fixed(lines, 'IAM104'), /"Action": \[\n {8}"s3:PutObject",\n {8}"s3:GetObject"\n {6}\]/);
});

test("a missing Effect goes after the Sid, in the statement's layout", () => {
  const text =
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "A",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}';
  assert.match(fixed(text, 'IAM017', /Deny/), /"Sid": "A",\n {6}"Effect": "Deny",\n {6}"Action"/);
});

test('a missing Principal: an account or a service, after the Effect', () => {
  const text =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:GetQueueUrl","Resource":"arn:aws:sqs:us-east-1:111122223333:q"},' +
    '{"Sid":"S","Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}';
  const { fixes } = fixesOf(text, 'IAM034');
  assert.deepEqual(
    fixes.map(f => f.title),
    ['Add a "Principal": an account', 'Add a "Principal": a service'],
  );
  assert.match(fixed(text, 'IAM034', /account/), /"Sid":"S","Effect":"Allow","Principal":\{"AWS":"arn:aws:iam::111122223333:root"\},"Action"/);
});

test('Action with NotAction: either goes; a duplicate key: either goes', () => {
  const both = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject", "Resource": "*" }');
  assert.deepEqual(
    fixesOf(both, 'IAM018').fixes.map(f => f.title),
    ['Remove "Action"', 'Remove "NotAction"'],
  );
  assert.equal(fixed(both, 'IAM018', /"NotAction"/), ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }'));
  const twice = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::a/*", "Resource": "arn:aws:s3:::b/*" }');
  assert.equal(fixed(twice, 'IAM031', /earlier/), ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }'));
});

test('removeMembers: the commas of every arrangement', () => {
  const cases: Array<[string, number[], string]> = [
    ['[1, 2, 3]', [0], '[2, 3]'],
    ['[1, 2, 3]', [1], '[1, 3]'],
    ['[1, 2, 3]', [2], '[1, 2]'],
    ['[1, 2, 3]', [1, 2], '[1]'],
    ['[1, 2, 3]', [0, 2], '[2]'],
    ['[1, 2, 3]', [0, 1, 2], '[]'],
    ['[\n  1,\n  2\n]', [1], '[\n  1\n]'],
    ['{ "a": 1, "b": 2 }', [0], '{ "b": 2 }'],
  ];
  for (const [text, indexes, expected] of cases) {
    const root = parse(text).root!;
    const changes = removeMembers(root, new Set(indexes.map(i => root.children![i])));
    let result = text;
    for (const c of changes.sort((a, b) => b.offset - a.offset)) result = result.slice(0, c.offset) + c.text + result.slice(c.offset + c.length);
    assert.equal(result, expected, `${text} without ${indexes.join(',')}`);
  }
});

test('detectIndentUnit: tabs, two and four spaces, none', () => {
  assert.equal(detectIndentUnit('{\n\t"a": {\n\t\t"b": 1\n\t}\n}'), '\t');
  assert.equal(detectIndentUnit('{\n  "a": {\n    "b": 1\n  }\n}'), '  ');
  assert.equal(detectIndentUnit('{\n    "a": [\n        1\n    ]\n}'), '    ');
  assert.equal(detectIndentUnit('{"a": 1}'), undefined);
});

test('an "AWS" principal with white space around it is trimmed; other invalid principals get no guess', () => {
  const text = ONE('{ "Effect": "Allow", "Principal": { "AWS": " arn:aws:iam::111122223333:user/AdminUser" }, "Action": "s3:GetObject", "Resource": "*" }');
  const after = fixed(text, 'IAM035');
  assert.equal(after, text.replace('" arn:', '"arn:'));
  assert.ok(!codes(after).includes('IAM035'));
  assert.deepEqual(fixesOf(text.replace(' arn:aws:iam::111122223333:user/AdminUser', ' AccountB-ID'), 'IAM035').fixes, []);
});

test('a misspelled service principal is replaced by the closest known one', () => {
  const text = ONE('{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.con" }, "Action": "sts:AssumeRole" }');
  const after = fixed(text, 'IAM036');
  assert.equal(after, text.replace('amazonaws.con', 'amazonaws.com'));
  assert.ok(!codes(after).includes('IAM036'));
});

test('a missing Version is added first', () => {
  const text = '{\n  "Statement": [ { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" } ]\n}';
  const after = fixed(text, 'IAM038');
  assert.ok(after.startsWith('{\n  "Version": "2012-10-17",\n  "Statement"'));
  assert.ok(!codes(after).includes('IAM038'));
});

test('Resource in a role trust policy is removed with its comma', () => {
  const text = ONE('{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole", "Resource": "*" }');
  const after = fixed(text, 'IAM039', /^Remove "Resource"/);
  assert.equal(after, ONE('{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }'));
  assert.ok(!codes(after).includes('IAM039'));
});

test('a Region code with a typo gets the Region it resembles', () => {
  const text = ONE('{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:RequestedRegion": "us-east1" } } }');
  const after = fixed(text, 'IAM334', /us-east-1/);
  assert.equal(after, text.replace('"us-east1"', '"us-east-1"'));
  assert.ok(!codes(after).includes('IAM334'));
});

test("an OIDC provider written as its host becomes its IAM identity provider ARN, with the policy's account", () => {
  const text = ONE(
    '{ "Effect": "Allow", "Principal": { "Federated": "token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } } }',
  );
  const after = fixed(text, 'IAM037', /^Name the provider by its ARN/);
  assert.ok(after.includes('"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"'), after);
  assert.ok(!codes(after).includes('IAM037'));
  assert.deepEqual(fixesOf(text.replace('token.actions.githubusercontent.com"', 'MyProvider"'), 'IAM037').fixes, [], 'no host, no guess');
});

test("a federated principal's sts:AssumeRole becomes the call it signs in with", () => {
  const text = ONE(
    '{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" }, "Action": ["sts:AssumeRole", "sts:TagSession"] }',
  );
  const after = fixed(text, 'IAM041');
  assert.equal(after, text.replace('"sts:AssumeRole"', '"sts:AssumeRoleWithSAML"'));
  assert.ok(!codes(after).includes('IAM041'));
});

/** Every fix of the first `code` finding as [title, kind, preferred, text after it]. */
function offered(text: string, code: string): Array<[string, string | undefined, boolean | undefined, string]> {
  const { doc, fixes } = fixesOf(text, code);
  return fixes.map(f => [f.title, f.kind, f.isPreferred, applyFix(doc, f)]);
}

test('syntax repairs: a comment goes with the blanks before it, and with its line break when alone on its line', () => {
  const policy = '{ "Version": "2012-10-17", "Statement": [] }';
  assert.deepEqual(offered('{ "Version": "2012-10-17", \t/* c */ "Statement": [] }', 'IAM002'), [['Remove the comment', 'quickfix', true, policy]]);
  assert.deepEqual(offered(`// c\r\n${policy}`, 'IAM002'), [['Remove the comment', 'quickfix', true, policy]]);
  const crlf = '{\r\n  "Version": "2012-10-17",\r\n  "Statement": []\r\n}';
  assert.deepEqual(offered('{\r\n  // c\r\n  "Version": "2012-10-17",\r\n  "Statement": []\r\n}', 'IAM002'), [['Remove the comment', 'quickfix', true, crlf]]);
  const lines = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';
  assert.deepEqual(
    offered('{\n  "Version": "2012-10-17", // c\n  "Statement": []\n}', 'IAM002'),
    [['Remove the comment', 'quickfix', true, lines]],
    'after a value: the line break stays',
  );
  assert.deepEqual(offered('{\r\n  "Version": "2012-10-17", // c\r\n  "Statement": []\r\n}', 'IAM002'), [['Remove the comment', 'quickfix', true, crlf]]);
  assert.deepEqual(offered(`// c\n\n${policy}`, 'IAM002'), [['Remove the comment', 'quickfix', true, `\n${policy}`]], 'one line break only');
  assert.deepEqual(offered(`/* c */ ${policy}`, 'IAM002'), [['Remove the comment', 'quickfix', true, ` ${policy}`]], 'the blank after it stays');
  for (const [, , , after] of [...offered(`// c\r\n${policy}`, 'IAM002'), ...offered('{\n  "Version": "2012-10-17", // c\n  "Statement": []\n}', 'IAM002')]) {
    assert.deepEqual(codes(after), ['IAM014'], 'only the empty Statement is left');
  }
});

test('syntax repairs: a trailing comma removed, a missing comma inserted right after the value before the blanks', () => {
  assert.deepEqual(offered('{ "Version": "2012-10-17", "Statement": [], }', 'IAM003'), [
    ['Remove the trailing comma', 'quickfix', true, '{ "Version": "2012-10-17", "Statement": [] }'],
  ]);
  const after = '{ "Version": "2012-10-17", \t\n  "Statement": [] }';
  assert.deepEqual(offered('{ "Version": "2012-10-17" \t\n  "Statement": [] }', 'IAM004'), [['Insert the missing comma', 'quickfix', true, after]]);
  assert.deepEqual(codes(after), ['IAM014'], 'only the empty Statement is left');
});

test("a finding's replacements: one fix each, preferred only when there is one; a value is replaced, a key renamed", () => {
  const policy = (statement: string) => ONE(statement);
  assert.deepEqual(offered(policy('{ "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" }'), 'IAM012'), [
    ['Change to "Allow"', 'quickfix', true, policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }')],
  ]);
  assert.deepEqual(offered(policy('{ "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }'), 'IAM102'), [
    ['Change to "s3:GetObject"', 'quickfix', false, policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }')],
    ['Change to "s3:PutObject"', 'quickfix', false, policy('{ "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*" }')],
  ]);
  assert.deepEqual(offered(policy('{ "effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }'), 'IAM011'), [
    ['Change to "Effect"', 'quickfix', true, policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }')],
  ]);
});

test('a misspelled operator block merges into the right one only when both are objects and share no key (in any case)', () => {
  const block = (condition: string) => ONE(`{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { ${condition} } }`);
  assert.deepEqual(offered(block('"stringequals": { "aws:username": "bob" }, "StringEquals": "x"'), 'IAM301'), [], 'the right one is not an object');
  assert.deepEqual(offered(block('"stringequals": "x", "StringEquals": { "aws:username": "bob" }'), 'IAM301'), [], 'the misspelled one is not an object');
  assert.deepEqual(
    offered(block('"StringEquals": { "aws:username": "bob" }, "stringequals": { "aws:PrincipalTag/team": "x", "AWS:UserName": "y" }'), 'IAM301'),
    [],
    'one of two keys is tested already',
  );
  const emptied = offered(block('"StringEquals": { "aws:username": "bob" }, "stringequals": {}'), 'IAM301');
  assert.deepEqual(emptied, [['Change to "StringEquals"', 'quickfix', true, block('"StringEquals": { "aws:username": "bob" }')]], 'an empty block is dropped');
});

test('every repair: its titles, kinds, which is preferred, the text after it', () => {
  const S = '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }';
  const TRUST = 'file:///x/trust-policy.json';
  const trust = (statement: string) => ONE(`{ "Effect": "Allow", ${statement} }`);
  const cases: Array<[string, string, string | undefined, Array<[string, boolean, string]>]> = [
    [ONE(S, ''), 'IAM038', undefined, [['Add "Version": "2012-10-17"', true, ONE(S)]]],
    [
      ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}" }', ''),
      'IAM350',
      undefined,
      [
        [
          'Add "Version": "2012-10-17" (policy variables need it)',
          true,
          ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}" }'),
        ],
      ],
    ],
    [
      ONE('{ "Action": "s3:GetObject", "Resource": "*" }'),
      'IAM017',
      undefined,
      [
        ['Add "Effect": "Allow"', false, ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }')],
        ['Add "Effect": "Deny"', false, ONE('{ "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*" }')],
      ],
    ],
    [
      ONE('{ "Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject", "Resource": "*" }'),
      'IAM018',
      undefined,
      [
        ['Remove "Action"', false, ONE('{ "Sid": "A", "Effect": "Allow", "NotAction": "s3:PutObject", "Resource": "*" }')],
        ['Remove "NotAction"', false, ONE('{ "Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }')],
      ],
    ],
    [ONE('{ "Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }'), 'IAM051', undefined, [['Remove "Sid"', false, ONE(S)]]],
    [ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {} }'), 'IAM052', undefined, [['Remove "Condition"', false, ONE(S)]]],
    [ONE(`${S}, ${S}`), 'IAM053', undefined, [['Remove the repeated statement', true, ONE(S)]]],
    [
      ONE(
        '{ "Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }, { "Sid": "A", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*" }',
      ),
      'IAM027',
      undefined,
      [
        [
          'Rename the Sid to "A2"',
          true,
          ONE(
            '{ "Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }, { "Sid": "A2", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*" }',
          ),
        ],
      ],
    ],
    [
      ONE('{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObject"], "Resource": "*" }'),
      'IAM104',
      undefined,
      [['Remove the repeated "s3:GetObject"', true, ONE('{ "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*" }')]],
    ],
    [
      ONE('{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*" }'),
      'IAM105',
      undefined,
      [['Remove "s3:GetObject" (matched by "s3:Get*")', true, ONE('{ "Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*" }')]],
    ],
    [
      ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Resource": "arn:aws:s3:::b/*" }'),
      'IAM031',
      undefined,
      [
        [
          'Remove the earlier "Resource" (the one JSON tools ignore)',
          false,
          ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }'),
        ],
        ['Remove this "Resource"', false, ONE(S)],
      ],
    ],
    [
      trust('"Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": "sts:AssumeRole"'),
      'IAM049',
      TRUST,
      [
        [
          'Add sts:SetSourceIdentity and sts:TagSession to "Action"',
          true,
          trust('"Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": [ "sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession" ]'),
        ],
      ],
    ],
    [
      trust(
        '"Principal": { "AWS": ["arn:aws:iam::111122223333:role/deployer", "arn:aws:sts::111122223333:assumed-role/deployer/ci"] }, "Action": "sts:AssumeRole"',
      ),
      'IAM048',
      TRUST,
      [
        [
          'Remove "arn:aws:sts::111122223333:assumed-role/deployer/ci"',
          true,
          trust('"Principal": { "AWS": ["arn:aws:iam::111122223333:role/deployer"] }, "Action": "sts:AssumeRole"'),
        ],
      ],
    ],
    [
      trust('"Action": "sts:AssumeRole"'),
      'IAM025',
      TRUST,
      [
        ['Add a "Principal": an account', false, trust('"Principal": { "AWS": "arn:aws:iam::<account-id>:root" }, "Action": "sts:AssumeRole"')],
        ['Add a "Principal": a service', false, trust('"Principal": { "Service": "<service>.amazonaws.com" }, "Action": "sts:AssumeRole"')],
      ],
    ],
    [
      trust('"Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole", "Resource": "*"'),
      'IAM039',
      TRUST,
      [['Remove "Resource"', false, trust('"Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole"')]],
    ],
  ];
  for (const [text, code, uri, expected] of cases) {
    const { doc, fixes } = fixesOf(text, code, {}, uri);
    assert.deepEqual(
      fixes.map(f => [f.title, f.isPreferred ?? false, applyFix(doc, f)]),
      expected,
      code,
    );
    assert.ok(fixes.every(f => f.kind === 'quickfix'));
    for (const [, , after] of expected) assert.ok(!codes(after, uri).includes(code) || code === 'IAM053', `${code} fixed`);
  }
});

test('a stale repair finding (the text changed under it) gets no fix, and no crash', () => {
  const stale = (text: string, code: string, uri?: string) => {
    const { diagnostics } = diagnose(text, uri);
    const diagnostic = diagnostics.find(d => d.code === code)!;
    assert.ok(diagnostic, code);
    const blank = `{${' '.repeat(text.length - 2)}}`;
    return fixesFor(diagnose(blank, uri).doc, diagnostic).filter(f => !f.title.startsWith('Change to'));
  };
  const S = '{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }';
  for (const [text, code, uri] of [
    [
      ONE(
        '{ "Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }, { "Sid": "A", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*" }',
      ),
      'IAM027',
    ],
    [ONE('{ "Action": "s3:GetObject", "Resource": "*" }'), 'IAM017'],
    [ONE('{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*" }'), 'IAM105'],
    [ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject", "Resource": "*" }'), 'IAM018'],
    [ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Resource": "arn:aws:s3:::b/*" }'), 'IAM031'],
    [ONE(`${S}, ${S}`), 'IAM053'],
    [ONE('{ "Effect": "Allow", "Action": "sts:AssumeRole" }'), 'IAM025', 'file:///x/trust-policy.json'],
    [
      ONE('{ "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": "sts:AssumeRole" }'),
      'IAM049',
      'file:///x/trust-policy.json',
    ],
  ] as Array<[string, string, string?]>) {
    assert.deepEqual(stale(text, code, uri), [], code);
  }
});

test('the Version fix on a document that is no object, and the Sid numbering from a number', () => {
  const { doc, diagnostics } = diagnose(ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }', ''));
  const missing = diagnostics.find(d => d.code === 'IAM038')!;
  assert.deepEqual(fixesFor(diagnose('["x"]').doc, missing), []);
  assert.equal(fixesFor(doc, missing).length, 1);
  const numbered = ONE(
    '{ "Sid": "Read9", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }, { "Sid": "Read9", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*" }, { "Sid": "Read10", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" }',
  );
  assert.match(fixed(numbered, 'IAM027'), /"Sid": "Read11", "Effect": "Allow", "Action": "s3:PutObject"/);
});

test('the principal fixes: titles, the exact text, none without their data or on a stale finding', () => {
  const oidc = ONE(
    '{ "Effect": "Allow", "Principal": { "Federated": "token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } } }',
  );
  assert.deepEqual(offered(oidc, 'IAM037'), [
    [
      'Name the provider by its ARN: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      'quickfix',
      false,
      oidc.replace('"token.actions.githubusercontent.com"', '"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"'),
    ],
  ]);
  const saml = ONE(
    '{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" }, "Action": ["sts:TagSession", "sts:AssumeRole"] }',
  );
  assert.deepEqual(offered(saml, 'IAM041'), [
    ['Allow sts:AssumeRoleWithSAML instead of sts:AssumeRole', 'quickfix', true, saml.replace('"sts:AssumeRole"', '"sts:AssumeRoleWithSAML"')],
  ]);
  const { doc, diagnostics } = diagnose(saml);
  const finding = diagnostics.find(d => d.code === 'IAM041')!;
  assert.deepEqual(fixesFor(doc, { ...finding, data: undefined }), []);
  assert.deepEqual(fixesFor(diagnose(`{${' '.repeat(saml.length - 2)}}`).doc, finding), []);
  const noAssume = diagnose(saml.replace('"sts:AssumeRole"', '"sts:GetCallerIdentity"')).doc;
  assert.deepEqual(fixesFor(noAssume, finding), []);
});

test('one of two exclusive elements: the later one of a repeated name goes', () => {
  const text = ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject", "NotAction": "s3:ListBucket", "Resource": "*" }');
  assert.equal(
    fixed(text, 'IAM018', /^Remove "Action"/),
    ONE('{ "Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:ListBucket", "Resource": "*" }'),
  );
});

test('a missing Effect is not added where an element only needs its case fixed', () => {
  const text = ONE('{ "effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }');
  const { doc, diagnostics } = diagnose(text);
  const missing = diagnose(ONE('{ "Action": "s3:GetObject", "Resource": "*" }')).diagnostics.find(d => d.code === 'IAM017')!;
  assert.ok(diagnostics.some(d => d.code === 'IAM011'));
  assert.deepEqual(fixesFor(doc, missing), []);
});
