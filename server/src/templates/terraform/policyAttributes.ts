// Every argument of a Terraform AWS provider resource that holds an IAM policy document, with the kind
// of policy and the size quota it has. Where it comes from: the provider's schema (the attribute names
// of every resource of hashicorp/aws 6.25, as generated into @cdktf/provider-aws 21.22: each argument
// whose name holds "polic", and Organizations' `content`), keeping the arguments whose page in the
// provider's documentation, registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/<type
// without "aws_">, says they take a JSON IAM policy document. Left out on purpose, because their
// documents are not IAM policies: aws_iot_policy (IoT policies), aws_cloudformation_stack.policy_body
// (stack policies), aws_opensearchserverless_* (their own JSON), aws_verifiedaccess_* (Cedar),
// aws_networkmanager_* (core network policies), aws_sns_topic_data_protection_policy and
// aws_cloudwatch_log_data_protection_policy / account_policy / index_policy (data protection
// and subscription policies), and every `*_policy_arn`, `redrive_*`, `delivery_policy`,
// `lifecycle_policy` and `ssl_policy` (names or other JSON). aws_lambda_permission,
// aws_lambda_layer_version_permission and aws_iam_role.managed_policy_arns grant or attach without a
// document.
import type { PolicyLimitKind } from '../../catalog/tables/policyLimits';
import type { PolicyKind } from '../../policy/model';

export interface PolicyAttribute {
  kind: PolicyKind;
  limit?: PolicyLimitKind;
}

const identity = (limit?: PolicyLimitKind): PolicyAttribute => ({ kind: 'identity', limit });
const resource = (limit?: PolicyLimitKind): PolicyAttribute => ({ kind: 'resource', limit });

/**
 * resource type -> argument path (nested blocks joined by ".") -> what it holds.
 * aws_organizations_policy.content is resolved by its `type` (organizationsPolicyKind).
 */
export const POLICY_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, PolicyAttribute>>>> = {
  // identity policies (IAM quotas: managed 6,144 characters, inline per user/group/role)
  aws_iam_policy: { policy: identity('managed') },
  aws_iam_role: { assume_role_policy: { kind: 'trust', limit: 'trust' }, 'inline_policy.policy': identity('inline-role') },
  aws_iam_role_policy: { policy: identity('inline-role') },
  aws_iam_user_policy: { policy: identity('inline-user') },
  aws_iam_group_policy: { policy: identity('inline-group') },
  aws_ssoadmin_permission_set_inline_policy: { inline_policy: identity() },
  // session policies: evaluated as identity policies that narrow a session
  aws_transfer_user: { policy: identity() },
  aws_transfer_access: { policy: identity() },
  aws_rolesanywhere_profile: { session_policy: identity() },
  // VPC endpoint policies
  aws_vpc_endpoint: { policy: { kind: 'endpoint', limit: 'vpc-endpoint' } },
  aws_vpc_endpoint_policy: { policy: { kind: 'endpoint', limit: 'vpc-endpoint' } },
  // resource-based policies
  aws_s3_bucket_policy: { policy: resource('s3-bucket') },
  aws_s3_bucket: { policy: resource('s3-bucket') }, // deprecated argument, still in the schema
  aws_s3_access_point: { policy: resource() },
  aws_s3control_access_point_policy: { policy: resource() },
  aws_s3control_bucket_policy: { policy: resource() },
  aws_s3control_multi_region_access_point_policy: { 'details.policy': resource() },
  aws_s3control_object_lambda_access_point_policy: { policy: resource() },
  aws_s3control_access_grants_instance_resource_policy: { policy: resource() },
  aws_s3tables_table_bucket_policy: { resource_policy: resource() },
  aws_s3tables_table_policy: { resource_policy: resource() },
  aws_s3vectors_vector_bucket_policy: { policy: resource() },
  aws_fsx_s3_access_point_attachment: { policy: resource() },
  aws_kms_key: { policy: resource('kms-key') },
  aws_kms_key_policy: { policy: resource('kms-key') },
  aws_kms_external_key: { policy: resource('kms-key') },
  aws_kms_replica_key: { policy: resource('kms-key') },
  aws_kms_replica_external_key: { policy: resource('kms-key') },
  aws_secretsmanager_secret: { policy: resource('secretsmanager') },
  aws_secretsmanager_secret_policy: { policy: resource('secretsmanager') },
  aws_sqs_queue: { policy: resource() },
  aws_sqs_queue_policy: { policy: resource() },
  aws_sns_topic: { policy: resource() },
  aws_sns_topic_policy: { policy: resource() },
  aws_ecr_repository_policy: { policy: resource() },
  aws_ecr_registry_policy: { policy: resource() },
  aws_ecr_repository_creation_template: { repository_policy: resource() },
  aws_ecrpublic_repository_policy: { policy: resource() },
  aws_opensearch_domain: { access_policies: resource() },
  aws_opensearch_domain_policy: { access_policies: resource() },
  aws_elasticsearch_domain: { access_policies: resource() },
  aws_elasticsearch_domain_policy: { access_policies: resource() },
  aws_cloudsearch_domain_service_access_policy: { access_policy: resource() },
  aws_glacier_vault: { access_policy: resource() },
  aws_glacier_vault_lock: { policy: resource() },
  aws_backup_vault_policy: { policy: resource() },
  aws_cloudwatch_event_bus_policy: { policy: resource() },
  aws_cloudwatch_log_resource_policy: { policy_document: resource() },
  aws_cloudwatch_log_destination_policy: { access_policy: resource() },
  aws_cloudwatch_log_delivery_destination_policy: { delivery_destination_policy: resource() },
  aws_efs_file_system_policy: { policy: resource() },
  aws_api_gateway_rest_api: { policy: resource() },
  aws_api_gateway_rest_api_policy: { policy: resource() },
  aws_api_gateway_domain_name: { policy: resource() },
  aws_codeartifact_domain_permissions_policy: { policy_document: resource() },
  aws_codeartifact_repository_permissions_policy: { policy_document: resource() },
  aws_codebuild_resource_policy: { policy: resource() },
  aws_dynamodb_resource_policy: { policy: resource() },
  aws_kinesis_resource_policy: { policy: resource() },
  aws_media_store_container_policy: { policy: resource() },
  aws_msk_cluster_policy: { policy: resource() },
  aws_networkfirewall_resource_policy: { policy: resource() },
  aws_glue_resource_policy: { policy: resource() },
  aws_redshift_resource_policy: { policy: resource() },
  aws_redshiftserverless_resource_policy: { policy: resource() },
  aws_schemas_registry_policy: { policy: resource() },
  aws_ses_identity_policy: { policy: resource() },
  aws_sesv2_email_identity_policy: { policy: resource() },
  aws_acmpca_policy: { policy: resource() },
  aws_vpclattice_auth_policy: { policy: resource() },
  aws_vpclattice_resource_policy: { policy: resource() },
  aws_xray_resource_policy: { policy_document: resource() },
  aws_sagemaker_model_package_group_policy: { resource_policy: resource() },
  aws_oam_sink_policy: { policy: resource() },
  aws_prometheus_resource_policy: { policy_document: resource() },
  aws_organizations_resource_policy: { content: resource() },
  aws_organizations_policy: { content: { kind: 'scp', limit: 'scp' } },
};

/**
 * An Organizations policy's kind from its `type` (default SERVICE_CONTROL_POLICY); undefined for the
 * other types (tag, backup, AI opt-out, chatbot, declarative policies: not IAM documents).
 */
export function organizationsPolicyKind(type: string | undefined): PolicyAttribute | undefined {
  switch (type ?? 'SERVICE_CONTROL_POLICY') {
    case 'SERVICE_CONTROL_POLICY':
      return { kind: 'scp', limit: 'scp' };
    case 'RESOURCE_CONTROL_POLICY':
      return { kind: 'rcp', limit: 'rcp' };
    default:
      return undefined;
  }
}
