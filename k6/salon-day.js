// A busy salon's day, open loop at RATE/s (WARMUP_SECONDS of warm-up, then SECONDS measured), as the .NET tool's
// `salon-day` scenario: 90 % availability reads as a booking UI makes them (a random service, any staff, view=times,
// cached), 8 % hold + book, 2 % a cancel or a reschedule (half each) of an appointment booked earlier — by this VU:
// k6 VUs share no state, so each keeps its own list; while it has none, a hold + book instead.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=200 k6/salon-day.js
import http from 'k6/http';
import { check } from 'k6';
import { BASE_URL, availabilityUrl, holdThenBook, loadSalon, measuredThresholds, openLoop, params, pick, randomInt, randomStart } from './lib.js';

const HANDLED = [200, 201, 409, 422];
http.setResponseCallback(http.expectedStatuses(...HANDLED));

export const options = {
  scenarios: openLoop([{ name: 'salon-day', exec: 'salonDay' }]),
  thresholds: {
    ...measuredThresholds(['salon-day'], parseFloat(__ENV.P95_MS || '25')),
    'http_req_duration{series:salon-day,phase:measured,name:availability}': [`p(95)<${parseFloat(__ENV.AVAILABILITY_P95_MS || '10')}`],
    'checks{check:handled}': ['rate>0.99'],
  },
};

/** This VU's appointments, oldest first. */
const booked = [];

export function setup() {
  return loadSalon();
}

export function salonDay(salon) {
  const roll = randomInt(0, 100);
  if (roll < 90) {
    const res = http.get(availabilityUrl(pick(salon.services), { view: 'times' }), params('availability'));
    check(res, { handled: (r) => r.status === 200 });
    return;
  }
  if (roll >= 98 && booked.length > 0) {
    const id = booked.shift();
    if (roll === 98) {
      const res = http.post(`${BASE_URL}/v1/appointments/${id}/cancel`, JSON.stringify({ reason: 'Load test' }), params('cancel', true));
      check(res, { handled: (r) => HANDLED.includes(r.status) });
      return;
    }
    const res = http.post(`${BASE_URL}/v1/appointments/${id}/reschedule`, JSON.stringify({ start: randomStart() }), params('reschedule', true));
    check(res, { handled: (r) => HANDLED.includes(r.status) });
    // Refused or not, it is still this VU's appointment (unless the engine no longer knows it).
    if ([200, 409, 422].includes(res.status)) booked.push(id);
    return;
  }
  const { hold, book } = holdThenBook(salon);
  check(book || hold, { handled: (r) => HANDLED.includes(r.status) });
  if (book && book.status === 201) booked.push(book.json('id'));
}
