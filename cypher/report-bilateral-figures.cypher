// Figures (trade volumes, investments, …) about both countries. Params: $a, $b.
// Columns: figure, evidence.
MATCH (:Country {id: $a})<-[:ABOUT]-(f:Figure)-[:ABOUT]->(:Country {id: $b})
RETURN {id: f.id, name: f.name, value: f.value, unit: f.unit, qualifier: f.qualifier, period: f.period, change: f.change} AS figure,
       f.evidence AS evidence
ORDER BY f.period, f.name
