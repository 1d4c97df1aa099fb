/** Stage configuration from the CDK context: the real cdk.json stages load, mistakes fail synthesis with a message. */
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { loadStage } from '../../lib/stage-config.js';
import { cdkJsonContext } from './support.js';

function stageFrom(context: Record<string, unknown>) {
  return loadStage(new App({ context }).node);
}

const devConfig = (cdkJsonContext().stages as Record<string, Record<string, unknown>>).dev!;

describe('loadStage', () => {
  it('loads dev by default and prod with -c stage=prod from cdk.json, turning empty strings into "not configured"', () => {
    // Act
    const dev = stageFrom(cdkJsonContext());
    const prod = stageFrom({ ...cdkJsonContext(), stage: 'prod' });

    // Assert
    expect(dev.name).toBe('dev');
    expect(dev.config.retainData).toBe(false);
    expect(dev.config.alarmEmail).toBeUndefined();
    expect(dev.config.domainName).toBeUndefined();
    expect(prod.name).toBe('prod');
    expect(prod.config.retainData).toBe(true);
    expect(prod.config.faceCompare).toBe(true);
  });

  it('names the known stages when asked for an unknown one', () => {
    // Act + Assert
    expect(() => stageFrom({ ...cdkJsonContext(), stage: 'staging' })).toThrow(
      'Unknown stage "staging": add it under "context.stages" in cdk.json (known: dev, prod)',
    );
  });

  it('refuses a stage name that cannot be part of a stack name', () => {
    // Act + Assert
    expect(() => stageFrom({ ...cdkJsonContext(), stage: 'Prod_1' })).toThrow('Invalid stage name "Prod_1"');
  });

  it('lists every invalid value of a stage', () => {
    // Prepare
    const stages = { dev: { ...devConfig, similarityThreshold: 120, logRetentionDays: 31, ticketPattern: '(' } };

    // Act + Assert
    expect(() => stageFrom({ stages })).toThrow(
      /Invalid configuration for stage "dev" in cdk.json: similarityThreshold: .*; ticketPattern: must be a valid regular expression; logRetentionDays: must be one of 1, 3, 5/,
    );
  });

  it('requires a us-east-1 certificate together with a custom domain', () => {
    // Prepare
    const stages = { dev: { ...devConfig, domainName: 'mk.example.edu.cn' } };

    // Act + Assert
    expect(() => stageFrom({ stages })).toThrow('certificateArn: domainName and certificateArn must be set together');
  });

  it('refuses unknown keys, so a typo is not silently ignored', () => {
    // Prepare
    const stages = { dev: { ...devConfig, retainDate: true } };

    // Act + Assert
    expect(() => stageFrom({ stages })).toThrow(/Unrecognized key.*retainDate/);
  });
});
