// The forms of AWS identifiers that policies name. Sources: IAM User Guide, "AWS account identifiers"
// (an account ID is 12 digits); AWS Organizations API Reference, "Organization" data type (Id:
// ^o-[a-z0-9]{10,32}$); Amazon EC2 API Reference, "Vpc" and "VpcEndpoint" data types (VpcId vpc-,
// VpcEndpointId vpce-, then hexadecimal digits: 8 in older IDs, 17 in newer ones).
export const ACCOUNT_ID = /^\d{12}$/;
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
export const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;
export const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;
