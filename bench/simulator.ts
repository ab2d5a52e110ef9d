// Benchmark of the request simulator: one request against the largest corpus policy, parsed once
// (as the editor and the CLI hold it), after a warm-up.
import { getCatalog } from '../server/src/catalog/loadCatalog';
import { simulate } from '../server/src/evaluation/evaluate';
import { parsePolicy } from '../server/src/policy/parse';
import { largestPolicy } from './policies';
import { timeEach, type Measurement } from './stats';

export async function simulatorBench(): Promise<Measurement[]> {
  getCatalog();
  const doc = parsePolicy(largestPolicy().text, 'file:///bench/largest.json');
  const request = { action: 'ec2:DescribeInstances', resource: '*', context: { 'aws:SecureTransport': true } };
  for (let i = 0; i < 50; i++) simulate([doc], request);
  const samples = await timeEach(500, () => simulate([doc], request));
  return [{ id: 'simulate-largest', label: 'simulate one request, largest policy', samples }];
}
