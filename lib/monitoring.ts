/**
 * Alarms of one stage (SPEC §1 operator: "alarms"): HTTP API 5xx and p99 latency, errors and
 * throttles of every route's function, DynamoDB throttling (table and GSIs). They notify an
 * SSE-KMS encrypted, TLS-only SNS topic, with an e-mail subscription when the stage configures
 * `alarmEmail`.
 *
 * It is a construct inside the API stack rather than a stack of its own: alarms need every
 * function, and a separate stack would import one export per function, which CloudFormation
 * refuses to delete while imported — removing a route would then need two deployments.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../functions/adapters/dynamodb/table-schema.js';
import type { Stage } from './stage-config.js';

/** Alarm thresholds (one place, so an operator can find and tune them). */
export const ALARM_THRESHOLDS = {
  /** 5xx answers of the API in 5 minutes. */
  apiServerErrors: 5,
  /** p99 latency of the API in milliseconds, sustained for 15 minutes. */
  apiP99LatencyMs: 3000,
  /** Failed invocations of one function in 5 minutes (a handled 4xx is not an error). */
  functionErrors: 3,
  /** Throttled invocations of one function in 5 minutes. */
  functionThrottles: 1,
  /** Throttled DynamoDB requests (table and GSIs) in 5 minutes. */
  tableThrottles: 1,
} as const;

const PERIOD = Duration.minutes(5);

/** Properties of {@link Monitoring}. */
export interface MonitoringProps {
  readonly stage: Stage;
  readonly httpApi: IHttpApi;
  /** Every route's function, named by operationId. */
  readonly functions: ReadonlyMap<string, IFunction>;
  readonly table: ITable;
}

/** The alarm topic and the alarms. */
export class Monitoring extends Construct {
  /** Where every alarm (and its recovery) is published. */
  readonly topic: Topic;
  /** Every alarm, by construct id. */
  readonly alarms: ReadonlyMap<string, Alarm>;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const stageName = props.stage.name;

    // CloudWatch can only publish to an encrypted topic whose customer-managed key lets it use the
    // key; the AWS-managed SNS key does not.
    const key = new Key(this, 'TopicKey', {
      description: `Exemption portal (${stageName}): alarm topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      displayName: `Exemption portal ${stageName} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    // The topic policy created for enforceSSL replaces the default one, so allow CloudWatch explicitly.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    if (props.stage.config.alarmEmail) {
      this.topic.addSubscription(new EmailSubscription(props.stage.config.alarmEmail));
    }

    const alarms = new Map<string, Alarm>();
    const action = new SnsAction(this.topic);
    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string, periods = 1): void => {
      const a = new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: periods,
        datapointsToAlarm: periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `[exemption-portal ${stageName}] ${description}`,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      alarms.set(alarmId, a);
    };

    alarm(
      'ApiServerErrors',
      props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      ALARM_THRESHOLDS.apiServerErrors,
      `HTTP API answered ${ALARM_THRESHOLDS.apiServerErrors}+ 5xx in 5 minutes. Check the functions' log groups for the request ids.`,
    );
    alarm(
      'ApiLatencyP99',
      props.httpApi.metricLatency({ period: PERIOD, statistic: 'p99' }),
      ALARM_THRESHOLDS.apiP99LatencyMs,
      `HTTP API p99 latency ≥ ${ALARM_THRESHOLDS.apiP99LatencyMs} ms for 15 minutes.`,
      3,
    );
    for (const [operationId, fn] of props.functions) {
      alarm(
        `${operationId}Errors`,
        fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        ALARM_THRESHOLDS.functionErrors,
        `Function of route ${operationId} failed ${ALARM_THRESHOLDS.functionErrors}+ times in 5 minutes.`,
      );
      alarm(
        `${operationId}Throttles`,
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        ALARM_THRESHOLDS.functionThrottles,
        `Function of route ${operationId} was throttled (account concurrency exhausted?).`,
      );
    }

    const throttleMetrics: Record<string, IMetric> = {};
    const indexes: (string | undefined)[] = [undefined, ...TABLE_SCHEMA.globalSecondaryIndexes.map((i) => i.indexName)];
    indexes.forEach((indexName, i) => {
      for (const kind of ['Read', 'Write'] as const) {
        throttleMetrics[`${kind.toLowerCase()}${i}`] = new Metric({
          namespace: 'AWS/DynamoDB',
          metricName: `${kind}ThrottleEvents`,
          dimensionsMap: indexName
            ? { TableName: props.table.tableName, GlobalSecondaryIndexName: indexName }
            : { TableName: props.table.tableName },
          period: PERIOD,
          statistic: 'Sum',
        });
      }
    });
    alarm(
      'TableThrottles',
      new MathExpression({
        expression: Object.keys(throttleMetrics)
          .map((name) => `FILL(${name}, 0)`)
          .join(' + '),
        usingMetrics: throttleMetrics,
        period: PERIOD,
        label: 'DynamoDB throttle events (table and GSIs)',
      }),
      ALARM_THRESHOLDS.tableThrottles,
      'DynamoDB throttled requests on the application table or its indexes.',
    );
    this.alarms = alarms;
  }
}
