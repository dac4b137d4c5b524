// Random bookings, open loop at RATE/s (WARMUP_SECONDS of warm-up, then SECONDS measured): a random service, staff
// member and quarter-hour start (08:00–19:45 UTC) on the next DAYS days — the .NET tool's `booking` scenario.
// 201 (booked), 409 (slot taken) and 422 (a booking rule: outside hours, lead time…) are all handled answers:
// most random starts are not bookable, and the salon fills up as the test runs.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=200 k6/booking.js
import http from 'k6/http';
import { check } from 'k6';
import { BASE_URL, loadSalon, measuredThresholds, openLoop, params, randomBookingBody } from './lib.js';

const HANDLED = [201, 409, 422];
http.setResponseCallback(http.expectedStatuses(200, ...HANDLED));

export const options = {
  scenarios: openLoop([{ name: 'booking', exec: 'book' }]),
  thresholds: {
    ...measuredThresholds(['booking'], parseFloat(__ENV.P95_MS || '25')),
    'checks{check:handled (201/409/422)}': ['rate>0.99'],
  },
};

export function setup() {
  return loadSalon();
}

export function book(salon) {
  const res = http.post(`${BASE_URL}/v1/appointments`, JSON.stringify(randomBookingBody(salon)), params('book', true));
  check(res, { 'handled (201/409/422)': (r) => HANDLED.includes(r.status) });
}
