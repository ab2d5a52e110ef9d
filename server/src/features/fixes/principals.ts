// Fixes of principals in role trust policies: an OIDC provider written as its host gets the ARN of
// its IAM identity provider (IAM037, with the account to fill in), and a federated principal's
// statement trades sts:AssumeRole for the call the principal signs in with (IAM041).
import { byCode, fixAction, spanOf, statementAt, type FixProvider } from './framework';
import { accountValue } from './hardening';
import { plainText } from './template';

const oidcProviderArn: FixProvider = ctx => {
  const host = (ctx.diagnostic.data as { oidcHost?: string } | undefined)?.oidcHost;
  if (!host) return [];
  const { start, end } = spanOf(ctx);
  const arn = `arn:aws:iam::${accountValue(ctx.doc)}:oidc-provider/${host}`;
  return [fixAction(ctx, `Name the provider by its ARN: ${plainText(arn)}`, [{ offset: start, length: end - start, text: JSON.stringify(arn) }])];
};

const signInAction: FixProvider = ctx => {
  const action = (ctx.diagnostic.data as { action?: string } | undefined)?.action;
  const statement = statementAt(ctx.doc, spanOf(ctx).start);
  const assumeRole = statement?.action?.items.find(item => item.value.toLowerCase() === 'sts:assumerole');
  if (!action || !assumeRole) return [];
  return [
    fixAction(ctx, `Allow ${action} instead of sts:AssumeRole`, [{ offset: assumeRole.offset, length: assumeRole.length, text: JSON.stringify(action) }], true),
  ];
};

export const principalFixes = byCode({ IAM037: oidcProviderArn, IAM041: signInAction });
