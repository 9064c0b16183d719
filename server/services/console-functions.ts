// The functions the console runs, by name (lower case), as data. A function is on the list because
// it was judged on purpose: pure (no Cypher of its own, no files, network, writes or locks), and its
// result no larger than its arguments. Each function Neo4j knows is either here or in
// REFUSED_FUNCTIONS with the reason; a test checks that against SHOW FUNCTIONS, so a new Neo4j or APOC
// function is refused until someone decides. Operators may add names with CONSOLE_ALLOW_FUNCTIONS.
//
// Built-in functions that can build large values (range, reduce, replace, list comprehensions) are
// core Cypher and allowed on purpose: what they build is bounded at run time by the memory limits and
// the runaway-query reaper (neo4j/src/main/java/kg/RunawayQueryReaper.java), measured in SECURITY.md.

const BUILT_IN = `
  abs acos all any asin atan atan2 avg btrim ceil char_length character_length coalesce collect cos cot count
  date date.realtime date.statement date.transaction date.truncate datetime datetime.fromepoch datetime.fromepochmillis
  datetime.realtime datetime.statement datetime.transaction datetime.truncate degrees duration duration.between
  duration.indays duration.inmonths duration.inseconds e elementid endnode exists exp floor haversin head id isempty
  isnan keys labels last left length localdatetime localdatetime.realtime localdatetime.statement
  localdatetime.transaction localdatetime.truncate localtime localtime.realtime localtime.statement localtime.transaction
  localtime.truncate log log10 lower ltrim max min nodes none normalize nullif percentilecont percentiledisc pi point
  point.distance point.withinbbox properties radians rand randomuuid range reduce relationships replace reverse right
  round rtrim sign sin single size split sqrt startnode stdev stdevp substring sum tail tan time time.realtime
  time.statement time.transaction time.truncate timestamp toboolean tobooleanlist tobooleanornull tofloat tofloatlist
  tofloatornull tointeger tointegerlist tointegerornull tolower tostring tostringlist tostringornull toupper trim type
  upper valuetype vector.similarity.cosine vector.similarity.euclidean`;

/** Pattern forms that are written like calls but are not in SHOW FUNCTIONS. */
export const PATTERN_FUNCTIONS: ReadonlySet<string> = new Set(['shortestpath', 'allshortestpaths']);

const APOC = `
  apoc.agg.first apoc.agg.last apoc.agg.maxitems apoc.agg.median apoc.agg.minitems apoc.agg.nth apoc.agg.percentiles
  apoc.agg.product apoc.agg.slice apoc.agg.statistics
  apoc.any.isdeleted apoc.any.properties apoc.any.property apoc.bitwise.op
  apoc.coll.avg apoc.coll.contains apoc.coll.containsall apoc.coll.containsallsorted apoc.coll.containsduplicates
  apoc.coll.containssorted apoc.coll.different apoc.coll.disjunction apoc.coll.dropduplicateneighbors apoc.coll.duplicates
  apoc.coll.duplicateswithcount apoc.coll.frequencies apoc.coll.frequenciesasmap apoc.coll.indexof apoc.coll.insert
  apoc.coll.insertall apoc.coll.intersection apoc.coll.isequalcollection apoc.coll.max apoc.coll.min apoc.coll.occurrences
  apoc.coll.pairwithoffset apoc.coll.pairs apoc.coll.pairsmin apoc.coll.partition apoc.coll.randomitem
  apoc.coll.randomitems apoc.coll.remove apoc.coll.removeall apoc.coll.runningtotal apoc.coll.set apoc.coll.shuffle
  apoc.coll.sort apoc.coll.sortmaps apoc.coll.sortmulti apoc.coll.sortnodes apoc.coll.sorttext apoc.coll.stdev
  apoc.coll.subtract apoc.coll.sum apoc.coll.sumlongs apoc.coll.toset apoc.coll.union apoc.coll.unionall apoc.coll.zip
  apoc.convert.fromjsonlist apoc.convert.fromjsonmap apoc.convert.getjsonproperty apoc.convert.getjsonpropertymap
  apoc.convert.tojson apoc.convert.tolist apoc.convert.tomap apoc.convert.tonode apoc.convert.tonodelist
  apoc.convert.torelationship apoc.convert.torelationshiplist apoc.convert.toset apoc.convert.tosortedjsonmap
  apoc.create.uuid apoc.create.uuidbase64 apoc.create.uuidbase64tohex apoc.create.uuidhextobase64
  apoc.data.url apoc.date.add apoc.date.convert apoc.date.convertformat apoc.date.currenttimestamp apoc.date.field
  apoc.date.fields apoc.date.format apoc.date.fromiso8601 apoc.date.parse apoc.date.systemtimezone apoc.date.toiso8601
  apoc.date.toyears apoc.diff.nodes apoc.hashing.fingerprint apoc.hashing.fingerprinting apoc.json.path apoc.label.exists
  apoc.map.clean apoc.map.flatten apoc.map.fromlists apoc.map.fromnodes apoc.map.frompairs apoc.map.fromvalues
  apoc.map.get apoc.map.groupby apoc.map.groupbymulti apoc.map.merge apoc.map.mergelist apoc.map.mget apoc.map.removekey
  apoc.map.removekeys apoc.map.setentry apoc.map.setkey apoc.map.setlists apoc.map.setpairs apoc.map.setvalues
  apoc.map.sortedproperties apoc.map.submap apoc.map.unflatten apoc.map.updatetree apoc.map.values
  apoc.math.cosh apoc.math.coth apoc.math.csch apoc.math.maxbyte apoc.math.maxdouble apoc.math.maxint apoc.math.maxlong
  apoc.math.minbyte apoc.math.mindouble apoc.math.minint apoc.math.minlong apoc.math.sech apoc.math.sigmoid
  apoc.math.sigmoidprime apoc.math.sinh apoc.math.tanh
  apoc.meta.cypher.istype apoc.meta.cypher.type apoc.meta.cypher.types apoc.meta.nodes.count
  apoc.node.degree apoc.node.degree.in apoc.node.degree.out apoc.node.id apoc.node.labels apoc.node.relationship.exists
  apoc.node.relationship.types apoc.node.relationships.exist apoc.nodes.connected apoc.nodes.isdense
  apoc.nodes.relationship.types apoc.nodes.relationships.exist
  apoc.number.arabictoroman apoc.number.format apoc.number.parsefloat apoc.number.parseint apoc.number.romantoarabic
  apoc.path.combine apoc.path.create apoc.path.elements apoc.path.slice
  apoc.rel.endnode apoc.rel.id apoc.rel.startnode apoc.rel.type
  apoc.schema.node.constraintexists apoc.schema.node.indexexists apoc.schema.relationship.constraintexists
  apoc.schema.relationship.indexexists apoc.scoring.existence apoc.scoring.pareto
  apoc.temporal.format apoc.temporal.formatduration apoc.temporal.tozonedtemporal
  apoc.text.base64decode apoc.text.base64encode apoc.text.base64urldecode apoc.text.base64urlencode apoc.text.bytecount
  apoc.text.bytes apoc.text.camelcase apoc.text.capitalize apoc.text.capitalizeall apoc.text.charat apoc.text.clean
  apoc.text.code apoc.text.comparecleaned apoc.text.decapitalize apoc.text.decapitalizeall apoc.text.distance
  apoc.text.doublemetaphone apoc.text.fuzzymatch apoc.text.hammingdistance apoc.text.hexcharat apoc.text.hexvalue
  apoc.text.indexof apoc.text.indexesof apoc.text.jarowinklerdistance apoc.text.join apoc.text.levenshteindistance
  apoc.text.levenshteinsimilarity apoc.text.phonetic apoc.text.regexgroups apoc.text.regexgroupsbyname apoc.text.slug
  apoc.text.snakecase apoc.text.sorensendicesimilarity apoc.text.split apoc.text.swapcase apoc.text.tocypher
  apoc.text.touppercase apoc.text.uppercamelcase apoc.text.urldecode apoc.text.urlencode
  apoc.util.md5 apoc.util.sha1 apoc.util.sha256 apoc.util.sha384 apoc.util.sha512 apoc.version`;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Functions the console runs (lower-case names). */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([...words(BUILT_IN), ...words(APOC), ...PATTERN_FUNCTIONS]);

/** Every other function Neo4j 5.26 with APOC core offers, and why the console does not run it. */
export const REFUSED_FUNCTIONS: Readonly<Record<string, string>> = {
  file: 'belongs to LOAD CSV, which reads server files',
  linenumber: 'belongs to LOAD CSV, which reads server files',
  'graph.byelementid': 'addresses other databases of a composite database',
  'graph.byname': 'addresses other databases of a composite database',
  'apoc.cypher.runfirstcolumnmany': 'runs Cypher text of its own, past the console’s checks',
  'apoc.cypher.runfirstcolumnsingle': 'runs Cypher text of its own, past the console’s checks',
  'apoc.text.repeat': 'builds a string as long as a number it is given',
  'apoc.text.lpad': 'builds a string as long as a number it is given',
  'apoc.text.rpad': 'builds a string as long as a number it is given',
  'apoc.text.random': 'builds a string as long as a number it is given',
  'apoc.text.format': 'a format such as %999999999s builds a string of any length',
  'apoc.util.validatepredicate': 'formats its message like apoc.text.format',
  'apoc.text.regreplace': 'a replacement with group references multiplies the string at every match',
  'apoc.text.replace': 'a replacement with group references multiplies the string at every match',
  'apoc.coll.fill': 'builds a list as long as a number it is given',
  'apoc.coll.combinations': 'returns exponentially many lists',
  'apoc.coll.flatten': 'materialises nested lists, of which range() makes any number at no cost',
  'apoc.util.compress': 'compression bombs: decompress can return far more than it was given',
  'apoc.util.decompress': 'compression bombs: decompress can return far more than it was given',
  'apoc.xml.parse': 'parses XML, whose entities can expand without bound or reach files',
  'apoc.number.exact.add': 'arbitrary-precision numbers grow without bound',
  'apoc.number.exact.sub': 'arbitrary-precision numbers grow without bound',
  'apoc.number.exact.mul': 'arbitrary-precision numbers grow without bound',
  'apoc.number.exact.div': 'arbitrary-precision numbers grow without bound',
  'apoc.number.exact.tointeger': 'arbitrary-precision numbers grow without bound',
  'apoc.number.exact.tofloat': 'arbitrary-precision numbers grow without bound',
  'apoc.number.exact.toexact': 'arbitrary-precision numbers grow without bound',
  'apoc.hashing.fingerprintgraph': 'reads and hashes the whole graph',
  'apoc.create.vnode': 'makes virtual nodes that look like stored ones',
  'apoc.create.vrelationship': 'makes virtual relationships that look like stored ones',
  'apoc.create.virtual.fromnode': 'makes virtual nodes that look like stored ones',
  'apoc.agg.graph': 'collects whole subgraphs into one value',
};

/** The allow-list plus names an operator added (CONSOLE_ALLOW_FUNCTIONS). */
export function functionAllowList(extra: readonly string[] = []): ReadonlySet<string> {
  return extra.length ? new Set([...ALLOWED_FUNCTIONS, ...extra.map((name) => name.toLowerCase())]) : ALLOWED_FUNCTIONS;
}
