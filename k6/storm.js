// Bookings piling onto a few hot slots, open loop at RATE/s, as the .NET tool's `storm` scenario: each second, every
// arrival books one of STORM_SLOTS (5) free slots of the focus service (staff member + start, read from availability
// in setup(), none overlapping another, buffers included), so nearly every answer is 409 and exactly one booking per
// slot may win: a threshold per slot holds `storm_wins{slot:N}` (its 201s) to at most one.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=200 k6/storm.js
import http from 'k6/http';
import exec from 'k6/execution';
import { check } from 'k6';
import { Counter } from 'k6/metrics';
import { BASE_URL, NO_CACHE, RATE, SECONDS, WARMUP_SECONDS, availabilityUrl, bookingBody, loadSalon, measuredThresholds, openLoop, params } from './lib.js';

const SLOTS_PER_SECOND = Math.min(Math.max(parseInt(__ENV.STORM_SLOTS || '5', 10) || 5, 1), 100);
const HANDLED = [201, 409];
http.setResponseCallback(http.expectedStatuses(...HANDLED));
const wins = new Counter('storm_wins');
const SLOTS = (WARMUP_SECONDS + SECONDS) * SLOTS_PER_SECOND;

/** At most one 201 per hot slot (for the first 200 slots: thresholds are fixed before setup() reads the slots). */
function oneWinnerEach() {
  const thresholds = {};
  for (let slot = 0; slot < Math.min(SLOTS, 200); slot++) thresholds[`storm_wins{slot:${slot}}`] = ['count<=1'];
  return thresholds;
}

export const options = {
  scenarios: openLoop([{ name: 'storm', exec: 'storm' }]),
  thresholds: {
    ...measuredThresholds(['storm'], parseFloat(__ENV.P95_MS || '25')),
    'checks{check:handled (201/409)}': ['rate>0.99'],
    ...oneWinnerEach(),
  },
};

const MINUTE_MS = 60 * 1000;

/** Up to `wanted` free (staff, start) pairs whose occupied ranges (buffers included) do not overlap (Storm.Disjoint). */
function disjoint(slots, focus, wanted) {
  const taken = {};
  const picked = [];
  for (const slot of slots) {
    const from = Date.parse(slot.start) - focus.bufferBeforeMinutes * MINUTE_MS;
    const to = Date.parse(slot.end) + focus.bufferAfterMinutes * MINUTE_MS;
    for (const staffId of slot.staffIds) {
      const ranges = taken[staffId] || (taken[staffId] = []);
      if (ranges.some((r) => r.from < to && from < r.to)) continue;
      ranges.push({ from, to });
      picked.push({ staffId, start: slot.start });
      if (picked.length === wanted) return picked;
    }
  }
  return picked;
}

export function setup() {
  const salon = loadSalon();
  const res = http.get(availabilityUrl(salon.focus.id), params('setup', false, NO_CACHE));
  if (res.status !== 200) throw new Error(`availability answered ${res.status}: ${res.body}`);
  const slots = disjoint(res.json('slots'), salon.focus, SLOTS);
  if (slots.length === 0) throw new Error('storm: the focus service has no free slot left in the range.');
  return { focus: salon.focus.id, slots };
}

export function storm(data) {
  // Iterations of the warm-up come first, then the measured ones: number them across both, one wave a second.
  const warm = exec.scenario.name.endsWith('-warmup');
  const index = exec.scenario.iterationInTest + (warm ? 0 : WARMUP_SECONDS * RATE);
  const slot = (Math.floor(index / RATE) * SLOTS_PER_SECOND + (index % SLOTS_PER_SECOND)) % data.slots.length;
  const { staffId, start } = data.slots[slot];
  const res = http.post(`${BASE_URL}/v1/appointments`, JSON.stringify(bookingBody(data.focus, staffId, start)), params('book', true));
  check(res, { 'handled (201/409)': (r) => HANDLED.includes(r.status) });
  if (res.status === 201) wins.add(1, { slot: `${slot}` });
}
