// GET /api/meetings?person=&with=&country=&from=&to=&limit= → {meetings: [...]}
import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { meetingsQuery } from '../contracts/requests.ts';
import { parseInput } from '../http/validate.ts';
import { findMeetings } from '../services/meetings.ts';

export function meetingRoutes(deps: AppDeps): Router {
  return Router().get('/meetings', async (req, res) => {
    res.json(await findMeetings(deps.reader, parseInput(meetingsQuery, req.query)));
  });
}
