// The participations a reviewed draft states that the graph already has (who → event), with the
// properties a draft could change. Params: $pairs [{who, event}]. Columns: who, event, role, represents, officialRole, delegation.
UNWIND $pairs AS pair
MATCH (x:Entity {id: pair.who})-[r:PARTICIPATED_IN]->(e:Event {id: pair.event})
RETURN pair.who AS who, pair.event AS event, r.role AS role, r.represents AS represents, r.officialRole AS officialRole,
       coalesce(r.delegation, false) AS delegation
