// title: Who met both X and Y
// description: People who met each of two people (through held meetings), with how many times and when.
// @param a string required — first person's id
// @param b string required — second person's id
// @columns person, withA, datesA, withB, datesB
MATCH (x:Person {id: $a})-[ma:MET]-(p:Person)-[mb:MET]-(y:Person {id: $b})
WHERE p <> x AND p <> y
WITH p, collect(DISTINCT ma) AS withA, collect(DISTINCT mb) AS withB
RETURN p.name AS person, size(withA) AS withA, [m IN withA | coalesce(m.dateText, 'date not given')] AS datesA,
       size(withB) AS withB, [m IN withB | coalesce(m.dateText, 'date not given')] AS datesB
ORDER BY withA + withB DESC, person
