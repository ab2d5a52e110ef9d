// The Terraform reader on short HCL texts, one form at a time: the policy it finds (the virtual JSON
// that rules read), its kind, quota and place in the resource, and where each piece maps back in the
// template.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateDocument } from '../../server/src/templates/document';
import { applyChanges, verifiedHostEdits } from '../../server/src/templates/hostEdits';
import { terraformReader } from '../../server/src/templates/terraform/terraformReader';
import { hostTextOf, readHcl, segmentHostText, virtualOf } from '../helpers/terraform';

/** The single policy found in `hcl`, its virtual text and the template. */
async function onlyPolicy(hcl: string) {
  const result = await readHcl(hcl);
  assert.equal(result.policies.length, 1, `one policy in:\n${hcl}`);
  const [policy] = result.policies;
  return { policy, virtual: virtualOf(policy, hcl), result };
}

/** A virtual text compared without its layout. */
const compact = (json: string) => JSON.stringify(JSON.parse(json));

test('detects .tf and .tofu files and the Terraform languages, not JSON', () => {
  assert.ok(terraformReader.detect('file:///a/main.tf', 'plaintext', ''));
  assert.ok(terraformReader.detect('file:///a/main.tofu', 'plaintext', ''));
  assert.ok(terraformReader.detect('untitled:Untitled-1', 'terraform', ''));
  assert.ok(terraformReader.detect('untitled:Untitled-1', 'opentofu', ''));
  assert.ok(terraformReader.detect('file:///a/x.hcl', 'hcl', ''));
  assert.ok(!terraformReader.detect('file:///a/main.tf.json', 'json', '{}'));
  assert.ok(!terraformReader.detect('file:///a/policy.json', 'json', '{}'));
});

test('jsonencode: HCL object syntax becomes the policy, with the kind and quota of its argument', async () => {
  const hcl = `resource "aws_iam_policy" "reader" {
  name   = "reader"
  policy = jsonencode({
    Version = "2012-10-17"
    "Statement" : [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObjct", "s3:ListBucket"]
        Resource = "*"
      },
    ]
  })
}
`;
  const { policy, virtual } = await onlyPolicy(hcl);
  assert.equal(
    virtual.text,
    `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:GetObjct",
        "s3:ListBucket"
      ],
      "Resource": "*"
    }
  ]
}`,
  );
  assert.deepEqual(
    {
      kind: policy.kind,
      limit: policy.limit,
      resource: policy.resource,
      resourceType: policy.resourceType,
      property: policy.property,
      partial: policy.partial,
    },
    { kind: 'identity', limit: 'managed', resource: 'aws_iam_policy.reader', resourceType: 'aws_iam_policy', property: 'policy', partial: undefined },
  );
  // the misspelled action maps to exactly that HCL string, and its string token to the quoted string
  assert.equal(hostTextOf(virtual, hcl, 's3:GetObjct'), 's3:GetObjct');
  assert.equal(segmentHostText(virtual, hcl, '"s3:GetObjct"', 'string'), '"s3:GetObjct"');
  // keys as identifiers and as strings
  assert.equal(segmentHostText(virtual, hcl, '"Version"', 'key'), 'Version');
  assert.equal(segmentHostText(virtual, hcl, '"Statement"', 'key'), '"Statement"');
  assert.equal(hostTextOf(virtual, hcl, 'Statement'), 'Statement');
  assert.equal(
    hcl
      .slice(policy.span.offset, policy.span.offset + policy.span.length)
      .trim()
      .at(0),
    '{',
  );
});

test('interpolations are unknown parts; $${ is a literal ${ (a policy variable); escapes are not exact', async () => {
  const hcl = `resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Statement = [{
      Sid       = "Say\\"hi\\""
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.b.arn}/home/$\${aws:username}/*"
    }]
  })
}
`;
  const { policy, virtual } = await onlyPolicy(hcl);
  assert.equal(policy.kind, 'resource');
  assert.equal(policy.limit, 's3-bucket');
  const statement = JSON.parse(virtual.text).Statement[0];
  assert.equal(statement.Sid, 'Say"hi"');
  assert.deepEqual(statement.Principal, { AWS: 'arn:aws:iam::${data.aws_caller_identity.current.account_id}:root' });
  assert.equal(statement.Resource, '${aws_s3_bucket.b.arn}/home/${aws:username}/*');
  assert.deepEqual(virtual.unknowns.sort(), ['${aws_s3_bucket.b.arn}', '${data.aws_caller_identity.current.account_id}']);
  assert.equal(hostTextOf(virtual, hcl, '/home/'), '/home/');
  assert.equal(hostTextOf(virtual, hcl, 'arn:aws:iam::'), 'arn:aws:iam::');
  assert.equal(hostTextOf(virtual, hcl, 'Say'), 'Say');
  assert.equal(hostTextOf(virtual, hcl, 'Say\\"'), undefined, 'an escape maps to its span, not character for character');
  assert.equal(segmentHostText(virtual, hcl, '${aws_s3_bucket.b.arn}', 'unknown'), '${aws_s3_bucket.b.arn}');
});

test('references, function calls, for expressions and conditionals as whole values are unknown; literals keep their type', async () => {
  const hcl = `resource "aws_iam_role_policy" "p" {
  role   = aws_iam_role.r.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = var.allow ? "Allow" : "Deny"
      Action    = concat(["s3:GetObject"], var.extra_actions)
      Resource  = [for b in var.buckets : "arn:aws:s3:::\${b}/*"]
      NotPrincipal = null
      Condition = {
        Bool            = { "aws:SecureTransport" = true }
        NumericLessThan = { "s3:max-keys" = 10 }
        StringEquals    = { "aws:SourceVpc" = local.vpc_ids }
      }
    }]
  })
}
`;
  const { policy, virtual } = await onlyPolicy(hcl);
  assert.equal(policy.limit, 'inline-role');
  assert.deepEqual(JSON.parse(virtual.text).Statement[0], {
    Effect: "${var.allow ? 'Allow' : 'Deny'}",
    Action: "${concat(['s3:GetObject'], var.extra_actions)}",
    Resource: "${[for b in var.buckets : 'arn:aws:s3:::b/*']}",
    NotPrincipal: null,
    Condition: {
      Bool: { 'aws:SecureTransport': true },
      NumericLessThan: { 's3:max-keys': 10 },
      StringEquals: { 'aws:SourceVpc': '${local.vpc_ids}' },
    },
  });
  assert.equal(segmentHostText(virtual, hcl, '"${local.vpc_ids}"', 'unknown'), 'local.vpc_ids');
});

test('a statement list known only at plan time makes the policy partial', async () => {
  const { policy, virtual } = await onlyPolicy(`resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = concat(local.a, local.b) })
}`);
  assert.equal(policy.partial, true);
  assert.equal(compact(virtual.text), '{"Version":"2012-10-17","Statement":"${concat(local.a, local.b)}"}');
});

test('heredoc JSON: the text as written, $${ read as ${, interpolations as tokens', async () => {
  const hcl = `resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::\${var.account}:root"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": "$\${aws:username}"}}
      }]
    }
  EOT
}
`;
  const { policy, virtual } = await onlyPolicy(hcl);
  assert.ok('json' in policy.body);
  const { json } = policy.body as { json: { escape: string; unknowns: string[] } };
  assert.equal(json.escape, 'heredoc');
  assert.equal(policy.kind, 'trust');
  assert.equal(policy.limit, 'trust');
  assert.equal(policy.property, 'assume_role_policy');
  const parsed = JSON.parse(virtual.text);
  assert.equal(parsed.Statement[0].Principal.AWS, 'arn:aws:iam::${var.account}:root');
  assert.equal(parsed.Statement[0].Condition.StringEquals['sts:ExternalId'], '${aws:username}');
  assert.deepEqual(json.unknowns, ['${var.account}']);
  assert.equal(hostTextOf(virtual, hcl, '"sts:AssumeRole"'), '"sts:AssumeRole"');
  assert.equal(hostTextOf(virtual, hcl, ':root"}'), ':root"}');
  assert.equal(hcl.slice(policy.span.offset, policy.span.offset + policy.span.length).split('\n')[0], '<<-EOT');
});

test('heredoc: an interpolation where a value goes is a quoted token and makes the policy partial', async () => {
  const { policy, virtual } = await onlyPolicy(`resource "aws_iam_policy" "p" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": \${jsonencode(var.actions)}, "Resource": "*"}]}
EOF
}
`);
  assert.equal(policy.partial, true);
  assert.equal(JSON.parse(virtual.text).Statement[0].Action, '${jsonencode(var.actions)}');
});

test('heredoc: a %{ } directive inside a JSON string is unknown; one that writes JSON structure is not read', async () => {
  const { virtual } = await onlyPolicy(`resource "aws_iam_policy" "p" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "%{ if var.all }*%{ else }arn:aws:s3:::b%{ endif }"}]}
EOF
}
`);
  assert.equal(JSON.parse(virtual.text).Statement[0].Resource, '${if var.all * else arn:aws:s3:::b endif}');
  const structural = await readHcl(`resource "aws_iam_policy" "p" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [
%{ for s in var.statements }{"Effect": "Allow", "Action": "\${s}", "Resource": "*"},%{ endfor }
{"Effect": "Deny", "Action": "*", "NotResource": "*"}]}
EOF
}
`);
  assert.deepEqual(structural.policies, []);
});

test("a heredoc that is not valid JSON is still the policy (its syntax errors are the policy's)", async () => {
  const { virtual } = await onlyPolicy(`resource "aws_iam_policy" "p" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*",}]}
EOF
}
`);
  assert.throws(() => JSON.parse(virtual.text));
  assert.match(virtual.text, /"Resource": "\*",\}/);
});

test('a quoted JSON string: HCL escapes decoded, runs between them exact', async () => {
  const hcl = `resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"sqs:SendMessage\\", \\"Resource\\": \\"\${aws_sqs_queue.q.arn}\\"}]}"
}
`;
  const { policy, virtual } = await onlyPolicy(hcl);
  assert.equal((policy.body as { json: { escape: string } }).json.escape, 'hcl-string');
  assert.equal(policy.kind, 'resource');
  assert.equal(JSON.parse(virtual.text).Statement[0].Resource, '${aws_sqs_queue.q.arn}');
  assert.equal(hostTextOf(virtual, hcl, 'sqs:SendMessage'), 'sqs:SendMessage');
});

test('data "aws_iam_policy_document": statements, defaults, merged principals and conditions', async () => {
  const hcl = `data "aws_iam_policy_document" "trust" {
  policy_id = "trust"
  statement {
    sid     = "Assume"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
    principals {
      type        = "AWS"
      identifiers = [var.admin_arn]
    }
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:lambda:*:*:function:&{aws:PrincipalTag/team}-*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
  statement {
    effect        = "Deny"
    not_actions   = ["sts:*"]
    not_resources = ["*"]
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;
  const { policy, virtual } = await onlyPolicy(hcl);
  assert.deepEqual(
    { kind: policy.kind, limit: policy.limit, resource: policy.resource, resourceType: policy.resourceType, property: policy.property },
    { kind: 'trust', limit: 'trust', resource: 'data.aws_iam_policy_document.trust', resourceType: 'data.aws_iam_policy_document', property: '' },
  );
  assert.equal(
    compact(virtual.text),
    compact(`{
    "Version": "2012-10-17",
    "Id": "trust",
    "Statement": [
      {
        "Effect": "Allow",
        "Sid": "Assume",
        "Action": ["sts:AssumeRole"],
        "Principal": {
          "Service": ["ec2.amazonaws.com", "lambda.amazonaws.com"],
          "AWS": ["\${var.admin_arn}"]
        },
        "Condition": {
          "StringEquals": {"aws:SourceAccount": ["\${data.aws_caller_identity.current.account_id}", "111122223333"]},
          "ArnLike": {"aws:SourceArn": ["arn:aws:lambda:*:*:function:\${aws:PrincipalTag/team}-*"]}
        }
      },
      {"Effect": "Deny", "NotAction": ["sts:*"], "NotResource": ["*"]}
    ]
  }`),
  );
  assert.deepEqual(virtual.unknowns.sort(), ['${data.aws_caller_identity.current.account_id}', '${var.admin_arn}']);
  // attribute names are the policy's names but are never renamed; the operator is the test string, the key the variable string
  const keys = virtual.segments.filter(s => s.role === 'key');
  const keyAt = (name: string, nth = 0) => keys.filter(s => virtual.text.slice(s.offset, s.offset + s.length) === `"${name}"`)[nth];
  const hostOf = (s: { hostOffset: number; hostLength: number }) => hcl.slice(s.hostOffset, s.hostOffset + s.hostLength);
  assert.equal(hostOf(keyAt('Action')), 'actions');
  assert.equal(keyAt('Action').fixed, true);
  assert.equal(hostOf(keyAt('NotResource')), 'not_resources');
  assert.equal(hostOf(keyAt('ArnLike')), '"ArnLike"');
  assert.equal(keyAt('ArnLike').fixed, false);
  assert.equal(hostOf(keyAt('aws:SourceArn')), '"aws:SourceArn"');
  assert.equal(keyAt('StringEquals').fixed, true, 'two blocks merged under one operator: not renamed from one of them');
  assert.equal(hostOf(keyAt('Principal')), 'principals');
  assert.equal(hostOf(keyAt('Service')), '"Service"');
  // the default Effect is synthetic: written nowhere, mapped to the statement block
  const effect = keyAt('Effect');
  assert.equal(effect.style, 'synthetic');
  assert.equal(hostOf(effect), 'statement');
  assert.equal(hostOf(keyAt('Version')), '"aws_iam_policy_document"');
  assert.equal(hostTextOf(virtual, hcl, 'arn:aws:lambda:*:*:function:'), 'arn:aws:lambda:*:*:function:');
  assert.equal(segmentHostText(virtual, hcl, '${aws:PrincipalTag', 'part'), '&{');
});

test('data "aws_iam_policy_document": a single principals block of type "*" with identifiers ["*"] is Principal "*"', async () => {
  const { virtual } = await onlyPolicy(`data "aws_iam_policy_document" "public" {
  version = "2012-10-17"
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::site/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}`);
  assert.deepEqual(JSON.parse(virtual.text).Statement[0].Principal, '*');
  const { virtual: typed } = await onlyPolicy(`data "aws_iam_policy_document" "any_aws" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}`);
  assert.deepEqual(JSON.parse(typed.text).Statement[0].Principal, { AWS: ['*'] });
});

test('data "aws_iam_policy_document": merged documents and dynamic blocks make it partial', async () => {
  for (const body of [
    'source_policy_documents = [data.aws_iam_policy_document.base.json]',
    'override_policy_documents = var.overrides',
    'dynamic "statement" {\n    for_each = var.statements\n    content {\n      actions = statement.value.actions\n    }\n  }',
  ]) {
    const { policy, virtual } = await onlyPolicy(`data "aws_iam_policy_document" "d" {
  ${body}
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}`);
    assert.equal(policy.partial, true, body);
    assert.equal(JSON.parse(virtual.text).Statement.length, 1);
  }
  const { policy } = await onlyPolicy(`data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["sts:AssumeRole"]
    dynamic "principals" {
      for_each = var.principals
      content {
        type        = principals.value.type
        identifiers = principals.value.identifiers
      }
    }
  }
}`);
  assert.equal(policy.partial, true);
  const { policy: onlySources, virtual } = await onlyPolicy(`data "aws_iam_policy_document" "d" {
  source_policy_documents = [var.a, var.b]
}`);
  assert.equal(onlySources.partial, true);
  assert.equal(compact(virtual.text), '{"Version":"2012-10-17","Statement":[]}');
});

test('a document takes the kind of the argument that uses it in the file, through merges and locals', async () => {
  const documentOf = (name: string, action: string) => `data "aws_iam_policy_document" "${name}" {
  statement {
    actions   = ["${action}"]
    resources = ["*"]
  }
}
`;
  const result = await readHcl(`${documentOf('bucket', 's3:GetObject')}${documentOf('base', 's3:ListBucket')}
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
}
${documentOf('shared', 'sqs:SendMessage')}${documentOf('unused', 'sqs:SendMessage')}${documentOf('endpoint', 's3:GetObject')}
locals {
  endpoint_policy = data.aws_iam_policy_document.endpoint.json
}
resource "aws_s3_bucket_policy" "b" {
  policy = var.enabled ? data.aws_iam_policy_document.bucket.json : ""
}
resource "aws_kms_key" "k" {
  policy = data.aws_iam_policy_document.merged.json
}
resource "aws_sqs_queue_policy" "q" {
  policy = data.aws_iam_policy_document.shared.json
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.shared.json
}
resource "aws_vpc_endpoint" "s3" {
  policy = local.endpoint_policy
}
module "m" {
  policy = data.aws_iam_policy_document.bucket.json
}
`);
  const kinds = Object.fromEntries(result.policies.map(p => [p.resource.split('.').pop(), [p.kind, p.limit]]));
  assert.deepEqual(kinds, {
    bucket: ['resource', 's3-bucket'],
    base: ['resource', 'kms-key'],
    merged: ['resource', 'kms-key'],
    shared: [undefined, undefined],
    unused: [undefined, undefined],
    endpoint: ['endpoint', 'vpc-endpoint'],
  });
});

test("a role's inline policies: one per block, identity with the role-inline quota", async () => {
  const result = await readHcl(`resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  inline_policy {
    name   = "a"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = "*" }] })
  }
  inline_policy {
    name   = "b"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = "*" }] })
  }
  dynamic "inline_policy" {
    for_each = var.inline
    content {
      name   = inline_policy.key
      policy = inline_policy.value
    }
  }
}`);
  assert.deepEqual(
    result.policies.map(p => [p.property, p.kind, p.limit]),
    [
      ['assume_role_policy', 'trust', 'trust'],
      ['inline_policy[0].policy', 'identity', 'inline-role'],
      ['inline_policy[1].policy', 'identity', 'inline-role'],
    ],
  );
});

test('aws_organizations_policy: SCP by default, RCP by type, other types not read', async () => {
  const policyOfType = (type: string) => `resource "aws_organizations_policy" "o" {
  name = "o"
  ${type}
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "s3:DeleteBucket", Resource = "*" }] })
}`;
  const kindsOf = async (type: string) => (await readHcl(policyOfType(type))).policies.map(p => [p.kind, p.limit]);
  assert.deepEqual(await kindsOf(''), [['scp', 'scp']]);
  assert.deepEqual(await kindsOf('type = "SERVICE_CONTROL_POLICY"'), [['scp', 'scp']]);
  assert.deepEqual(await kindsOf('type = "RESOURCE_CONTROL_POLICY"'), [['rcp', 'rcp']]);
  assert.deepEqual(await kindsOf('type = "TAG_POLICY"'), []);
  assert.deepEqual(await kindsOf('type = var.policy_type'), []);
});

test('file() names a policy file relative to the template; templatefile() and other paths are unknown', async () => {
  const result = await readHcl(`resource "aws_iam_policy" "a" {
  policy = file("policies/a.json")
}
resource "aws_iam_role" "b" {
  assume_role_policy = file("\${path.module}/../trust/b.json")
}
resource "aws_iam_policy" "c" {
  policy = templatefile("\${path.module}/c.json.tpl", { bucket = var.bucket })
}
resource "aws_iam_policy" "d" {
  policy = file("\${var.dir}/d.json")
}
`);
  assert.deepEqual(result.policies, []);
  assert.deepEqual(
    result.policyFiles.map(f => [f.path, f.kind]),
    [
      ['policies/a.json', 'identity'],
      ['../trust/b.json', 'trust'],
    ],
  );
});

test('a module argument, local or output holding a policy with Statements is read, with no kind', async () => {
  const result = await readHcl(`module "lambda" {
  source      = "terraform-aws-modules/lambda/aws"
  policy_json = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["xray:*"], "Resource": ["*"]}]}
  EOT
  policy_jsons = [jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })]
}
module "sns" {
  source = "terraform-aws-modules/sns/aws"
  data_protection_policy = jsonencode({
    Name    = "__default_data_protection_policy"
    Version = "2021-06-01"
    Statement = [{ DataDirection = "Inbound", Principal = ["*"], DataIdentifier = ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"], Operation = { Deny = {} } }]
  })
  redrive = jsonencode({ deadLetterTargetArn = "x" })
}
locals {
  read_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
resource "aws_iam_policy" "read" {
  policy = local.read_policy
}
output "policy" {
  value = jsonencode({ Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })
}
`);
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.resourceType, p.property, p.kind ?? null]),
    [
      ['module.lambda', 'module', 'policy_json', null],
      ['module.lambda', 'module', 'policy_jsons[0]', null],
      ['locals', 'locals', 'read_policy', 'identity'],
      ['output.policy', 'output', 'value', null],
    ],
  );
});

test('resources that hold other JSON (IoT policies, stack policies) and unknown policies are not read', async () => {
  const result = await readHcl(`resource "aws_iot_policy" "iot" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iot:*", Resource = "*" }] })
}
resource "aws_cloudformation_stack" "s" {
  policy_body = jsonencode({ Statement = [{ Effect = "Deny", Action = "Update:*", Principal = "*", Resource = "*" }] })
}
resource "aws_iam_policy" "unknown" {
  policy = var.policy
}
resource "aws_iam_policy" "merged" {
  policy = jsonencode(merge(local.base, { Statement = [] }))
}
`);
  assert.deepEqual(result.policies, []);
  assert.deepEqual(result.problems, []);
});

test('broken HCL: a problem at the error, the policies before it still found, no exception', async () => {
  const hcl = `resource "aws_iam_policy" "ok" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
resource "aws_iam_policy" "broken" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject"
`;
  const result = await readHcl(hcl);
  assert.ok(result.problems.length >= 1);
  assert.ok(result.problems.every(p => p.offset >= 0 && p.offset + p.length <= hcl.length && /syntax error/.test(p.message)));
  assert.deepEqual(
    result.policies.map(p => p.resource),
    ['aws_iam_policy.ok'],
  );
  for (const garbage of ['', '{', '}}}', 'resource "a" {', '"unterminated', '<<EOF\n', 'x = <<EOF\n{"Statement":', '\u0000\ud800', 'a = "${"']) {
    await assert.doesNotReject(readHcl(garbage), JSON.stringify(garbage));
  }
});

test('reading a file again after an edit (parsed incrementally) finds what a fresh read finds', async () => {
  await terraformReader.prepare!();
  const before = `resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
# é ünïcode before the edit
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
}
`;
  const after = before.replace('sqs:SendMessage', 'sqs:SendMessage", "sqs:ReceiveMessage').replace('Effect = "Allow"', 'Effect = "Deny"');
  const uri = 'file:///test/edited/main.tf';
  terraformReader.read(uri, before);
  const edited = terraformReader.read(uri, after)!;
  const fresh = terraformReader.read('file:///test/fresh/main.tf', after)!;
  assert.deepEqual(edited, fresh);
  assert.deepEqual(JSON.parse(virtualOf(edited.policies[1], after).text).Statement[0].Action, ['sqs:SendMessage', 'sqs:ReceiveMessage']);
});

test('a fix inside each form is written back in HCL and reads back as the fixed policy', async () => {
  const forms = {
    jsonencode: `resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:GetObjct"], Resource = "arn:aws:s3:::b/\${var.prefix}/*" }] })
}`,
    heredoc: `resource "aws_iam_policy" "p" {
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjct", "Resource": "arn:aws:s3:::b/$\${aws:username}/*"}]}
  EOT
}`,
    quoted: `resource "aws_iam_policy" "p" {
  policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"s3:GetObjct\\", \\"Resource\\": \\"*\\"}]}"
}`,
    document: `data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObjct"]
    resources = ["arn:aws:s3:::b/&{aws:username}/*"]
  }
}`,
  };
  for (const [form, hcl] of Object.entries(forms)) {
    const result = await readHcl(hcl);
    const template = templateDocument('file:///fix/main.tf', 'terraform', hcl, result);
    const [policy] = template.policies;
    const at = policy.virtual.text.indexOf('s3:GetObjct');
    const reread = (text: string) => terraformReader.read(`file:///fix/${form}/again.tf`, text);
    const edits = verifiedHostEdits(hcl, policy, [{ offset: at, length: 's3:GetObjct'.length, text: 's3:GetObject' }], reread);
    assert.ok(edits, form);
    const fixed = applyChanges(hcl, edits);
    assert.equal(fixed, hcl.replace('s3:GetObjct', 's3:GetObject'), form);
    // a policy variable written into the template is escaped as Terraform needs
    const resourceAt = policy.virtual.text.indexOf('"*"') >= 0 ? policy.virtual.text.indexOf('"*"') + 1 : -1;
    if (form === 'quoted') {
      const withVariable = verifiedHostEdits(hcl, policy, [{ offset: resourceAt, length: 1, text: 'arn:aws:s3:::b/${aws:username}/\\"x' }], reread);
      assert.ok(withVariable, 'quoted: a variable and a quote');
      assert.match(applyChanges(hcl, withVariable), /arn:aws:s3:::b\/\$\$\{aws:username\}\/\\\\\\"x/);
    }
  }
});

/** A policy argument that allows `action`, written with jsonencode. */
const encodedPolicy = (action: string) => `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "${action}", Resource = "*" }] })`;

/** The actions of each policy found, with its resource, property, kind and quota. */
async function placesAndActions(hcl: string) {
  const result = await readHcl(hcl);
  return result.policies.map(p => [p.resource, p.property, p.kind ?? null, p.limit ?? null, JSON.parse(virtualOf(p, hcl).text).Statement?.[0]?.Action ?? null]);
}

test('syntax problems: a missing token at its place, an error node to the end of its line or of itself, at most ten', async () => {
  const problemsOf = async (hcl: string) => (await readHcl(hcl)).problems.map(p => [p.offset, p.length, p.message]);
  const missing = (offset: number, token: string) => [offset, 0, `Terraform syntax error: ${token} is missing here.`];
  const invalid = (offset: number, length: number) => [
    offset,
    length,
    'Terraform syntax error: this is not valid HCL, so the policies after it may not be found. Fix the syntax first.',
  ];
  assert.deepEqual(await problemsOf('a = "x\n'), [missing(7, 'a closing `"`')]);
  assert.deepEqual(await problemsOf('a = <<EOF\nx\n'), [missing(12, "the heredoc's closing marker")]);
  assert.deepEqual(await problemsOf('a = [1, 2\n'), [missing(10, 'a closing `]`')]);
  assert.deepEqual(await problemsOf('resource "a" "b" {\n  x = 1\n'), [missing(27, 'a closing `}`')]);
  assert.deepEqual(await problemsOf('a = f(1\nb = {\n'), [missing(8, 'a closing `)`'), missing(14, 'a closing `}`')]);
  // an error node over several lines stops at its first line's end; one that ends before it, at its end
  assert.deepEqual(await problemsOf('a = { b = 1\n'), [invalid(0, 11)]);
  assert.deepEqual(await problemsOf('a = 1 = 2\nb = 3\n'), [invalid(2, 3)]);
  assert.deepEqual(await problemsOf('a = @@@ b'), [invalid(0, 9)]);
  const many = Array.from({ length: 13 }, (_, i) => `a${i} = 1 = 2\n`).join('');
  assert.deepEqual(
    await problemsOf(many),
    Array.from({ length: 10 }, (_, i) => invalid(3 + 11 * i, 3)),
  );
  const valid = await readHcl('x = 1');
  assert.deepEqual(valid, { format: 'terraform', policies: [], namedPolicies: [], policyFiles: [], problems: [] });
});

test('nested policy blocks: one block has no index, a dynamic block of another name is not read', async () => {
  assert.deepEqual(
    await placesAndActions(`resource "aws_iam_role" "r" {
  inline_policy {
    policy = ${encodedPolicy('s3:A')}
  }
}`),
    [['aws_iam_role.r', 'inline_policy.policy', 'identity', 'inline-role', 's3:A']],
  );
  assert.deepEqual(
    await placesAndActions(`resource "aws_iam_role" "r" {
  inline_policy {
    policy = ${encodedPolicy('s3:A')}
  }
  dynamic "other" {
    content {
      policy = ${encodedPolicy('s3:B')}
    }
  }
  other {
    policy = ${encodedPolicy('s3:C')}
  }
  dynamic "inline_policy" {
    for_each = var.x
    content {
      policy = ${encodedPolicy('s3:D')}
    }
  }
}`),
    [
      ['aws_iam_role.r', 'inline_policy[0].policy', 'identity', 'inline-role', 's3:A'],
      ['aws_iam_role.r', 'inline_policy[1].policy', 'identity', 'inline-role', 's3:D'],
    ],
  );
});

test('where nothing says it is a policy: conditionals, function arguments and object values are searched, only IAM statements count', async () => {
  assert.deepEqual(
    await placesAndActions(`locals {
  cond  = var.x ? ${encodedPolicy('s3:A')} : "none"
  call  = merge({ p = ${encodedPolicy('s3:B')} }, {})
  obj   = { "k1" = ${encodedPolicy('s3:C')}, k2 = ${encodedPolicy('s3:D')}, (var.k) = ${encodedPolicy('s3:E')} }
  sids  = jsonencode({ Statement = [{ Sid = "x" }] })
  one   = jsonencode({ Statement = { Effect = "Allow", Action = "s3:F" } })
  later = jsonencode({ Statement = [var.s] })
  text  = "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\"}]}"
  empty = "{\\"Statement\\": []}"
  bare  = "{\\"Action\\": \\"s3:G\\"}"
  other = "not json"
  plain = 5
}`),
    [
      ['locals', 'cond', null, null, 's3:A'],
      ['locals', 'call.p', null, null, 's3:B'],
      ['locals', 'obj.k1', null, null, 's3:C'],
      ['locals', 'obj.k2', null, null, 's3:D'],
      ['locals', 'obj.(var.k)', null, null, 's3:E'],
      ['locals', 'one', null, null, null],
      ['locals', 'text', null, null, null],
    ],
  );
});

test('a policy argument: one interpolation of a policy is the policy; other jsonencode calls and strings are not read', async () => {
  const hcl = `resource "aws_iam_policy" "p" {
  policy = "\${${encodedPolicy('s3:A')}}"
}
resource "aws_iam_policy" "two" {
  policy = jsonencode({ Statement = [] }, 1)
}
resource "aws_iam_policy" "string" {
  policy = jsonencode("x")
}
resource "aws_iam_policy" "spaced" {
  policy = "  {\\"Statement\\": []}"
}
resource "aws_iam_policy" "empty" {
  policy = ""
}
resource "aws_iam_policy" "text" {
  policy = "Statement"
}`;
  const result = await readHcl(hcl);
  assert.deepEqual(
    result.policies.map(p => [p.resource, compact(virtualOf(p, hcl).text)]),
    [
      ['aws_iam_policy.p', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:A","Resource":"*"}]}'],
      ['aws_iam_policy.spaced', '{"Statement":[]}'],
    ],
  );
  assert.deepEqual(result.policyFiles, []);
});

test('jsonencode: statements known only at plan time, as a whole or one of them, make the policy partial', async () => {
  const result = await readHcl(`resource "aws_iam_policy" "a" {
  policy = jsonencode({ Statement = [var.s] })
}
resource "aws_iam_policy" "b" {
  policy = jsonencode({ Statement = var.s })
}
resource "aws_iam_policy" "c" {
  policy = jsonencode({ Statement = [{ Effect = "Allow" }, var.s] })
}
resource "aws_iam_policy" "d" {
  policy = jsonencode({ Statement = [{ Effect = "Allow" }] })
}
resource "aws_iam_policy" "e" {
  policy = jsonencode({ Version = "2012-10-17" })
}`);
  assert.deepEqual(
    result.policies.map(p => [p.resource, p.partial ?? false]),
    [
      ['aws_iam_policy.a', true],
      ['aws_iam_policy.b', true],
      ['aws_iam_policy.c', true],
      ['aws_iam_policy.d', false],
      ['aws_iam_policy.e', false],
    ],
  );
});

test('file(): backslashes become slashes; absolute paths, the folder itself and other interpolations are not policy files', async () => {
  const result = await readHcl(`resource "aws_iam_policy" "t" {
  policy = file("a\\\\b.json")
}
resource "aws_iam_policy" "u" {
  policy = file("/abs.json")
}
resource "aws_iam_policy" "v" {
  policy = file(".")
}
resource "aws_iam_policy" "w" {
  policy = file("\${path.module}")
}
resource "aws_iam_policy" "x" {
  policy = file(var.f)
}
resource "aws_iam_policy" "y" {
  policy = file("a/\${path.module}/b.json")
}
resource "aws_iam_policy" "z" {
  policy = filebase64("c.json")
}`);
  assert.deepEqual(
    result.policyFiles.map(f => [f.path, f.kind]),
    [['a/b.json', 'identity']],
  );
});

test('a document used with one kind but two quotas gets the kind only; a cycle of locals ends', async () => {
  assert.deepEqual(
    await placesAndActions(`data "aws_iam_policy_document" "d" {
  statement {
    actions = ["s3:X"]
  }
}
resource "aws_iam_policy" "a" {
  policy = data.aws_iam_policy_document.d.json
}
resource "aws_iam_role_policy" "b" {
  policy = data.aws_iam_policy_document.d.json
}`),
    [['data.aws_iam_policy_document.d', '', 'identity', null, ['s3:X']]],
  );
  assert.deepEqual(
    await placesAndActions(`locals {
  p = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:X", Resource = local.q }] })
  q = local.p
}
resource "aws_iam_policy" "a" {
  policy = local.q
}`),
    [['locals', 'p', 'identity', 'managed', 's3:X']],
  );
});

test('jsonencode values: escapes decoded, literals typed, heredocs and template holes read, keys named or unknown', async () => {
  const long = `var.${'a'.repeat(56)}`; // 60 characters: the longest unknown text kept whole
  const hcl = `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Statement = [{
      Sid      = "a\\u00e9\\U0001F600\\n\\"\\\\t\\U0011FFFF"
      Action   = "s3:\${var.a}x"
      Resource = "arn:aws:s3:::b/&{aws:username}/$\${aws:userid}/%%{x}"
      B = true
      C = false
      N = null
      D = 1.5
      H = <<-EOT
        heredoc \\n $\${x} \${var.h}
        EOT
      U = <<EOT
EOT
      L = "\${var.${'b'.repeat(60)}}"
      K = ${long}
      Q = "\${lookup(var.m, "k", "\\\\")}"
      S = "\${ }"
      F = "%{ if var.x }y%{ endif }"
      T = [1, "two", var.three]
      "Quoted" = 1
      (var.k) = 2
      var.z = 3
    }]
  })
}`;
  const { virtual, result } = await onlyPolicy(hcl);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(JSON.parse(virtual.text).Statement[0], {
    Sid: 'aé😀\n"\\tU0011FFFF',
    Action: 's3:${var.a}x',
    Resource: 'arn:aws:s3:::b/&{aws:username}/${aws:userid}/%{x}',
    B: true,
    C: false,
    N: null,
    D: 1.5,
    H: '        heredoc \\n ${x} ${var.h}\n',
    U: '',
    L: `\${'var.${'b'.repeat(52)}...}`,
    K: `\${${long}}`,
    Q: "${'lookup(var.m, 'k', '')'}",
    S: '${expression}',
    F: '${if var.x y endif}',
    T: [1, 'two', '${var.three}'],
    Quoted: 1,
    '${(var.k)}': 2,
    '${var.z}': 3,
  });
  // an escape maps to its escape sequence
  assert.equal(segmentHostText(virtual, hcl, 'é', 'part'), '\\u00e9');
});

test('only resources with both labels, policy documents with a name, modules with one label and named outputs are read', async () => {
  assert.deepEqual(
    await placesAndActions(`resource "aws_iam_policy" { policy = ${encodedPolicy('s3:A')} }
resource "aws_iam_nothing" "x" { policy = ${encodedPolicy('s3:B')} }
data "aws_other" "d" {
  statement {
    actions = ["s3:C"]
  }
}
data "aws_iam_policy_document" {
  statement {
    actions = ["s3:D"]
  }
}
module "a" "b" { p = ${encodedPolicy('s3:E')} }
module { p = ${encodedPolicy('s3:F')} }
output { value = ${encodedPolicy('s3:G')} }
output "o" {
  value = ${encodedPolicy('s3:H')}
  precondition {
    condition     = true
    error_message = "x"
  }
}
other "x" { p = ${encodedPolicy('s3:I')} }
`),
    [['output.o', 'value', null, null, 's3:H']],
  );
});

test('searching for policies: a call that is not jsonencode is searched, not read; a policy found is not searched inside', async () => {
  assert.deepEqual(
    await placesAndActions(`locals {
  map    = tomap({ Statement = [{ Effect = "Allow", Action = "s3:A" }] })
  list   = jsonencode([${encodedPolicy('s3:B')}])
  outer  = jsonencode({ a = ${encodedPolicy('s3:C')} })
  nested = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:D" }], Nested = ${encodedPolicy('s3:E')} })
  mixed  = jsonencode({ Statement = [{ Sid = "a" }, { Effect = "Allow", Action = "s3:F" }] })
}`),
    [
      ['locals', 'list[0]', null, null, 's3:B'],
      ['locals', 'outer.a', null, null, 's3:C'],
      ['locals', 'nested', null, null, 's3:D'],
      ['locals', 'mixed', null, null, null],
    ],
  );
});

test('kinds through references: a heredoc that only interpolates a document, override documents; a module argument is not a local', async () => {
  const read = await readHcl(`data "aws_iam_policy_document" "d" {
  statement {
    actions = ["s3:X"]
  }
}
resource "aws_iam_policy" "a" {
  policy = <<EOT
\${data.aws_iam_policy_document.d.json}
EOT
}
resource "aws_iam_policy" "h" {
  policy = <<EOT
{"Statement": [{"Effect": "Allow", "Action": "s3:H", "Resource": "*"}]}
EOT
}`);
  assert.deepEqual(
    read.policies.map(p => [p.resource, p.kind, p.limit, p.partial]),
    [
      ['data.aws_iam_policy_document.d', 'identity', 'managed', undefined],
      ['aws_iam_policy.h', 'identity', 'managed', undefined],
    ],
  );
  assert.deepEqual(
    await placesAndActions(`data "aws_iam_policy_document" "base" {
  statement {
    actions = ["s3:X"]
  }
}
data "aws_iam_policy_document" "top" {
  override_policy_documents = [data.aws_iam_policy_document.base.json]
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.top.json
}`),
    [
      ['data.aws_iam_policy_document.base', '', 'trust', 'trust', ['s3:X']],
      ['data.aws_iam_policy_document.top', '', 'trust', 'trust', null],
    ],
  );
  assert.deepEqual(
    await placesAndActions(`module "m" {
  p = ${encodedPolicy('s3:A')}
}
resource "aws_iam_policy" "a" {
  policy = local.p
}`),
    [['module.m', 'p', null, null, 's3:A']],
  );
  // used as a trust policy and as a managed policy: neither kind nor quota
  assert.deepEqual(
    await placesAndActions(`data "aws_iam_policy_document" "d" {
  statement {
    actions = ["s3:X"]
  }
}
resource "aws_iam_policy" "a" {
  policy = data.aws_iam_policy_document.d.json
}
resource "aws_iam_role" "b" {
  assume_role_policy = data.aws_iam_policy_document.d.json
}`),
    [['data.aws_iam_policy_document.d', '', null, null, ['s3:X']]],
  );
});

test('file() without an argument or with an empty path is no policy file, and no exception', async () => {
  const result = await readHcl(`resource "aws_iam_policy" "a" {
  policy = file()
}
resource "aws_iam_policy" "b" {
  policy = file("")
}`);
  assert.deepEqual([result.policies, result.policyFiles], [[], []]);
});

test('data "aws_iam_policy_document": every argument and block read as Terraform writes the policy, merged or skipped', async () => {
  const hcl = `data "aws_iam_policy_document" "a" {
  version   = "2008-10-17"
  policy_id = "id1"
  other     = "ignored"
  statement {
    sid     = "One"
    effect  = "Deny"
    actions = ["s3:&{x}"]
    resources = ["arn:aws:s3:::b/&{aws:username}", var.r]
    foo     = 1
    principals {
      type        = "*"
      identifiers = ["a", "b"]
    }
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    not_principals {
      type        = "AWS"
      identifiers = "arn:aws:iam::444455556666:root"
    }
    not_principals {
      type        = var.t
      identifiers = ["x"]
    }
    principals {
      type = "Service"
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["a"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["b"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:username"
      values   = ["&{aws:userid}"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
    }
    dynamic "condition" {
      for_each = var.c
      content {}
    }
  }
  statement {
    principals {
      type        = "*"
      identifiers = var.all
    }
  }
  statement {
    principals {
      type        = "*"
      identifiers = ["*", "x"]
    }
    principals {
      type        = "AWS"
      identifiers = ["y"]
    }
  }
}`;
  const { policy, virtual } = await onlyPolicy(hcl);
  assert.equal(policy.partial, true, 'a dynamic condition block');
  assert.deepEqual(JSON.parse(virtual.text), {
    Version: '2008-10-17',
    Id: 'id1',
    Statement: [
      {
        Sid: 'One',
        Effect: 'Deny',
        Action: ['s3:&{x}'],
        Resource: ['arn:aws:s3:::b/${aws:username}', '${var.r}'],
        Principal: { '*': ['a', 'b'] },
        NotPrincipal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'], '${var.t}': ['x'] },
        Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a', 'b'], 'aws:username': ['${aws:userid}'] } },
      },
      { Effect: 'Allow', Principal: { '*': '${var.all}' } },
      { Effect: 'Allow', Principal: { '*': ['*', 'x'], AWS: ['y'] } },
    ],
  });
  assert.equal(segmentHostText(virtual, hcl, '"Version"', 'key'), 'version');
  assert.equal(segmentHostText(virtual, hcl, '"Id"', 'key'), 'policy_id');
  assert.equal(segmentHostText(virtual, hcl, '"NotPrincipal"', 'key'), 'not_principals');
  const partialOf = async (text: string) => (await onlyPolicy(text)).policy.partial ?? false;
  assert.equal(
    await partialOf(`data "aws_iam_policy_document" "b" {
  dynamic "other" {
    for_each = var.x
    content {}
  }
  statement {
    actions = ["s3:X"]
  }
}`),
    false,
  );
  assert.equal(
    await partialOf(`data "aws_iam_policy_document" "c" {
  dynamic "statement" {
    for_each = var.x
    content {}
  }
}`),
    true,
  );
  assert.equal(
    await partialOf(`data "aws_iam_policy_document" "d" {
  source_policy_documents = [var.x]
  statement {
    actions = ["s3:X"]
  }
}`),
    true,
  );
});

test('heredoc JSON: where an interpolation stands (inside a string, after escapes, or as a value), escapes kept, &{ kept', async () => {
  const hcl = `resource "aws_iam_policy" "p" {
  policy = <<EOT
{"Statement": [{"Sid": "a\\"\${var.x}", "Effect": "Allow", "Action": "s3:Get\\nX", "Resource": ["a\\\\", \${var.y}, "arn:aws:s3:::b/&{aws:username}"]}]}
EOT
}`;
  const { policy, virtual } = await onlyPolicy(hcl);
  assert.equal(
    virtual.text,
    '{"Statement": [{"Sid": "a\\"${var.x}", "Effect": "Allow", "Action": "s3:Get\\nX", "Resource": ["a\\\\", "${var.y}", "arn:aws:s3:::b/&{aws:username}"]}]}\n',
  );
  assert.equal(policy.partial, true);
  assert.deepEqual(virtual.unknowns, ['${var.x}', '${var.y}']);
  const plain = `resource "aws_iam_policy" "p" {
  policy = <<EOT
{"Statement": [{"Sid": "a\${var.x}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
EOT
}`;
  assert.equal((await onlyPolicy(plain)).policy.partial, undefined);
});

test('data "aws_iam_policy_document": keys renamed by fixes only where one block writes them as a literal; one Effect', async () => {
  const hcl = `data "aws_iam_policy_document" "d" {
  statement {
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "AWS"
      identifiers = ["a"]
    }
    principals {
      type        = "Service"
      identifiers = ["s.amazonaws.com"]
    }
    principals {
      type        = "Service"
      identifiers = ["t.amazonaws.com"]
    }
    principals {
      type        = var.t
      identifiers = ["x"]
    }
    principals {
      type        = "*"
      identifiers = ["&{aws:username}"]
    }
    condition {
      test     = "StringEquals"
      variable = "k1"
      values   = ["a"]
    }
    condition {
      test     = "StringLike"
      variable = "k2"
      values   = ["b"]
    }
    condition {
      test     = "StringLike"
      variable = "k2"
      values   = ["c"]
    }
    condition {
      test     = var.op
      variable = var.key
      values   = ["d"]
    }
    condition {
      test     = "Bool"
      variable = "k3"
    }
  }
}`;
  const { virtual } = await onlyPolicy(hcl);
  assert.equal(virtual.text.match(/"Effect"/g)?.length, 1);
  assert.deepEqual(JSON.parse(virtual.text).Statement[0].Principal, {
    AWS: ['a'],
    Service: ['s.amazonaws.com', 't.amazonaws.com'],
    '${var.t}': ['x'],
    '*': ['${aws:username}'],
  });
  assert.deepEqual(JSON.parse(virtual.text).Statement[0].Condition, {
    StringEquals: { k1: ['a'] },
    StringLike: { k2: ['b', 'c'] },
    '${var.op}': { '${var.key}': ['d'] },
  });
  assert.deepEqual(
    virtual.segments
      .filter(s => s.role === 'key')
      .map(s => [virtual.text.slice(s.offset, s.offset + s.length), hcl.slice(s.hostOffset, s.hostOffset + s.hostLength), s.style, s.fixed]),
    [
      ['"Version"', '"aws_iam_policy_document"', 'synthetic', true],
      ['"Statement"', 'statement', 'hcl', true],
      ['"Effect"', 'effect', 'hcl', true],
      ['"Action"', 'actions', 'hcl', true],
      ['"Principal"', 'principals', 'hcl', true],
      ['"AWS"', '"AWS"', 'hcl', false],
      ['"Service"', '"Service"', 'hcl', true],
      ['"${var.t}"', 'var.t', 'hcl', true],
      ['"*"', '"*"', 'hcl', false],
      ['"Condition"', 'condition', 'hcl', true],
      ['"StringEquals"', '"StringEquals"', 'hcl', false],
      ['"k1"', '"k1"', 'hcl', false],
      ['"StringLike"', '"StringLike"', 'hcl', true],
      ['"k2"', '"k2"', 'hcl', true],
      ['"${var.op}"', 'var.op', 'hcl', true],
      ['"${var.key}"', 'var.key', 'hcl', true],
    ],
  );
});
