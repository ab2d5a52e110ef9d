// The request simulator against the AWS documentation's own examples: each case names the page its
// policy (and the expected decision) comes from. Placeholders of the pages (ACCOUNT-ID, BUCKET-NAME,
// REGION, ...) are kept as written, as AWS prints them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PolicyKind } from '../../server/src/policy/model';
import { parsePolicy } from '../../server/src/policy/parse';
import { simulate, type Decision, type ElementName } from '../../server/src/evaluation/evaluate';
import type { SimulationRequest } from '../../server/src/evaluation/request';

const GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const PAGES = {
  operators: `${GUIDE}reference_policies_elements_condition_operators.html`,
  condition: `${GUIDE}reference_policies_elements_condition.html`,
  multiple: `${GUIDE}reference_policies_multi-value-conditions.html`,
  multivalued: `${GUIDE}reference_policies_condition-single-vs-multi-valued-context-keys.html`,
  multivaluedExamples: `${GUIDE}reference_policies_condition_examples-multi-valued-context-keys.html`,
  variables: `${GUIDE}reference_policies_variables.html`,
  evaluation: `${GUIDE}reference_policies_evaluation-logic.html`,
  interplay: `${GUIDE}reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html`,
  action: `${GUIDE}reference_policies_elements_action.html`,
  notAction: `${GUIDE}reference_policies_elements_notaction.html`,
  notResource: `${GUIDE}reference_policies_elements_notresource.html`,
  principal: `${GUIDE}reference_policies_elements_principal.html`,
  notPrincipal: `${GUIDE}reference_policies_elements_notprincipal.html`,
  dates: `${GUIDE}reference_policies_examples_aws-dates.html`,
  denyIp: `${GUIDE}reference_policies_examples_aws_deny-ip.html`,
  denyRegion: `${GUIDE}reference_policies_examples_aws_deny-requested-region.html`,
};

type Json = Record<string, unknown>;
interface PolicyInput {
  kind?: PolicyKind;
  policy: Json;
}
interface Case {
  name: string;
  page: string;
  policies: PolicyInput[];
  request: SimulationRequest;
  decision: Decision;
  /** for a deny: the element that kept a statement from applying */
  why?: ElementName;
}

const v2012 = (statement: unknown): Json => ({ Version: '2012-10-17', Statement: statement });
const identity = (statement: unknown): PolicyInput => ({ policy: v2012(statement) });
const ALLOW_ALL = { Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' };

/** A table of requests against one policy. */
function table(page: string, policies: PolicyInput[], rows: Array<[string, SimulationRequest, Decision, ElementName?]>): Case[] {
  return rows.map(([name, request, decision, why]) => ({ name, page, policies, request, decision, why }));
}

// "IAM JSON policy elements: Condition operators", String: aws:PrincipalTag/job-category.
const jobCategory = identity({
  Effect: 'Allow',
  Action: 'iam:*AccessKey*',
  Resource: 'arn:aws:iam::account-id:user/*',
  Condition: { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
});
const userArn = 'arn:aws:iam::account-id:user/Bob';

// Same page, String with a policy variable: the S3 home-directory policy.
const homeDirectory = identity([
  { Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::*' },
  {
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: 'arn:aws:s3:::BUCKET-NAME',
    Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/'] } },
  },
  { Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::BUCKET-NAME/home/${aws:username}', 'arn:aws:s3:::BUCKET-NAME/home/${aws:username}/*'] },
]);

const sqsFromSns = {
  policy: v2012({
    Effect: 'Allow',
    Principal: { AWS: '123456789012' },
    Action: 'SQS:SendMessage',
    Resource: 'arn:aws:sqs:REGION:123456789012:QUEUE-ID',
    Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:REGION:123456789012:TOPIC-ID' } },
  }),
  kind: 'resource' as const,
};

const requestedAttributes = (operator: string, effect: string, action: string, values: string[]) =>
  identity({
    Effect: effect,
    Action: action,
    Resource: 'arn:aws:dynamodb:REGION:ACCOUNT-ID-WITHOUT-HYPHENS:table/Thread',
    Condition: { [operator]: { 'dynamodb:requestedAttributes': values } },
  });
const thread = 'arn:aws:dynamodb:REGION:ACCOUNT-ID-WITHOUT-HYPHENS:table/Thread';

const CASES: Case[] = [
  ...table(
    PAGES.operators,
    [jobCategory],
    [
      [
        'StringEquals: the principal tag matches',
        { action: 'iam:CreateAccessKey', resource: userArn, context: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
        'Allow',
      ],
      [
        'StringEquals: another tag value',
        { action: 'iam:CreateAccessKey', resource: userArn, context: { 'aws:PrincipalTag/job-category': 'dev' } },
        'ImplicitDeny',
        'Condition',
      ],
      ['StringEquals: a user without the tag', { action: 'iam:CreateAccessKey', resource: userArn }, 'ImplicitDeny', 'Condition'],
      [
        'action wildcard iam:*AccessKey* covers ListAccessKeys',
        { action: 'iam:ListAccessKeys', resource: userArn, context: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
        'Allow',
      ],
      [
        'context key names are case-insensitive',
        { action: 'iam:UpdateAccessKey', resource: userArn, context: { 'AWS:PRINCIPALTAG/JOB-CATEGORY': 'iamuser-admin' } },
        'Allow',
      ],
      [
        'an action the wildcard does not cover',
        { action: 'iam:GetUser', resource: userArn, context: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
        'ImplicitDeny',
        'Action',
      ],
      [
        'a resource outside user/*',
        { action: 'iam:CreateAccessKey', resource: 'arn:aws:iam::account-id:role/Bob', context: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } },
        'ImplicitDeny',
        'Resource',
      ],
    ],
  ),
  ...table(
    PAGES.operators,
    [homeDirectory],
    [
      [
        'StringLike with ${aws:username}: own home prefix',
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::BUCKET-NAME', context: { 's3:prefix': 'home/David/', 'aws:username': 'David' } },
        'Allow',
      ],
      [
        "StringLike with ${aws:username}: someone else's prefix",
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::BUCKET-NAME', context: { 's3:prefix': 'home/Bob/', 'aws:username': 'David' } },
        'ImplicitDeny',
        'Condition',
      ],
      [
        'StringLike: the empty prefix is one of the values',
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::BUCKET-NAME', context: { 's3:prefix': '', 'aws:username': 'David' } },
        'Allow',
      ],
      [
        'variable in Resource: own objects',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKET-NAME/home/David/notes.txt', context: { 'aws:username': 'David' } },
        'Allow',
      ],
      [
        "variable in Resource: another user's objects",
        { action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKET-NAME/home/Bob/notes.txt', context: { 'aws:username': 'David' } },
        'ImplicitDeny',
        'Resource',
      ],
      [
        'variable with no value matches nothing',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKET-NAME/home/David/notes.txt' },
        'ImplicitDeny',
        'Resource',
      ],
      ['resource arn:aws:s3:::* covers every bucket', { action: 's3:GetBucketLocation', resource: 'arn:aws:s3:::any-bucket' }, 'Allow'],
    ],
  ),
  ...table(
    PAGES.condition,
    [identity({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { StringEquals: { 'aws:username': 'john' } } })],
    [
      ['StringEquals is case-sensitive: john', { action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context: { 'aws:username': 'john' } }, 'Allow'],
      [
        'StringEquals is case-sensitive: John is denied',
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context: { 'aws:username': 'John' } },
        'ImplicitDeny',
        'Condition',
      ],
    ],
  ),
  ...table(
    PAGES.condition,
    [identity({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { StringEqualsIgnoreCase: { 'aws:username': 'john' } } })],
    [['StringEqualsIgnoreCase: John matches', { action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context: { 'aws:username': 'John' } }, 'Allow']],
  ),
  ...table(
    PAGES.denyRegion,
    [
      identity([
        {
          Sid: 'DenyAllOutsideEU',
          Effect: 'Deny',
          NotAction: ['cloudfront:*', 'iam:*', 'route53:*', 'support:*'],
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } },
        },
        ALLOW_ALL,
      ]),
    ],
    [
      [
        'StringNotEquals: a Region outside the list is denied',
        { action: 'ec2:RunInstances', resource: '*', context: { 'aws:RequestedRegion': 'us-east-1' } },
        'ExplicitDeny',
      ],
      [
        'StringNotEquals with several values (NOR): a listed Region is not denied',
        { action: 'ec2:RunInstances', resource: '*', context: { 'aws:RequestedRegion': 'eu-west-1' } },
        'Allow',
      ],
      [
        'NotAction with Deny: excluded services are not denied',
        { action: 'iam:CreateUser', resource: '*', context: { 'aws:RequestedRegion': 'us-east-1' } },
        'Allow',
      ],
      ['negated operator with a missing key: the condition is true', { action: 'ec2:RunInstances', resource: '*' }, 'ExplicitDeny'],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity({
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::example_bucket',
        Condition: { NumericLessThanEquals: { 's3:max-keys': '10' } },
      }),
    ],
    [
      ['NumericLessThanEquals: 10', { action: 's3:ListBucket', resource: 'arn:aws:s3:::example_bucket', context: { 's3:max-keys': 10 } }, 'Allow'],
      [
        'NumericLessThanEquals: 11',
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::example_bucket', context: { 's3:max-keys': '11' } },
        'ImplicitDeny',
        'Condition',
      ],
      [
        'NumericLessThanEquals: compared as numbers (9.5)',
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::example_bucket', context: { 's3:max-keys': '9.5' } },
        'Allow',
      ],
      ['Numeric: a missing key does not match', { action: 's3:ListBucket', resource: 'arn:aws:s3:::example_bucket' }, 'ImplicitDeny', 'Condition'],
      [
        'Numeric: a value that is not a number does not match',
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::example_bucket', context: { 's3:max-keys': 'ten' } },
        'ImplicitDeny',
        'Condition',
      ],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity({
        Effect: 'Allow',
        Action: 'iam:*AccessKey*',
        Resource: 'arn:aws:iam::account-id:user/*',
        Condition: { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:01Z' } },
      }),
    ],
    [
      [
        'DateGreaterThan: credentials issued after the date',
        { action: 'iam:ListAccessKeys', resource: userArn, context: { 'aws:TokenIssueTime': '2020-06-01T00:00:00Z' } },
        'Allow',
      ],
      [
        'DateGreaterThan: credentials issued before the date',
        { action: 'iam:ListAccessKeys', resource: userArn, context: { 'aws:TokenIssueTime': '2019-12-31T23:59:59Z' } },
        'ImplicitDeny',
        'Condition',
      ],
      ['DateGreaterThan: long-term access keys have no aws:TokenIssueTime', { action: 'iam:ListAccessKeys', resource: userArn }, 'ImplicitDeny', 'Condition'],
      [
        'Date: a request time with a zone offset',
        { action: 'iam:ListAccessKeys', resource: userArn, context: { 'aws:TokenIssueTime': '2020-01-01T01:00:00+02:00' } },
        'ImplicitDeny',
        'Condition',
      ],
    ],
  ),
  ...table(
    PAGES.dates,
    [
      identity({
        Effect: 'Allow',
        Action: 'service-prefix:action-name',
        Resource: '*',
        Condition: { DateGreaterThan: { 'aws:CurrentTime': '2017-07-01T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2017-12-31T23:59:59Z' } },
      }),
    ],
    [
      [
        'two date operators (AND): inside the window',
        { action: 'service-prefix:action-name', context: { 'aws:CurrentTime': '2017-09-15T12:00:00Z' } },
        'Allow',
      ],
      [
        'two date operators (AND): after the window',
        { action: 'service-prefix:action-name', context: { 'aws:CurrentTime': '2018-01-01T00:00:00Z' } },
        'ImplicitDeny',
        'Condition',
      ],
      [
        'two date operators (AND): before the window',
        { action: 'service-prefix:action-name', context: { 'aws:CurrentTime': '2017-06-30T23:59:59Z' } },
        'ImplicitDeny',
        'Condition',
      ],
      ['Date: request time in epoch seconds', { action: 'service-prefix:action-name', context: { 'aws:CurrentTime': 1505476800 } }, 'Allow'],
    ],
  ),
  ...table(
    PAGES.operators,
    [identity({ Effect: 'Allow', Action: 'service-prefix:action-name', Resource: '*', Condition: { DateLessThan: { 'aws:EpochTime': '1514764799' } } })],
    [
      ['Date: policy value in epoch seconds', { action: 'service-prefix:action-name', context: { 'aws:EpochTime': 1505476800 } }, 'Allow'],
      ['Date: epoch after the policy value', { action: 'service-prefix:action-name', context: { 'aws:EpochTime': '1514764800' } }, 'ImplicitDeny', 'Condition'],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity([
        {
          Sid: 'BooleanExample',
          Action: 's3:*',
          Effect: 'Deny',
          Resource: ['arn:aws:s3:::DOC-EXAMPLE-BUCKET', 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        ALLOW_ALL,
      ]),
    ],
    [
      [
        'Bool: a request without TLS is denied',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/key', context: { 'aws:SecureTransport': 'false' } },
        'ExplicitDeny',
      ],
      [
        'Bool: a request over TLS (JSON true)',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/key', context: { 'aws:SecureTransport': true } },
        'Allow',
      ],
      [
        'Bool: values compare without regard to case',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::DOC-EXAMPLE-BUCKET/key', context: { 'aws:SecureTransport': 'FALSE' } },
        'ExplicitDeny',
      ],
      [
        'Bool: another bucket is not covered by the Deny',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::OTHER-BUCKET/key', context: { 'aws:SecureTransport': false } },
        'Allow',
      ],
    ],
  ),
  ...table(
    PAGES.notAction,
    [
      identity([
        {
          Sid: 'DenyAllUsersNotUsingMFA',
          Effect: 'Deny',
          NotAction: 'iam:*',
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
        ALLOW_ALL,
      ]),
    ],
    [
      ['BoolIfExists: a missing key makes the condition true', { action: 'ec2:DescribeInstances', resource: '*' }, 'ExplicitDeny'],
      ['BoolIfExists: MFA present', { action: 'ec2:DescribeInstances', resource: '*', context: { 'aws:MultiFactorAuthPresent': true } }, 'Allow'],
      [
        'BoolIfExists: MFA absent (false)',
        { action: 'ec2:DescribeInstances', resource: '*', context: { 'aws:MultiFactorAuthPresent': false } },
        'ExplicitDeny',
      ],
      ['NotAction: IAM actions are not denied', { action: 'iam:ListUsers', resource: '*' }, 'Allow'],
    ],
  ),
  ...table(
    PAGES.notAction,
    [identity({ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::*' })],
    [
      ['NotAction with Allow: other S3 actions', { action: 's3:PutObject', resource: 'arn:aws:s3:::bucket/key' }, 'Allow'],
      ['NotAction with Allow: the excluded action', { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::bucket' }, 'ImplicitDeny', 'NotAction'],
      ['NotAction with Allow: ListAllMyBuckets needs the "*" resource', { action: 's3:ListAllMyBuckets', resource: '*' }, 'ImplicitDeny', 'Resource'],
    ],
  ),
  ...table(
    PAGES.operators,
    [identity({ Effect: 'Allow', Action: 'service-prefix:action-name', Resource: '*', Condition: { BinaryEquals: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } } })],
    [
      ['BinaryEquals: the same bytes', { action: 'service-prefix:action-name', context: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, 'Allow'],
      ['BinaryEquals: other bytes', { action: 'service-prefix:action-name', context: { key: 'QmluYXJ5VmFsdWU=' } }, 'ImplicitDeny', 'Condition'],
      ['BinaryEquals: missing key', { action: 'service-prefix:action-name' }, 'ImplicitDeny', 'Condition'],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity({
        Effect: 'Allow',
        Action: 'iam:*AccessKey*',
        Resource: 'arn:aws:iam::account-id:user/*',
        Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      }),
    ],
    [
      ['IpAddress: inside 203.0.113.0/24', { action: 'iam:ListAccessKeys', resource: userArn, context: { 'aws:SourceIp': '203.0.113.10' } }, 'Allow'],
      [
        'IpAddress: outside the range',
        { action: 'iam:ListAccessKeys', resource: userArn, context: { 'aws:SourceIp': '198.51.100.1' } },
        'ImplicitDeny',
        'Condition',
      ],
      ['IpAddress: no aws:SourceIp (request through a VPC endpoint)', { action: 'iam:ListAccessKeys', resource: userArn }, 'ImplicitDeny', 'Condition'],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity({
        Effect: 'Allow',
        Action: 'someservice:*',
        Resource: '*',
        Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } },
      }),
    ],
    [
      ['IpAddress: IPv6 inside 2001:DB8:1234:5678::/64', { action: 'someservice:Do', context: { 'aws:SourceIp': '2001:db8:1234:5678::1' } }, 'Allow'],
      ['IpAddress: IPv6 outside the range', { action: 'someservice:Do', context: { 'aws:SourceIp': '2001:db8:1234:5679::1' } }, 'ImplicitDeny', 'Condition'],
      ['IpAddress: IPv4 value among IPv4 and IPv6 ranges', { action: 'someservice:Do', context: { 'aws:SourceIp': '203.0.113.200' } }, 'Allow'],
    ],
  ),
  ...table(
    PAGES.operators,
    [identity({ Effect: 'Allow', Action: 'someservice:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.5' } } })],
    [
      ['IpAddress: an address without a prefix is a /32 (same address)', { action: 'someservice:Do', context: { 'aws:SourceIp': '203.0.113.5' } }, 'Allow'],
      [
        'IpAddress: an address without a prefix is a /32 (next address)',
        { action: 'someservice:Do', context: { 'aws:SourceIp': '203.0.113.6' } },
        'ImplicitDeny',
        'Condition',
      ],
    ],
  ),
  ...table(
    PAGES.denyIp,
    [
      identity([
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } } },
        ALLOW_ALL,
      ]),
    ],
    [
      [
        'NotIpAddress: inside one of the ranges is not denied',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SourceIp': '192.0.2.5' } },
        'Allow',
      ],
      [
        'NotIpAddress: outside every range is denied',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SourceIp': '198.51.100.7' } },
        'ExplicitDeny',
      ],
    ],
  ),
  ...table(
    PAGES.operators,
    [sqsFromSns],
    [
      [
        'ArnEquals aws:SourceArn: the topic sends to the queue',
        {
          principal: 'arn:aws:iam::123456789012:root',
          action: 'SQS:SendMessage',
          resource: 'arn:aws:sqs:REGION:123456789012:QUEUE-ID',
          context: { 'aws:SourceArn': 'arn:aws:sns:REGION:123456789012:TOPIC-ID' },
        },
        'Allow',
      ],
      [
        'actions are case-insensitive (sqs:sendmessage)',
        {
          principal: '123456789012',
          action: 'sqs:sendmessage',
          resource: 'arn:aws:sqs:REGION:123456789012:QUEUE-ID',
          context: { 'aws:SourceArn': 'arn:aws:sns:REGION:123456789012:TOPIC-ID' },
        },
        'Allow',
      ],
      [
        'ArnEquals: a user calling directly has no aws:SourceArn',
        { principal: 'arn:aws:iam::123456789012:user/Ana', action: 'sqs:SendMessage', resource: 'arn:aws:sqs:REGION:123456789012:QUEUE-ID' },
        'ImplicitDeny',
        'Condition',
      ],
      [
        'Principal: an account ID names every principal of the account',
        {
          principal: 'arn:aws:iam::123456789012:user/Ana',
          action: 'sqs:SendMessage',
          resource: 'arn:aws:sqs:REGION:123456789012:QUEUE-ID',
          context: { 'aws:SourceArn': 'arn:aws:sns:REGION:123456789012:TOPIC-ID' },
        },
        'Allow',
      ],
      [
        'Principal: another account',
        {
          principal: 'arn:aws:iam::999999999999:user/Eve',
          action: 'sqs:SendMessage',
          resource: 'arn:aws:sqs:REGION:123456789012:QUEUE-ID',
          context: { 'aws:SourceArn': 'arn:aws:sns:REGION:123456789012:TOPIC-ID' },
        },
        'ImplicitDeny',
        'Principal',
      ],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity({
        Effect: 'Allow',
        Action: 'someservice:*',
        Resource: '*',
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
      }),
    ],
    [
      [
        'ArnLike matches segment by segment: * stops at a colon',
        { action: 'someservice:Read', context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' } },
        'ImplicitDeny',
        'Condition',
      ],
      [
        'ArnLike: the region wildcard matches one segment',
        { action: 'someservice:Read', context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:111122223333:finance/document.txt' } },
        'Allow',
      ],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity({
        Effect: 'Allow',
        Action: 'someservice:*',
        Resource: '*',
        Condition: { StringLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
      }),
    ],
    [
      [
        'StringLike matches where ArnLike does not',
        { action: 'someservice:Read', context: { 'aws:SourceArn': 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt' } },
        'Allow',
      ],
    ],
  ),
  ...table(
    PAGES.operators,
    [identity([{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' } } }, ALLOW_ALL])],
    [
      ['ArnNotLike with the key missing: the condition is true', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, 'ExplicitDeny'],
      [
        'ArnNotLike: a matching ARN is not denied',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' } },
        'Allow',
      ],
      [
        'ArnNotLike: another role is denied',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Dev' } },
        'ExplicitDeny',
      ],
    ],
  ),
  ...table(
    PAGES.operators,
    [identity({ Action: 'ec2:*', Effect: 'Allow', Resource: '*', Condition: { Null: { 'aws:TokenIssueTime': 'true' } } })],
    [
      ['Null "true": long-term credentials (key absent)', { action: 'ec2:DescribeInstances', resource: '*' }, 'Allow'],
      [
        'Null "true": temporary credentials (key present)',
        { action: 'ec2:DescribeInstances', resource: '*', context: { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' } },
        'ImplicitDeny',
        'Condition',
      ],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity([
        {
          Sid: 'RunInstance',
          Effect: 'Allow',
          Action: 'ec2:RunInstances',
          Resource: '*',
          Condition: { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
        },
      ]),
    ],
    [
      [
        'StringLikeIfExists: an allowed instance type',
        { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*', context: { 'ec2:InstanceType': 't2.micro' } },
        'Allow',
      ],
      [
        'StringLikeIfExists: another instance type',
        { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:111122223333:instance/*', context: { 'ec2:InstanceType': 'm5.large' } },
        'ImplicitDeny',
        'Condition',
      ],
      ['StringLikeIfExists: a resource without the key (an image)', { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1::image/ami-1' }, 'Allow'],
    ],
  ),
  ...table(
    PAGES.operators,
    [
      identity({
        Sid: 'THISPOLICYDOESNOTWORK',
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: '*',
        Condition: { StringLike: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } },
      }),
    ],
    [
      [
        'StringLike without IfExists fails on resources without the key',
        { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1::image/ami-1' },
        'ImplicitDeny',
        'Condition',
      ],
    ],
  ),
  ...table(
    PAGES.multiple,
    [requestedAttributes('ForAllValues:StringLike', 'Allow', 'GetItem', ['PostDateTime', 'Message', 'Tags'])],
    [
      [
        'ForAllValues: every requested attribute is listed',
        { action: 'GetItem', resource: thread, context: { 'dynamodb:requestedAttributes': ['PostDateTime', 'Message'] } },
        'Allow',
      ],
      [
        'ForAllValues: UserName is not listed',
        { action: 'GetItem', resource: thread, context: { 'dynamodb:requestedAttributes': ['PostDateTime', 'UserName'] } },
        'ImplicitDeny',
        'Condition',
      ],
      ['ForAllValues: an absent key is true', { action: 'GetItem', resource: thread }, 'Allow'],
      [
        'ForAllValues: an empty string is an empty set, true',
        { action: 'GetItem', resource: thread, context: { 'dynamodb:requestedAttributes': '' } },
        'Allow',
      ],
    ],
  ),
  ...table(
    PAGES.multiple,
    [requestedAttributes('ForAnyValue:StringLike', 'Deny', 'PutItem', ['ID', 'PostDateTime']), identity(ALLOW_ALL)],
    [
      [
        'ForAnyValue: one requested attribute is listed',
        { action: 'PutItem', resource: thread, context: { 'dynamodb:requestedAttributes': ['UserName', 'Message', 'PostDateTime'] } },
        'ExplicitDeny',
      ],
      ['ForAnyValue: none is listed', { action: 'PutItem', resource: thread, context: { 'dynamodb:requestedAttributes': ['UserName'] } }, 'Allow'],
      ['ForAnyValue: an absent key is false', { action: 'PutItem', resource: thread }, 'Allow'],
    ],
  ),
  ...table(
    PAGES.multivaluedExamples,
    [
      identity([
        {
          Sid: 'DenyRestrictedTags',
          Effect: 'Deny',
          Action: ['iam:Tag*', 'iam:UnTag*'],
          Resource: ['*'],
          Condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } },
        },
        ALLOW_ALL,
      ]),
    ],
    [
      ['ForAllValues:StringNotLike: key1:legal (no match)', { action: 'iam:TagUser', resource: userArn, context: { 'aws:TagKeys': ['key1:legal'] } }, 'Allow'],
      [
        'ForAllValues:StringNotLike: key1:hr, key1:personnel (no match)',
        { action: 'iam:TagUser', resource: userArn, context: { 'aws:TagKeys': ['key1:hr', 'key1:personnel'] } },
        'Allow',
      ],
      [
        'ForAllValues:StringNotLike: key2:audit (match)',
        { action: 'iam:TagUser', resource: userArn, context: { 'aws:TagKeys': ['key2:audit'] } },
        'ExplicitDeny',
      ],
      ['ForAllValues:StringNotLike: no aws:TagKeys (match)', { action: 'iam:TagUser', resource: userArn }, 'ExplicitDeny'],
    ],
  ),
  ...table(
    PAGES.multivaluedExamples,
    [
      identity([
        {
          Sid: 'DenyRestrictedTags',
          Effect: 'Deny',
          Action: ['iam:Tag*', 'iam:UnTag*'],
          Resource: ['*'],
          Condition: { Null: { 'aws:TagKeys': 'false' }, 'ForAllValues:StringLike': { 'aws:TagKeys': ['key1*', 'key2*', 'key3*'] } },
        },
        ALLOW_ALL,
      ]),
    ],
    [
      ['Null "false" guards ForAllValues: no tag keys, no deny', { action: 'iam:TagRole', resource: 'arn:aws:iam::111122223333:role/r' }, 'Allow'],
      [
        'ForAllValues:StringLike with Null "false": listed prefixes are denied',
        { action: 'iam:TagRole', resource: 'arn:aws:iam::111122223333:role/r', context: { 'aws:TagKeys': ['key1:a', 'key3:b'] } },
        'ExplicitDeny',
      ],
      [
        'ForAllValues:StringLike: one unlisted prefix, no deny',
        { action: 'iam:TagRole', resource: 'arn:aws:iam::111122223333:role/r', context: { 'aws:TagKeys': ['key1:a', 'other'] } },
        'Allow',
      ],
    ],
  ),
  ...table(
    PAGES.multiple,
    [
      {
        kind: 'resource',
        policy: v2012({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::222222222222:root' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
          Condition: {
            StringEquals: { 'aws:PrincipalTag/department': ['finance', 'hr', 'legal'], 'aws:PrincipalTag/role': ['audit', 'security'] },
            ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:user/Ana', 'arn:aws:iam::222222222222:user/Mary'] },
          },
        }),
      },
    ],
    [
      [
        'several operators and keys (AND), several values (OR): all hold',
        {
          principal: 'arn:aws:iam::222222222222:user/Mary',
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::amzn-s3-demo-bucket/report',
          context: { 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalTag/role': 'audit', 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Mary' },
        },
        'Allow',
      ],
      [
        'AND: one key (role tag) missing',
        {
          principal: 'arn:aws:iam::222222222222:user/Mary',
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::amzn-s3-demo-bucket/report',
          context: { 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Mary' },
        },
        'ImplicitDeny',
        'Condition',
      ],
      [
        'AND: the ArnLike operator fails',
        {
          principal: 'arn:aws:iam::222222222222:user/Bob',
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::amzn-s3-demo-bucket/report',
          context: { 'aws:PrincipalTag/department': 'hr', 'aws:PrincipalTag/role': 'audit', 'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/Bob' },
        },
        'ImplicitDeny',
        'Condition',
      ],
    ],
  ),
  ...table(
    PAGES.interplay,
    [
      identity([
        { Sid: 'AllowGetList', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
        { Sid: 'DenyReports', Effect: 'Deny', Action: 'iam:*Report', Resource: '*' },
      ]),
    ],
    [
      ['explicit allow: iam:GetUser', { action: 'iam:GetUser', resource: 'arn:aws:iam::111122223333:user/Ana' }, 'Allow'],
      ['implicit deny: iam:CreatePolicy is not allowed', { action: 'iam:CreatePolicy', resource: '*' }, 'ImplicitDeny', 'Action'],
      ['explicit deny wins over the Get* allow', { action: 'iam:GetOrganizationsAccessReport', resource: '*' }, 'ExplicitDeny'],
    ],
  ),
  ...table(
    PAGES.notResource,
    [identity({ Effect: 'Allow', Action: 's3:*', NotResource: ['arn:aws:s3:::HRBucket/Payroll', 'arn:aws:s3:::HRBucket/Payroll/*'] })],
    [
      ['NotResource with Allow: other objects', { action: 's3:GetObject', resource: 'arn:aws:s3:::HRBucket/Public/handbook.pdf' }, 'Allow'],
      [
        'NotResource with Allow: the excluded folder',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::HRBucket/Payroll/2024.csv' },
        'ImplicitDeny',
        'NotResource',
      ],
    ],
  ),
  ...table(
    PAGES.notPrincipal,
    [
      {
        kind: 'resource',
        policy: v2012([
          {
            Effect: 'Deny',
            NotPrincipal: { AWS: ['arn:aws:iam::444455556666:user/Bob', 'arn:aws:iam::444455556666:root'] },
            Action: 's3:*',
            Resource: ['arn:aws:s3:::BUCKETNAME', 'arn:aws:s3:::BUCKETNAME/*'],
          },
          { Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::BUCKETNAME/*' },
        ]),
      },
    ],
    [
      [
        'NotPrincipal with Deny: Bob (and his account) are excepted',
        { principal: 'arn:aws:iam::444455556666:user/Bob', action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKETNAME/k' },
        'Allow',
      ],
      [
        'NotPrincipal with Deny: another user of the account is denied',
        { principal: 'arn:aws:iam::444455556666:user/Alice', action: 's3:GetObject', resource: 'arn:aws:s3:::BUCKETNAME/k' },
        'ExplicitDeny',
      ],
    ],
  ),
  ...table(
    PAGES.notPrincipal,
    [
      {
        kind: 'resource',
        policy: v2012([
          {
            Effect: 'Deny',
            NotPrincipal: {
              AWS: [
                'arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app',
                'arn:aws:iam::444455556666:role/cross-account-read-only-role',
                'arn:aws:iam::444455556666:root',
              ],
            },
            Action: 's3:*',
            Resource: ['arn:aws:s3:::Bucket_AccountAudit', 'arn:aws:s3:::Bucket_AccountAudit/*'],
          },
          { ...ALLOW_ALL, Principal: '*' },
        ]),
      },
    ],
    [
      [
        'NotPrincipal: the named role session is excepted',
        {
          principal: 'arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app',
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::Bucket_AccountAudit/x',
        },
        'Allow',
      ],
      [
        'NotPrincipal: another session of the role is denied',
        {
          principal: 'arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/other-app',
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::Bucket_AccountAudit/x',
        },
        'ExplicitDeny',
      ],
    ],
  ),
  ...table(
    PAGES.principal,
    [{ kind: 'trust', policy: v2012({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: 'sts:AssumeRole' }) }],
    [
      ['Service principal: EC2 may assume the role', { principal: 'ec2.amazonaws.com', action: 'sts:AssumeRole' }, 'Allow'],
      ['Service principal: Lambda may not', { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole' }, 'ImplicitDeny', 'Principal'],
    ],
  ),
  ...table(
    PAGES.principal,
    [
      {
        kind: 'trust',
        policy: v2012({
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-2:12345678-abcd-abcd-abcd-123456789012' } },
        }),
      },
    ],
    [
      [
        'Federated principal with the audience condition',
        {
          principal: 'cognito-identity.amazonaws.com',
          action: 'sts:AssumeRoleWithWebIdentity',
          context: { 'cognito-identity.amazonaws.com:aud': 'us-east-2:12345678-abcd-abcd-abcd-123456789012' },
        },
        'Allow',
      ],
      [
        'Federated principal: another identity pool',
        {
          principal: 'cognito-identity.amazonaws.com',
          action: 'sts:AssumeRoleWithWebIdentity',
          context: { 'cognito-identity.amazonaws.com:aud': 'us-east-2:other' },
        },
        'ImplicitDeny',
        'Condition',
      ],
    ],
  ),
  ...table(
    PAGES.principal,
    [
      {
        kind: 'resource',
        policy: v2012({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:role/role-name' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/*',
        }),
      },
    ],
    [
      [
        'role principal: a session of the role',
        { principal: 'arn:aws:sts::123456789012:assumed-role/role-name/session', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
        'Allow',
      ],
      [
        'role principal: a session of another role',
        { principal: 'arn:aws:sts::123456789012:assumed-role/other/session', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
        'ImplicitDeny',
        'Principal',
      ],
    ],
  ),
  ...table(
    PAGES.principal,
    [{ kind: 'resource', policy: v2012({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) }],
    [['Principal "*": anonymous users too', { principal: 'anonymous', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, 'Allow']],
  ),
  ...table(
    PAGES.variables,
    [identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::bucket/${aws:PrincipalTag/department}'] })],
    [
      [
        'a principal tag as a variable in Resource',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/hr', context: { 'aws:PrincipalTag/department': 'hr' } },
        'Allow',
      ],
      [
        'a multivalued key is no variable',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/hr', context: { 'aws:PrincipalTag/department': ['hr', 'it'] } },
        'ImplicitDeny',
        'Resource',
      ],
    ],
  ),
  ...table(
    PAGES.variables,
    [
      identity({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 'aws:Resource': "arn:aws:s3:::/bucket/${aws:userid, 'anonymous'}" } },
      }),
    ],
    [
      ['default value of a variable: no aws:userid', { action: 's3:GetObject', context: { 'aws:Resource': 'arn:aws:s3:::/bucket/anonymous' } }, 'Allow'],
      [
        'default value of a variable: aws:userid present',
        { action: 's3:GetObject', context: { 'aws:userid': 'AIDAEXAMPLE', 'aws:Resource': 'arn:aws:s3:::/bucket/AIDAEXAMPLE' } },
        'Allow',
      ],
    ],
  ),
  ...table(
    PAGES.variables,
    [identity({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { StringLike: { 's3:prefix': 'a${*}b' } } })],
    [
      ['${*} is a literal asterisk', { action: 's3:ListBucket', context: { 's3:prefix': 'a*b' } }, 'Allow'],
      ['${*} is not a wildcard', { action: 's3:ListBucket', context: { 's3:prefix': 'axxb' } }, 'ImplicitDeny', 'Condition'],
    ],
  ),
  ...table(
    PAGES.variables,
    [{ policy: { Statement: [{ Action: ['s3:GetObject'], Effect: 'Allow', Resource: ['arn:aws:s3:::mybucket/${aws:username}/*'] }] } }],
    [
      [
        'without Version 2012-10-17 a variable is literal text',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::mybucket/David/x', context: { 'aws:username': 'David' } },
        'ImplicitDeny',
        'Resource',
      ],
      [
        'without Version 2012-10-17: the literal text matches',
        { action: 's3:GetObject', resource: 'arn:aws:s3:::mybucket/${aws:username}/x', context: { 'aws:username': 'David' } },
        'Allow',
      ],
    ],
  ),
  ...table(
    PAGES.evaluation,
    [
      identity({ Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' }),
      { kind: 'scp', policy: v2012({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) },
    ],
    [
      ['SCP: the identity policy and the SCP both allow', { action: 'ec2:DescribeInstances', resource: '*' }, 'Allow'],
      ['SCP: allowed by the identity policy, not by the SCP', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, 'ImplicitDeny'],
    ],
  ),
  ...table(
    PAGES.evaluation,
    [
      identity({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      {
        kind: 'scp',
        policy: v2012([
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
        ]),
      },
    ],
    [['SCP: an explicit deny in an SCP overrides the identity allow', { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::b' }, 'ExplicitDeny']],
  ),
  ...table(
    PAGES.evaluation,
    [
      identity({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      { kind: 'boundary', policy: v2012({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
    ],
    [
      ['permissions boundary: allowed by both', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, 'Allow'],
      ['permissions boundary: outside the boundary', { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }, 'ImplicitDeny'],
    ],
  ),
  ...table(
    PAGES.evaluation,
    [
      identity({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }),
      {
        kind: 'resource',
        policy: v2012({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/Ana' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
      },
    ],
    [
      [
        'identity and resource policies: the union of both (resource policy allows)',
        { principal: 'arn:aws:iam::111122223333:user/Ana', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
        'Allow',
      ],
      [
        'identity and resource policies: neither allows',
        { principal: 'arn:aws:iam::111122223333:user/Ana', action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' },
        'ImplicitDeny',
      ],
    ],
  ),
];

function run(c: Case) {
  const docs = c.policies.map((p, i) => parsePolicy(JSON.stringify(p.policy, null, 2), `file:///policy${i}.json`, { kind: p.kind }));
  return simulate(docs, c.request);
}

test('the table covers at least 60 requests', () => {
  assert.ok(CASES.length >= 60, `${CASES.length} cases`);
});

for (const c of CASES) {
  test(`${c.name} — ${c.page.slice(GUIDE.length)}`, () => {
    const result = run(c);
    assert.equal(result.decision, c.decision, `${result.summary}\n${JSON.stringify(result.statements.map(s => s.mismatches.map(m => m.message)))}`);
    if (c.decision === 'Allow' || c.decision === 'ExplicitDeny') assert.ok(result.deciding.length > 0, 'names the deciding statement');
    if (c.why)
      assert.ok(
        result.statements.some(s => s.mismatches.some(m => m.element === c.why)),
        `a ${c.why} mismatch: ${JSON.stringify(result.statements.map(s => s.mismatches))}`,
      );
  });
}

test("the time of the request: the current time when the request gives none, said in a note; the request's own otherwise", () => {
  const policy = parsePolicy(
    JSON.stringify(
      v2012([
        ALLOW_ALL,
        { Sid: 'Expired', Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } },
        { Sid: 'Epoch', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NumericLessThan: { 'aws:EpochTime': '946684800' } } },
      ]),
      null,
      2,
    ),
    'file:///p.json',
  );
  const now = new Date('2030-06-01T12:00:00Z');
  const current = simulate([policy], { action: 's3:GetObject', resource: '*' }, { now });
  assert.equal(current.decision, 'ExplicitDeny', current.summary);
  assert.deepEqual(
    current.deciding.map(s => s.sid),
    ['Expired'],
  );
  assert.ok(
    current.notes.some(n => n.includes('2030-06-01T12:00:00Z') && n.includes('aws:CurrentTime')),
    current.notes.join('\n'),
  );
  const given = simulate([policy], { action: 's3:GetObject', resource: '*', context: { 'aws:CurrentTime': '2019-12-31T00:00:00Z' } }, { now });
  assert.equal(given.decision, 'Allow', given.summary);
  assert.ok(!given.notes.some(n => n.includes('current time')), 'no note when the request gives the time');
  const epoch = simulate([policy], { action: 's3:GetObject', resource: '*', context: { 'aws:CurrentTime': '1999-12-31T00:00:00Z' } }, { now });
  assert.deepEqual(
    epoch.deciding.map(s => s.sid),
    ['Epoch'],
    'aws:EpochTime follows the aws:CurrentTime the request gives',
  );
  const fromEpoch = simulate([policy], { action: 's3:GetObject', resource: '*', context: { 'aws:EpochTime': 1577923200 } }, { now });
  assert.deepEqual(
    fromEpoch.deciding.map(s => s.sid),
    ['Expired'],
    'and aws:CurrentTime follows aws:EpochTime',
  );
  const untimed = simulate([parsePolicy(JSON.stringify(v2012(ALLOW_ALL)), 'file:///q.json')], { action: 's3:GetObject' }, { now });
  assert.deepEqual(untimed.notes, [], 'no note when no condition looks at the time');
});
