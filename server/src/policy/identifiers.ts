// The forms of AWS identifiers that policies name. Sources: IAM User Guide, "AWS account identifiers"
// (an account ID is 12 digits); AWS Organizations API Reference, "Organization" data type (Id:
// ^o-[a-z0-9]{10,32}$).
export const ACCOUNT_ID = /^\d{12}$/;
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
