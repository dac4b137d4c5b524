// Any-staff availability of one service over the next DAYS days, open loop at RATE/s, in sub-series one after the
// other (each WARMUP_SECONDS of warm-up, then SECONDS measured), as the .NET tool's `availability` scenario:
//   full-redis-cached       full view, Redis path, the engine's cached answer
//   full-redis-uncached     full view, Redis path, Cache-Control: no-cache (the engine recomputes)
//   times-redis-uncached    view=times, Redis path, no-cache
//   times-redis-cached      view=times, Redis path, cached
//   full-postgres-uncached  full view, PostgreSQL path (&source=postgres), no-cache
// SERIES=a,b runs only those. Compare full-redis-uncached with full-postgres-uncached for the Redis/PostgreSQL ratio.
//   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=200 k6/availability.js
import http from 'k6/http';
import { check } from 'k6';
import { NO_CACHE, availabilityUrl, loadSalon, measuredThresholds, openLoop, params } from './lib.js';

const ALL = {
  'full-redis-cached': { source: 'redis', cached: true },
  'full-redis-uncached': { source: 'redis', cached: false },
  'times-redis-uncached': { view: 'times', source: 'redis', cached: false },
  'times-redis-cached': { view: 'times', source: 'redis', cached: true },
  'full-postgres-uncached': { source: 'postgres', cached: false },
};
const NAMES = __ENV.SERIES ? __ENV.SERIES.split(',').map((s) => s.trim()) : Object.keys(ALL);
NAMES.forEach((name) => {
  if (!ALL[name]) throw new Error(`SERIES: unknown series ${name}; known: ${Object.keys(ALL).join(', ')}`);
});
const P95_MS = parseFloat(__ENV.P95_MS || '10');

export const options = {
  scenarios: openLoop(NAMES.map((name) => ({ name, exec: name.replace(/-/g, '_') }))),
  thresholds: {
    ...measuredThresholds(NAMES, P95_MS),
    'checks{check:status is 200}': ['rate>0.99'],
  },
};

export function setup() {
  return loadSalon();
}

function read(salon, series) {
  const { view, source, cached } = ALL[series];
  const res = http.get(availabilityUrl(salon.focus.id, { view, source }), params('availability', false, cached ? {} : NO_CACHE));
  check(res, {
    'status is 200': (r) => r.status === 200,
    'served by the forced source': (r) => r.headers['X-Served-By'] === source,
  });
}

export function full_redis_cached(salon) { read(salon, 'full-redis-cached'); }
export function full_redis_uncached(salon) { read(salon, 'full-redis-uncached'); }
export function times_redis_uncached(salon) { read(salon, 'times-redis-uncached'); }
export function times_redis_cached(salon) { read(salon, 'times-redis-cached'); }
export function full_postgres_uncached(salon) { read(salon, 'full-postgres-uncached'); }
