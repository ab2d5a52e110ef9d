// Preloaded into the server or the CLI (`node -r`) by test/unit/no-network.test.ts: every way out of
// the process (sockets, DNS, HTTP, TLS, UDP, fetch, child processes) throws and is written to the
// file named by NO_NETWORK_LOG, so that a caught exception cannot hide the attempt.
'use strict';
const { appendFileSync } = require('node:fs');

function forbid(moduleName, object, names) {
  for (const name of names) {
    if (typeof object[name] !== 'function') continue;
    object[name] = function forbidden() {
      const message = `network or process use: ${moduleName}.${name}`;
      if (process.env.NO_NETWORK_LOG) appendFileSync(process.env.NO_NETWORK_LOG, `${message}\n${new Error().stack}\n`);
      throw new Error(message);
    };
  }
}

const net = require('node:net');
forbid('net', net, ['connect', 'createConnection', 'createServer']);
forbid('net.Socket.prototype', net.Socket.prototype, ['connect']);
forbid('tls', require('node:tls'), ['connect', 'createServer']);
forbid('dns', require('node:dns'), ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
forbid('dns.promises', require('node:dns').promises, ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
forbid('http', require('node:http'), ['request', 'get', 'createServer']);
forbid('https', require('node:https'), ['request', 'get', 'createServer']);
forbid('http2', require('node:http2'), ['connect', 'createServer', 'createSecureServer']);
forbid('dgram', require('node:dgram'), ['createSocket']);
forbid('child_process', require('node:child_process'), ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
forbid('globalThis', globalThis, ['fetch', 'WebSocket']);
