/**
 * `npm run create-admin` — creates the first 省级管理员 (admin) account, through the same use case the
 * admin routes use (scrypt hash, audit entry). The password is asked for without echo (or read from
 * standard input when it is not a terminal) and is never printed or logged.
 *
 *   npm run create-admin -- --stage prod --username zhangsan --name 张三 [--region cn-north-1]
 *   npm run create-admin -- --table <TableName output> --username zhangsan --name 张三
 *   npm run create-admin -- --endpoint http://127.0.0.1:8000 --table exemption-portal-local …  (embedded system)
 *
 * With `--stage`, the table name is read from the `TableName` output of the stack
 * `ExemptionPortal-<stage>-Api` (AWS credentials of the operator, as for `cdk deploy`).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

const USAGE = `Usage: npm run create-admin -- (--stage <stage> | --table <name>) --username <name> --name <显示名> [--region <region>] [--endpoint <url>]`;

/**
 * Reads passwords without echo from a terminal, or lines from piped standard input. One readline
 * interface serves every prompt, so piped lines are not lost between questions.
 */
function passwordReader(): { ask(prompt: string): Promise<string>; close(): void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let ended = false;
  rl.on('line', (line) => (waiting.length ? waiting.shift()!(line) : lines.push(line)));
  rl.on('close', () => {
    ended = true;
    while (waiting.length) waiting.shift()!('');
  });
  if (process.stdin.isTTY) {
    // Mute the echo of typed characters; only prompts are written.
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    out._writeToOutput = () => undefined;
  }
  return {
    async ask(prompt) {
      process.stdout.write(prompt);
      const line = lines.length
        ? lines.shift()!
        : ended
          ? ''
          : await new Promise<string>((resolve) => waiting.push(resolve));
      process.stdout.write('\n');
      return line.trim();
    },
    close: () => rl.close(),
  };
}

async function tableFromStack(stage: string, region: string | undefined): Promise<string> {
  const stackName = `ExemptionPortal-${stage}-Api`;
  const cfn = new CloudFormationClient(region ? { region } : {});
  const out = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  const value = out.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'TableName')?.OutputValue;
  if (!value)
    throw new Error(`Stack ${stackName} has no TableName output: deploy it first (npx cdk deploy -c stage=${stage}).`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string' },
      table: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
    },
  });
  if ((!values.stage && !values.table) || !values.username || !values.name) {
    console.error(USAGE);
    process.exit(2);
  }
  if (values.region) process.env.AWS_REGION = values.region;
  if (values.endpoint) process.env.AWS_ENDPOINT_URL_DYNAMODB = values.endpoint;
  process.env.TABLE_NAME = values.table ?? (await tableFromStack(values.stage!, values.region));

  const reader = passwordReader();
  const password = await reader.ask('新管理员密码（8至64位，含字母和数字）: ');
  const again = await reader.ask('再次输入密码: ');
  reader.close();
  if (password !== again) throw new Error('两次输入的密码不一致。');

  // Imported after TABLE_NAME is set: the store reads its configuration on first use.
  const { dynamoStaffStore } = await import('../functions/adapters/dynamodb/staff-store.js');
  const { makeCreateStaff } = await import('../functions/app/staff-accounts.js');
  const account = await makeCreateStaff({ staff: dynamoStaffStore(), clock: { now: () => Date.now() } })(
    { username: values.username, displayName: values.name, role: 'admin', points: [], password },
    { kind: 'system', id: 'create-admin' },
  );
  console.log(`Admin "${account.username}" created in table ${process.env.TABLE_NAME}.`);
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`create-admin failed: ${message}`);
  process.exit(1);
});
