// Hold a random slot, then book it with the hold's token: the checkout flow of a booking page.
// A refused hold (409 taken or held, 422 a booking rule) ends the iteration, as in the .NET generator.
//   k6 run -e BASE_URL=http://localhost:8080 k6/hold-and-book.js
import http from 'k6/http';
import { check } from 'k6';
import { BASE_URL, loadSalon, params, pick, randomStart } from './lib.js';

const HANDLED = [201, 409, 422];
http.setResponseCallback(http.expectedStatuses(200, ...HANDLED));

export const options = {
  vus: 8,
  duration: '30s',
  thresholds: {
    'http_req_duration{name:hold}': ['p(95)<1000'],
    'http_req_duration{name:book}': ['p(95)<1000'],
    'checks{check:hold handled (201/409/422)}': ['rate>0.99'],
    // A placed hold is this client's: booking with its token must succeed.
    'checks{check:held slot booked (201)}': ['rate>0.99'],
    http_req_failed: ['rate<0.01'],
  },
};

export function setup() {
  return loadSalon();
}

export default function (salon) {
  const serviceId = pick(salon.services);
  const staffId = pick(salon.staff);
  const start = randomStart();
  const hold = http.post(`${BASE_URL}/v1/holds`, JSON.stringify({ serviceId, staffId, start }), params('hold', true));
  check(hold, { 'hold handled (201/409/422)': (r) => HANDLED.includes(r.status) });
  if (hold.status !== 201) return;

  const body = { serviceId, staffId, start, holdToken: hold.json('token'), customer: { name: 'Load test' } };
  const book = http.post(`${BASE_URL}/v1/appointments`, JSON.stringify(body), params('book', true));
  check(book, { 'held slot booked (201)': (r) => r.status === 201 });
}
