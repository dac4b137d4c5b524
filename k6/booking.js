// Random bookings: a random service, staff member and quarter-hour start (08:00–19:45 UTC) on the next DAYS days.
// 201 (booked), 409 (slot taken) and 422 (a booking rule: outside hours, lead time…) are all handled answers:
// most random starts are not bookable, and the salon fills up as the test runs.
//   k6 run -e BASE_URL=http://localhost:8080 k6/booking.js
import http from 'k6/http';
import { check } from 'k6';
import { BASE_URL, bookingBody, loadSalon, params } from './lib.js';

const HANDLED = [201, 409, 422];
http.setResponseCallback(http.expectedStatuses(200, ...HANDLED));

export const options = {
  vus: 8,
  duration: '30s',
  thresholds: {
    'http_req_duration{name:book}': ['p(95)<1000'],
    'checks{check:handled (201/409/422)}': ['rate>0.99'],
    http_req_failed: ['rate<0.01'],
  },
};

export function setup() {
  return loadSalon();
}

export default function (salon) {
  const res = http.post(`${BASE_URL}/v1/appointments`, JSON.stringify(bookingBody(salon)), params('book', true));
  check(res, { 'handled (201/409/422)': (r) => HANDLED.includes(r.status) });
}
