// Is Neo4j's offline bulk importer (`neo4j-admin database import full`) usable here? The foundation runs
// Neo4j embedded from Maven artifacts, without the server distribution; the importer's classes
// (org.neo4j:neo4j-import-tool, with the admin CLI org.neo4j.cli.AdminTool from neo4j-command-line)
// are among those artifacts, so it runs from the same classpath.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ImportToolCheck {
  jars: string[];
  usable: boolean;
  verdict: string;
}

export function checkImportTool(root: string): ImportToolCheck {
  const lib = join(root, 'neo4j', 'target', 'lib');
  const jars = existsSync(lib) ? readdirSync(lib).filter((j) => /^neo4j-(import-tool|command-line)-/.test(j)) : [];
  const usable = jars.some((j) => j.startsWith('neo4j-import-tool')) && jars.some((j) => j.startsWith('neo4j-command-line'));
  return {
    jars,
    usable,
    verdict: usable
      ? `usable: ${jars.join(', ')} on the embedded classpath; run as java -cp 'neo4j/target/lib/*' org.neo4j.cli.AdminTool database import full (see bench/README.md)`
      : `not usable: neo4j/target/lib lacks ${['neo4j-import-tool', 'neo4j-command-line'].filter((p) => !jars.some((j) => j.startsWith(p))).join(' and ')} (run npm run seed once to fetch the jars)`,
  };
}
