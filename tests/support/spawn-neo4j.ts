// Child process for the orphan test: starts a local Neo4j, prints the JVM's pid, then waits to be killed.
import { startLocalNeo4j, freePort } from '../../neo4j/local.ts';

const db = await startLocalNeo4j({ home: process.argv[2]!, port: await freePort() });
process.stdout.write(`JVM ${db.pid}\n`);
setInterval(() => {}, 1 << 30);
