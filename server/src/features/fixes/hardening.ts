// Hardening fixes for the security findings about who may use a resource or a role: each adds the
// condition (or the statement) that the finding's page recommends, with a placeholder for the value
// only the user knows (values already in the document are proposed first).
// - IAM420/IAM421 a public principal: aws:PrincipalOrgID (or aws:PrincipalAccount). IAM421 on a
//   shared identity provider, IAM425 on an OIDC provider of one tenant: the claim its documentation
//   names (data.conditionKey, with the operator and value form of analysis/webIdentityTrust.ts).
// - IAM421 on a claim value that matches every tenant ("repo:*"), IAM426 on a GitHub subject of a
//   whole organization: the value replaced with the narrower forms (data.narrower).
// - IAM422 a trusted account: sts:ExternalId, or aws:PrincipalArn naming the roles.
// - IAM423 a service principal: aws:SourceAccount or aws:SourceArn ("The confused deputy problem").
// - IAM324-IAM326 an RCP Deny on principal or source keys: the related key of AWS's own RCPs
//   ("Resource control policy examples", aws-samples/data-perimeter-policy-examples):
//   aws:PrincipalIsAWSService "false" (IfExists), aws:PrincipalIsAWSService "true", aws:SourceAccount
//   not Null.
// - IAM424 a bucket policy without aws:SecureTransport: a Deny statement for plain HTTP (Amazon S3
//   User Guide, "Security best practices for Amazon S3", the example policy).
// - IAM410 iam:PassRole on every role: name the roles (a role ARN in place of "*" or role/*), in a
//   statement of PassRole alone. iam:PassedToService does not name them, so it is no fix for it.
// - IAM414 iam:CreateServiceLinkedRole for every service: name the service in the role's path
//   (role/aws-service-role/<service-name>.amazonaws.com/*, as the IAM User Guide's grant "to create a
//   specific service-linked role" does), in a statement of that action alone.
import type { CodeAction } from 'vscode-languageserver-types';
import { parseArn } from '../../policy/arn';
import type { PolicyDocument, StringItem } from '../../policy/model';
import { documentValues } from '../completion/documentValues';
import { addCondition } from './conditions';
import { byCode, factsAt, fixAction, spanOf, statementAt, type FixContext, type FixProvider } from './framework';
import { appendItem, replaceListItem, type JsonValue } from './jsonEdits';
import { uniqueSid } from './repairs';
import { placeholder } from './template';

interface ConditionChoice {
  operator: string;
  key: string;
  value: string;
}

function conditionFixes(ctx: FixContext, choices: ConditionChoice[]): CodeAction[] {
  const statement = statementAt(ctx.doc, spanOf(ctx).start);
  if (!statement) return [];
  return choices.flatMap((choice, index) => {
    const change = addCondition(ctx.doc, statement, choice.operator, choice.key, choice.value);
    return change ? [fixAction(ctx, `Add a condition on ${choice.key}`, [change], index === 0)] : [];
  });
}

/** The account the policy names, else a placeholder for it. */
export const accountValue = (doc: PolicyDocument) => placeholder('Account', documentValues(doc).accounts[0] ?? '<account-id>');

function orgChoices(doc: PolicyDocument): ConditionChoice[] {
  return [
    { operator: 'StringEquals', key: 'aws:PrincipalOrgID', value: placeholder('OrgId', documentValues(doc).organizations[0] ?? '<org-id>') },
    { operator: 'StringEquals', key: 'aws:PrincipalAccount', value: accountValue(doc) },
  ];
}

/** A text with <placeholders> (from the rules' data) with each one marked as a placeholder of the fix. */
function marked(text: string): string {
  return text.replace(/<([a-z-]+)>/g, (whole, name: string) => placeholder(name, whole));
}

interface ClaimData {
  conditionKey?: string;
  conditionOperator?: string;
  conditionValue?: string;
  narrower?: string[];
}

const publicPrincipal: FixProvider = ctx => {
  const data = (ctx.diagnostic.data ?? {}) as ClaimData;
  if (data.narrower) return narrowerClaim(ctx);
  if (data.conditionKey) return claimCondition(ctx);
  return conditionFixes(ctx, orgChoices(ctx.doc));
};

/** The condition on the claim that names the tenant or workload (IAM421, IAM425). */
const claimCondition: FixProvider = ctx => {
  const { conditionKey, conditionOperator, conditionValue } = (ctx.diagnostic.data ?? {}) as ClaimData;
  if (!conditionKey || !conditionOperator || !conditionValue) return [];
  return conditionFixes(ctx, [{ operator: conditionOperator, key: conditionKey, value: marked(conditionValue) }]);
};

/** A claim value replaced with a narrower one (IAM421 on a value, IAM426); none is preferred: each has placeholders. */
const narrowerClaim: FixProvider = ctx => {
  const { start, end } = spanOf(ctx);
  return (
    ((ctx.diagnostic.data ?? {}) as ClaimData).narrower?.map(value =>
      fixAction(ctx, `Narrow to ${value}`, [{ offset: start, length: end - start, text: JSON.stringify(marked(value)) }]),
    ) ?? []
  );
};

const accountTrust: FixProvider = ctx => {
  const { start, end } = spanOf(ctx);
  const account = /\d{12}/.exec(ctx.doc.text.slice(start, end))?.[0] ?? '<account-id>';
  return conditionFixes(ctx, [
    { operator: 'StringEquals', key: 'sts:ExternalId', value: placeholder('ExternalId', '<external-id>') },
    { operator: 'ArnEquals', key: 'aws:PrincipalArn', value: `arn:aws:iam::${account}:role/${placeholder('Role', '<role-name>')}` },
  ]);
};

/** The condition of AWS's own RCPs that each of IAM324-IAM326 misses: certain, so preferred. */
const rcpRelatedKey =
  (choice: ConditionChoice): FixProvider =>
  ctx =>
    conditionFixes(ctx, [choice]);

const confusedDeputy: FixProvider = ctx =>
  conditionFixes(ctx, [
    { operator: 'StringEquals', key: 'aws:SourceAccount', value: accountValue(ctx.doc) },
    { operator: 'ArnLike', key: 'aws:SourceArn', value: placeholder('SourceArn', '<source-arn>') },
  ]);

/**
 * In a statement of the one action alone (as the catalog spells it), the Resource value that `pick`
 * chooses replaced with the ARN that `arnIn` gives for its partition.
 */
function nameResource(
  ctx: FixContext,
  action: string,
  pick: (items: readonly StringItem[]) => StringItem | undefined,
  title: string,
  arnIn: (partition: string) => string,
): CodeAction[] {
  const facts = factsAt(ctx, spanOf(ctx).start);
  const resource = facts?.statement.resource;
  const item = resource && pick(resource.items);
  const [service, name] = action.split(':');
  const alone = facts?.actions.every(a => a.actions.length === 1 && a.actions[0].service === service && a.actions[0].name === name);
  if (!facts || !alone || !resource?.entry.valueNode || !item) return [];
  const partition = parseArn(item.value)?.partition ?? documentValues(ctx.doc).partitions[0] ?? 'aws';
  return [fixAction(ctx, title, [replaceListItem(ctx.doc, facts.statement, resource.entry.valueNode, item, [arnIn(partition)])])];
}

/** A Resource value that names every role: "*", arn:aws:iam::*:*, arn:aws:iam::123456789012:role/*. */
const EVERY_ROLE = /^(\*|arn:[^:]*:iam::[^:]*:(\*|role\/\*))$/;

const passRole: FixProvider = ctx =>
  nameResource(
    ctx,
    'iam:PassRole',
    items => {
      const every = items.filter(i => EVERY_ROLE.test(i.value));
      return every.length === 1 ? every[0] : undefined;
    },
    'Name the role the principal may pass',
    partition => `arn:${partition}:iam::${accountValue(ctx.doc)}:role/${placeholder('Role', '<role-name>')}`,
  );

/** IAM414's data names the value that covers every service's role. */
const createServiceLinkedRole: FixProvider = ctx =>
  nameResource(
    ctx,
    'iam:CreateServiceLinkedRole',
    items => items.find(i => i.value === (ctx.diagnostic.data as { resource?: string } | undefined)?.resource),
    'Name the service whose role the principal may create',
    partition => `arn:${partition}:iam::*:role/aws-service-role/${placeholder('Service', '<service-name>')}.amazonaws.com/*`,
  );

/** The bucket ARNs (bucket and its objects) of a bucket policy's resources, with their partition. */
function bucketResources(doc: PolicyDocument): string[] {
  const arns = new Set<string>();
  for (const statement of doc.statements) {
    for (const item of [...(statement.resource?.items ?? []), ...(statement.notResource?.items ?? [])]) {
      const arn = parseArn(item.value);
      if (!arn || arn.service !== 's3') continue;
      const bucket = arn.resource.split('/')[0];
      arns.add(`arn:${arn.partition}:s3:::${bucket}`).add(`arn:${arn.partition}:s3:::${bucket}/*`);
    }
  }
  return [...arns];
}

const secureTransport: FixProvider = ctx => {
  const array = ctx.doc.statementEntry?.valueNode;
  if (array?.type !== 'array') return [];
  const resources = bucketResources(ctx.doc);
  const statement: JsonValue = {
    Sid: ctx.doc.statements.some(s => s.sid?.valueNode?.value === 'DenyInsecureTransport')
      ? uniqueSid(ctx.doc, 'DenyInsecureTransport')
      : 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    // always a list: each bucket gives two ARNs, its own and its objects
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
  return [fixAction(ctx, 'Add a statement that denies requests over plain HTTP (aws:SecureTransport)', [appendItem(ctx.doc, array, statement)], true)];
};

const PROVIDERS: Record<string, FixProvider> = {
  IAM324: rcpRelatedKey({ operator: 'BoolIfExists', key: 'aws:PrincipalIsAWSService', value: 'false' }),
  IAM325: rcpRelatedKey({ operator: 'Bool', key: 'aws:PrincipalIsAWSService', value: 'true' }),
  IAM326: rcpRelatedKey({ operator: 'Null', key: 'aws:SourceAccount', value: 'false' }),
  IAM410: passRole,
  IAM414: createServiceLinkedRole,
  IAM420: publicPrincipal,
  IAM421: publicPrincipal,
  IAM425: claimCondition,
  IAM426: narrowerClaim,
  IAM422: accountTrust,
  IAM423: confusedDeputy,
  IAM424: secureTransport,
};

export const hardeningFixes = byCode(PROVIDERS);
