// Hold a random slot, then book it with the hold's token — the checkout flow of a booking page — open loop at RATE/s
// (WARMUP_SECONDS of warm-up, then SECONDS measured), as the .NET tool's `hold-and-book` scenario.
// A refused hold (409 taken or held, 422 a booking rule) ends the iteration.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=100 k6/hold-and-book.js
import http from 'k6/http';
import { check } from 'k6';
import { holdThenBook, loadSalon, measuredThresholds, openLoop } from './lib.js';

const HANDLED = [201, 409, 422];
http.setResponseCallback(http.expectedStatuses(200, ...HANDLED));

export const options = {
  scenarios: openLoop([{ name: 'hold-and-book', exec: 'holdAndBook' }]),
  thresholds: {
    ...measuredThresholds(['hold-and-book'], parseFloat(__ENV.P95_MS || '25')),
    'checks{check:hold handled (201/409/422)}': ['rate>0.99'],
    // A placed hold is this client's: booking with its token must succeed.
    'checks{check:held slot booked (201)}': ['rate>0.99'],
  },
};

export function setup() {
  return loadSalon();
}

export function holdAndBook(salon) {
  const { hold, book } = holdThenBook(salon);
  check(hold, { 'hold handled (201/409/422)': (r) => HANDLED.includes(r.status) });
  if (book) check(book, { 'held slot booked (201)': (r) => r.status === 201 });
}
