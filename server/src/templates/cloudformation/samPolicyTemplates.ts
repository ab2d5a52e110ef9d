// SAM policy templates (`- S3ReadPolicy: {BucketName: !Ref B}` in a function's Policies): what each
// grants, for hover. Written from the AWS SAM Developer Guide page "AWS SAM policy template list"
// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html).
// Resources are written with the template's parameters (`${BucketName}`) where SAM substitutes them.
// A name missing here is never an error: SAM adds templates over time.

export interface SamPolicyStatement {
  actions: readonly string[];
  resources: readonly string[];
  /** a condition the statement carries, in words */
  condition?: string;
}

export interface SamPolicyTemplate {
  summary: string;
  parameters: readonly string[];
  statements: readonly SamPolicyStatement[];
}

/** `service:A`, `service:B`... from the service prefix and the action names. */
function grant(service: string, actions: string, ...resources: string[]): SamPolicyStatement {
  return { actions: actions.split(' ').map(action => `${service}:${action}`), resources };
}

/** An ARN in the stack's partition, Region and account: `arn:${AWS::Partition}:s3:${AWS::Region}:${AWS::AccountId}:...`. */
function regional(service: string, rest: string): string {
  return `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${rest}`;
}

const S3_BUCKET = 'arn:${AWS::Partition}:s3:::${BucketName}';
const S3_OBJECTS = 'arn:${AWS::Partition}:s3:::${BucketName}/*';
const TABLE = regional('dynamodb', 'table/${TableName}');
const TABLE_INDEXES = regional('dynamodb', 'table/${TableName}/index/*');
const EMR_CLUSTER = regional('elasticmapreduce', 'cluster/${ClusterId}');
const COLLECTION = regional('rekognition', 'collection/${CollectionId}');
const SES_IDENTITY = regional('ses', 'identity/${IdentityName}');
const SSM_DESCRIBE = grant('ssm', 'DescribeParameters', '*');

function template(summary: string, parameters: string, ...statements: SamPolicyStatement[]): SamPolicyTemplate {
  return { summary, parameters: parameters ? parameters.split(' ') : [], statements };
}

const CODECOMMIT_READ =
  'GitPull GetBranch ListBranches BatchDescribeMergeConflicts DescribeMergeConflicts GetMergeCommit ' +
  'GetMergeOptions BatchGetPullRequests DescribePullRequestEvents GetCommentsForPullRequest GetCommitsFromMergeBase ' +
  'GetMergeConflicts GetPullRequest ListPullRequests GetBlob GetFile GetFolder GetComment GetCommentsForComparedCommit ' +
  'BatchGetCommits GetCommit GetCommitHistory GetDifferences GetObjectIdentifier GetReferences GetTree GetRepository ' +
  'ListTagsForResource GetRepositoryTriggers TestRepositoryTriggers GetUploadArchiveStatus';
const CODECOMMIT_WRITE =
  'GitPush CreateBranch DeleteBranch MergeBranchesByFastForward MergeBranchesBySquash ' +
  'MergeBranchesByThreeWay UpdateDefaultBranch CreateUnreferencedMergeCommit CreatePullRequest MergePullRequestByFastForward ' +
  'MergePullRequestBySquash MergePullRequestByThreeWay PostCommentForPullRequest UpdatePullRequestDescription ' +
  'UpdatePullRequestStatus UpdatePullRequestTitle DeleteFile PutFile DeleteCommentContent PostCommentForComparedCommit ' +
  'PostCommentReply UpdateComment CreateCommit UpdateRepositoryDescription TagResource UntagResource PutRepositoryTriggers ' +
  'UploadArchive CancelUploadArchive';
const REPOSITORY = regional('codecommit', '${RepositoryName}');
const FIREHOSE_STREAM = regional('firehose', 'deliverystream/${DeliveryStreamName}');

export const SAM_POLICY_TEMPLATES: Readonly<Record<string, SamPolicyTemplate>> = {
  AcmGetCertificatePolicy: template('Read one ACM certificate.', 'CertificateArn', grant('acm', 'GetCertificate', '${CertificateArn}')),
  AMIDescribePolicy: template('Describe Amazon Machine Images.', '', grant('ec2', 'DescribeImages', '*')),
  AthenaQueryPolicy: template(
    'Run Athena queries in one workgroup.',
    'WorkGroupName',
    grant('athena', 'ListWorkGroups GetExecutionEngine GetExecutionEngines GetNamespace GetCatalogs GetNamespaces GetTables GetTable', '*'),
    grant(
      'athena',
      'StartQueryExecution GetQueryResults DeleteNamedQuery GetNamedQuery ListQueryExecutions StopQueryExecution ' +
        'GetQueryResultsStream ListNamedQueries CreateNamedQuery GetQueryExecution BatchGetNamedQuery BatchGetQueryExecution GetWorkGroup',
      regional('athena', 'workgroup/${WorkGroupName}'),
    ),
  ),
  AWSSecretsManagerGetSecretValuePolicy: template(
    'Read the value of one Secrets Manager secret.',
    'SecretArn',
    grant('secretsmanager', 'GetSecretValue', '${SecretArn}'),
  ),
  AWSSecretsManagerRotationPolicy: template(
    'Rotate Secrets Manager secrets with one rotation function.',
    'FunctionName',
    {
      ...grant('secretsmanager', 'DescribeSecret GetSecretValue PutSecretValue UpdateSecretVersionStage', regional('secretsmanager', 'secret:*')),
      condition: 'secretsmanager:resource/AllowRotationLambdaArn is the function',
    },
    grant('secretsmanager', 'GetRandomPassword', '*'),
  ),
  CloudFormationDescribeStacksPolicy: template(
    'Describe CloudFormation stacks.',
    '',
    grant('cloudformation', 'DescribeStacks', regional('cloudformation', 'stack/*')),
  ),
  CloudWatchDashboardPolicy: template(
    'Read, list and write CloudWatch dashboards, and list metrics.',
    '',
    grant('cloudwatch', 'GetDashboard ListDashboards PutDashboard ListMetrics', '*'),
  ),
  CloudWatchDescribeAlarmHistoryPolicy: template('Read CloudWatch alarm history.', '', grant('cloudwatch', 'DescribeAlarmHistory', '*')),
  CloudWatchPutMetricPolicy: template('Send metrics to CloudWatch.', '', grant('cloudwatch', 'PutMetricData', '*')),
  CodePipelineLambdaExecutionPolicy: template(
    "Report a CodePipeline job's result from the function it invokes.",
    '',
    grant('codepipeline', 'PutJobSuccessResult PutJobFailureResult', '*'),
  ),
  CodePipelineReadOnlyPolicy: template(
    'List the executions of one pipeline.',
    'PipelineName',
    grant('codepipeline', 'ListPipelineExecutions', regional('codepipeline', '${PipelineName}')),
  ),
  CodeCommitCrudPolicy: template(
    'Read and write one CodeCommit repository (branches, pull requests, files, comments, commits, triggers).',
    'RepositoryName',
    grant('codecommit', `${CODECOMMIT_READ} ${CODECOMMIT_WRITE}`, REPOSITORY),
  ),
  CodeCommitReadPolicy: template('Read one CodeCommit repository.', 'RepositoryName', grant('codecommit', CODECOMMIT_READ, REPOSITORY)),
  ComprehendBasicAccessPolicy: template(
    'Detect entities, key phrases, languages and sentiment with Comprehend.',
    '',
    grant(
      'comprehend',
      'BatchDetectKeyPhrases DetectDominantLanguage DetectEntities BatchDetectEntities DetectKeyPhrases DetectSentiment ' +
        'BatchDetectDominantLanguage BatchDetectSentiment',
      '*',
    ),
  ),
  CostExplorerReadOnlyPolicy: template(
    'Read Cost Explorer billing data.',
    '',
    grant('ce', 'GetCostAndUsage GetDimensionValues GetReservationCoverage GetReservationPurchaseRecommendation GetReservationUtilization GetTags', '*'),
  ),
  DynamoDBBackupFullAccessPolicy: template(
    'Create, read and delete on-demand backups of one DynamoDB table.',
    'TableName',
    grant('dynamodb', 'CreateBackup DescribeContinuousBackups', TABLE),
    grant('dynamodb', 'DeleteBackup DescribeBackup ListBackups', regional('dynamodb', 'table/${TableName}/backup/*')),
  ),
  DynamoDBCrudPolicy: template(
    'Create, read, update and delete items of one DynamoDB table and its indexes.',
    'TableName',
    grant('dynamodb', 'GetItem DeleteItem PutItem Scan Query UpdateItem BatchWriteItem BatchGetItem DescribeTable ConditionCheckItem', TABLE, TABLE_INDEXES),
  ),
  DynamoDBReadPolicy: template(
    'Read one DynamoDB table and its indexes.',
    'TableName',
    grant('dynamodb', 'GetItem Scan Query BatchGetItem DescribeTable', TABLE, TABLE_INDEXES),
  ),
  DynamoDBReconfigurePolicy: template('Change the settings of one DynamoDB table.', 'TableName', grant('dynamodb', 'UpdateTable', TABLE)),
  DynamoDBRestoreFromBackupPolicy: template(
    'Restore one DynamoDB table from a backup.',
    'TableName',
    grant('dynamodb', 'RestoreTableFromBackup', regional('dynamodb', 'table/${TableName}/backup/*')),
    grant('dynamodb', 'PutItem UpdateItem DeleteItem GetItem Query Scan BatchWriteItem', TABLE),
  ),
  DynamoDBStreamReadPolicy: template(
    'Read one stream of a DynamoDB table, and list its streams.',
    'TableName StreamName',
    grant('dynamodb', 'DescribeStream GetRecords GetShardIterator', regional('dynamodb', 'table/${TableName}/stream/${StreamName}')),
    grant('dynamodb', 'ListStreams', regional('dynamodb', 'table/${TableName}/stream/*')),
  ),
  DynamoDBWritePolicy: template(
    'Write items of one DynamoDB table and its indexes.',
    'TableName',
    grant('dynamodb', 'PutItem UpdateItem BatchWriteItem', TABLE, TABLE_INDEXES),
  ),
  EC2CopyImagePolicy: template('Copy one Amazon EC2 image.', 'ImageId', grant('ec2', 'CopyImage', regional('ec2', 'image/${ImageId}'))),
  EC2DescribePolicy: template('Describe EC2 instances and Regions.', '', grant('ec2', 'DescribeRegions DescribeInstances', '*')),
  EcsRunTaskPolicy: template(
    'Run tasks of one ECS task definition.',
    'TaskDefinition',
    grant('ecs', 'RunTask', regional('ecs', 'task-definition/${TaskDefinition}')),
  ),
  EFSWriteAccessPolicy: template('Mount one EFS file system with write access through one access point.', 'FileSystem AccessPoint', {
    ...grant('elasticfilesystem', 'ClientMount ClientWrite', regional('elasticfilesystem', 'file-system/${FileSystem}')),
    condition: 'elasticfilesystem:AccessPointArn is the access point',
  }),
  EKSDescribePolicy: template('Describe and list EKS clusters.', '', grant('eks', 'DescribeCluster ListClusters', '*')),
  ElasticMapReduceAddJobFlowStepsPolicy: template(
    'Add steps to one running EMR cluster.',
    'ClusterId',
    grant('elasticmapreduce', 'AddJobFlowSteps', EMR_CLUSTER),
  ),
  ElasticMapReduceCancelStepsPolicy: template('Cancel pending steps of one EMR cluster.', 'ClusterId', grant('elasticmapreduce', 'CancelSteps', EMR_CLUSTER)),
  ElasticMapReduceModifyInstanceFleetPolicy: template(
    'List and resize the instance fleets of one EMR cluster.',
    'ClusterId',
    grant('elasticmapreduce', 'ModifyInstanceFleet ListInstanceFleets', EMR_CLUSTER),
  ),
  ElasticMapReduceModifyInstanceGroupsPolicy: template(
    'List and change the instance groups of one EMR cluster.',
    'ClusterId',
    grant('elasticmapreduce', 'ModifyInstanceGroups ListInstanceGroups', EMR_CLUSTER),
  ),
  ElasticMapReduceSetTerminationProtectionPolicy: template(
    'Set termination protection of one EMR cluster.',
    'ClusterId',
    grant('elasticmapreduce', 'SetTerminationProtection', EMR_CLUSTER),
  ),
  ElasticMapReduceTerminateJobFlowsPolicy: template('Shut down one EMR cluster.', 'ClusterId', grant('elasticmapreduce', 'TerminateJobFlows', EMR_CLUSTER)),
  ElasticsearchHttpPostPolicy: template(
    'Send POST and PUT requests to one OpenSearch Service domain.',
    'DomainName',
    grant('es', 'ESHttpPost ESHttpPut', regional('es', 'domain/${DomainName}/*')),
  ),
  EventBridgePutEventsPolicy: template(
    'Send events to one EventBridge event bus.',
    'EventBusName',
    grant('events', 'PutEvents', regional('events', 'event-bus/${EventBusName}')),
  ),
  FilterLogEventsPolicy: template(
    'Filter the log events of one CloudWatch Logs log group.',
    'LogGroupName',
    grant('logs', 'FilterLogEvents', regional('logs', 'log-group:${LogGroupName}:log-stream:*')),
  ),
  FirehoseCrudPolicy: template(
    'Create, write, update and delete one Firehose delivery stream.',
    'DeliveryStreamName',
    grant('firehose', 'CreateDeliveryStream DeleteDeliveryStream DescribeDeliveryStream PutRecord PutRecordBatch UpdateDestination', FIREHOSE_STREAM),
  ),
  FirehoseWritePolicy: template(
    'Write records to one Firehose delivery stream.',
    'DeliveryStreamName',
    grant('firehose', 'PutRecord PutRecordBatch', FIREHOSE_STREAM),
  ),
  KinesisCrudPolicy: template(
    'Create, write, reshard, tag and delete one Kinesis stream.',
    'StreamName',
    grant(
      'kinesis',
      'AddTagsToStream CreateStream DecreaseStreamRetentionPeriod DeleteStream DescribeStream DescribeStreamSummary ' +
        'GetShardIterator IncreaseStreamRetentionPeriod ListTagsForStream MergeShards PutRecord PutRecords SplitShard RemoveTagsFromStream',
      regional('kinesis', 'stream/${StreamName}'),
    ),
  ),
  KinesisStreamReadPolicy: template(
    'List Kinesis streams and read one.',
    'StreamName',
    grant('kinesis', 'ListStreams DescribeLimits', regional('kinesis', 'stream/*')),
    grant('kinesis', 'DescribeStream DescribeStreamSummary GetRecords GetShardIterator', regional('kinesis', 'stream/${StreamName}')),
  ),
  KMSDecryptPolicy: template('Decrypt with one KMS key (a key ID, not an alias).', 'KeyId', grant('kms', 'Decrypt', regional('kms', 'key/${KeyId}'))),
  KMSEncryptPolicy: template('Encrypt with one KMS key (a key ID, not an alias).', 'KeyId', grant('kms', 'Encrypt', regional('kms', 'key/${KeyId}'))),
  LambdaInvokePolicy: template(
    'Invoke one Lambda function, its aliases and versions.',
    'FunctionName',
    grant('lambda', 'InvokeFunction', regional('lambda', 'function:${FunctionName}*')),
  ),
  MobileAnalyticsWriteOnlyAccessPolicy: template('Send Mobile Analytics event data.', '', grant('mobileanalytics', 'PutEvents', '*')),
  OrganizationsListAccountsPolicy: template('List the accounts of the organization.', '', grant('organizations', 'ListAccounts', '*')),
  PinpointEndpointAccessPolicy: template(
    'Read and update the endpoints of one Amazon Pinpoint application.',
    'PinpointApplicationId',
    grant('mobiletargeting', 'GetEndpoint UpdateEndpoint UpdateEndpointsBatch', regional('mobiletargeting', 'apps/${PinpointApplicationId}/endpoints/*')),
  ),
  PollyFullAccessPolicy: template(
    'Manage Amazon Polly lexicons and synthesize speech.',
    'LexiconName',
    grant('polly', 'GetLexicon DeleteLexicon', regional('polly', 'lexicon/${LexiconName}')),
    grant('polly', 'DescribeVoices ListLexicons PutLexicon SynthesizeSpeech', regional('polly', 'lexicon/*')),
  ),
  RekognitionDetectOnlyPolicy: template(
    'Detect faces, labels and text with Rekognition.',
    '',
    grant('rekognition', 'DetectFaces DetectLabels DetectModerationLabels DetectText', '*'),
  ),
  RekognitionFacesManagementPolicy: template(
    'Index, delete, list and search faces in one Rekognition collection.',
    'CollectionId',
    grant('rekognition', 'IndexFaces DeleteFaces SearchFaces SearchFacesByImage ListFaces', COLLECTION),
  ),
  RekognitionFacesPolicy: template('Compare and detect faces with Rekognition.', '', grant('rekognition', 'CompareFaces DetectFaces', '*')),
  RekognitionLabelsPolicy: template(
    'Detect object and moderation labels with Rekognition.',
    '',
    grant('rekognition', 'DetectLabels DetectModerationLabels', '*'),
  ),
  RekognitionNoDataAccessPolicy: template(
    'Compare and detect faces and labels in one Rekognition collection.',
    'CollectionId',
    grant('rekognition', 'CompareFaces DetectFaces DetectLabels DetectModerationLabels', COLLECTION),
  ),
  RekognitionReadPolicy: template(
    'List and search faces in one Rekognition collection.',
    'CollectionId',
    grant('rekognition', 'ListCollections ListFaces SearchFaces SearchFacesByImage', COLLECTION),
  ),
  RekognitionWriteOnlyAccessPolicy: template(
    'Create one Rekognition collection and index faces in it.',
    'CollectionId',
    grant('rekognition', 'CreateCollection IndexFaces', COLLECTION),
  ),
  Route53ChangeResourceRecordSetsPolicy: template(
    'Change the record sets of one Route 53 hosted zone.',
    'HostedZoneId',
    grant('route53', 'ChangeResourceRecordSets', 'arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}'),
  ),
  S3CrudPolicy: template(
    'Read, write and delete the objects of one S3 bucket, and its lifecycle configuration.',
    'BucketName',
    grant(
      's3',
      'GetObject ListBucket GetBucketLocation GetObjectVersion PutObject PutObjectAcl GetLifecycleConfiguration PutLifecycleConfiguration DeleteObject',
      S3_BUCKET,
      S3_OBJECTS,
    ),
  ),
  S3FullAccessPolicy: template(
    'Full access to the objects of one S3 bucket (with ACLs and tags), list it and manage its lifecycle.',
    'BucketName',
    grant(
      's3',
      'GetObject GetObjectAcl GetObjectVersion PutObject PutObjectAcl DeleteObject DeleteObjectTagging DeleteObjectVersionTagging ' +
        'GetObjectTagging GetObjectVersionTagging PutObjectTagging PutObjectVersionTagging',
      S3_OBJECTS,
    ),
    grant('s3', 'ListBucket GetBucketLocation GetLifecycleConfiguration PutLifecycleConfiguration', S3_BUCKET),
  ),
  S3ReadPolicy: template(
    'Read the objects of one S3 bucket.',
    'BucketName',
    grant('s3', 'GetObject ListBucket GetBucketLocation GetObjectVersion GetLifecycleConfiguration', S3_BUCKET, S3_OBJECTS),
  ),
  S3WritePolicy: template(
    'Write objects into one S3 bucket.',
    'BucketName',
    grant('s3', 'PutObject PutObjectAcl PutLifecycleConfiguration', S3_BUCKET, S3_OBJECTS),
  ),
  SageMakerCreateEndpointConfigPolicy: template(
    'Create one SageMaker endpoint configuration.',
    'EndpointConfigName',
    grant('sagemaker', 'CreateEndpointConfig', regional('sagemaker', 'endpoint-config/${EndpointConfigName}')),
  ),
  SageMakerCreateEndpointPolicy: template(
    'Create one SageMaker endpoint.',
    'EndpointName',
    grant('sagemaker', 'CreateEndpoint', regional('sagemaker', 'endpoint/${EndpointName}')),
  ),
  ServerlessRepoReadWriteAccessPolicy: template(
    'Create and list applications in the Serverless Application Repository.',
    '',
    grant(
      'serverlessrepo',
      'CreateApplication CreateApplicationVersion GetApplication ListApplications ListApplicationVersions',
      regional('serverlessrepo', 'applications/*'),
    ),
  ),
  SESBulkTemplatedCrudPolicy: template(
    'Send email, templated and bulk templated email, and verify one SES identity.',
    'IdentityName',
    grant('ses', 'GetIdentityVerificationAttributes SendEmail SendRawEmail SendTemplatedEmail SendBulkTemplatedEmail VerifyEmailIdentity', SES_IDENTITY),
  ),
  SESCrudPolicy: template(
    'Send email and verify one SES identity.',
    'IdentityName',
    grant('ses', 'GetIdentityVerificationAttributes SendEmail SendRawEmail VerifyEmailIdentity', SES_IDENTITY),
  ),
  SESEmailTemplateCrudPolicy: template(
    'Create, read, list, update and delete SES email templates.',
    '',
    grant('ses', 'CreateTemplate GetTemplate ListTemplates UpdateTemplate DeleteTemplate TestRenderTemplate', '*'),
  ),
  SESSendBouncePolicy: template('Send bounces for one SES identity.', 'IdentityName', grant('ses', 'SendBounce', SES_IDENTITY)),
  SNSCrudPolicy: template(
    'Create, configure, subscribe to and publish to SNS topics whose name starts with the topic name.',
    'TopicName',
    grant('sns', 'ListSubscriptionsByTopic CreateTopic SetTopicAttributes Subscribe Publish', regional('sns', '${TopicName}*')),
  ),
  SNSPublishMessagePolicy: template('Publish to one SNS topic.', 'TopicName', grant('sns', 'Publish', regional('sns', '${TopicName}'))),
  SQSPollerPolicy: template(
    'Receive, delete and change the visibility of messages of one SQS queue.',
    'QueueName',
    grant(
      'sqs',
      'ChangeMessageVisibility ChangeMessageVisibilityBatch DeleteMessage DeleteMessageBatch GetQueueAttributes ReceiveMessage',
      regional('sqs', '${QueueName}'),
    ),
  ),
  SQSSendMessagePolicy: template('Send messages to one SQS queue.', 'QueueName', grant('sqs', 'SendMessage*', regional('sqs', '${QueueName}'))),
  SSMParameterReadPolicy: template(
    'Read one Systems Manager parameter whose name has no leading slash (a KMS key other than the default needs KMSDecryptPolicy too).',
    'ParameterName',
    SSM_DESCRIBE,
    grant('ssm', 'GetParameters GetParameter GetParametersByPath', regional('ssm', 'parameter/${ParameterName}')),
  ),
  SSMParameterWithSlashPrefixReadPolicy: template(
    'Read one Systems Manager parameter whose name starts with a slash (a KMS key other than the default needs KMSDecryptPolicy too).',
    'ParameterName',
    SSM_DESCRIBE,
    grant('ssm', 'GetParameters GetParameter GetParametersByPath', regional('ssm', 'parameter${ParameterName}')),
  ),
  StepFunctionsExecutionPolicy: template(
    'Start executions of one Step Functions state machine.',
    'StateMachineName',
    grant('states', 'StartExecution', regional('states', 'stateMachine:${StateMachineName}')),
  ),
  TextractDetectAnalyzePolicy: template(
    'Detect and analyze documents with Textract.',
    '',
    grant('textract', 'DetectDocumentText StartDocumentTextDetection StartDocumentAnalysis AnalyzeDocument', '*'),
  ),
  TextractGetResultPolicy: template('Get Textract detection and analysis results.', '', grant('textract', 'GetDocumentTextDetection GetDocumentAnalysis', '*')),
  TextractPolicy: template('Full access to Textract.', '', grant('textract', '*', '*')),
  VPCAccessPolicy: template(
    'Create, delete, describe and detach network interfaces (to run in a VPC).',
    '',
    grant('ec2', 'CreateNetworkInterface DeleteNetworkInterface DescribeNetworkInterfaces DetachNetworkInterface', '*'),
  ),
};
