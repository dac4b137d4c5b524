// Any-staff availability of a random service over the next DAYS days (20 staff × 14 days on the demo salon).
// SOURCE=redis|postgres forces the read path (the API's `source` parameter); unset, the engine chooses (Redis when usable).
//   k6 run -e BASE_URL=http://localhost:8080 -e SOURCE=redis k6/availability.js
import http from 'k6/http';
import { check } from 'k6';
import { BASE_URL, loadSalon, params, pick, range } from './lib.js';

const SOURCE = __ENV.SOURCE || '';
if (!['', 'redis', 'postgres'].includes(SOURCE)) throw new Error(`SOURCE must be redis or postgres, not ${SOURCE}`);

export const options = {
  vus: 8,
  duration: '30s',
  thresholds: {
    'http_req_duration{name:availability}': ['p(95)<300'],
    'checks{check:status is 200}': ['rate>0.99'],
    http_req_failed: ['rate<0.01'],
  },
};

export function setup() {
  return loadSalon();
}

export default function (salon) {
  const { from, to } = range();
  const url = `${BASE_URL}/v1/availability?serviceId=${pick(salon.services)}&from=${from}&to=${to}` +
    (SOURCE ? `&source=${SOURCE}` : '');
  const res = http.get(url, params('availability'));
  check(res, {
    'status is 200': (r) => r.status === 200,
    'served by the forced source': (r) => !SOURCE || r.headers['X-Served-By'] === SOURCE,
  });
}
