// Web identity providers that a trust policy names directly in "Federated", without an IAM identity
// provider of its own. Source: IAM User Guide, "AWS JSON policy elements: Principal"
// (reference_policies_elements_principal.html#principal-federated-web-identity). Every other
// provider is named by the ARN of its IAM SAML or OIDC provider.
export const WEB_IDENTITY_PROVIDERS: ReadonlyArray<[name: string, description: string]> = [
  ['cognito-identity.amazonaws.com', 'Amazon Cognito identity pools'],
  ['www.amazon.com', 'Login with Amazon'],
  ['graph.facebook.com', 'Facebook'],
  ['accounts.google.com', 'Google'],
];
