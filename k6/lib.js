// Shared configuration and helpers for the FastBooking k6 scenarios.
// The scenarios mirror load-tests/FastBooking.LoadTests (Scenarios/*.cs) request for request, against the seeded demo
// salon, and run open loop like it: constant-arrival-rate executors, a warm-up phase excluded from the thresholds.
import http from 'k6/http';

function intEnv(name, fallback, min, max) {
  const value = parseInt(__ENV[name] || `${fallback}`, 10);
  return Math.min(Math.max(Number.isNaN(value) ? fallback : value, min), max);
}

/** Where the engine listens. Like the .NET tool, load is only ever sent to a loopback address. */
export const BASE_URL = (__ENV.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
/** The business API key (the demo salon's by default). */
export const API_KEY = __ENV.API_KEY || 'demo-salon-key';
/** How many days ahead availability is read and bookings are tried (1–31; 7 as in the .NET tool). */
export const DAYS = intEnv('DAYS', 7, 1, 31);
/** Arrivals per second (the .NET tool's --rate). */
export const RATE = intEnv('RATE', 100, 1, 20000);
/** Measured seconds per series (--seconds) and the warm-up before each (--warmup-seconds), not in the thresholds. */
export const SECONDS = intEnv('SECONDS', 10, 1, 600);
export const WARMUP_SECONDS = intEnv('WARMUP_SECONDS', 5, 0, 120);
/** At most this many requests in flight (--max-in-flight): k6 drops arrivals beyond them (dropped_iterations). */
export const MAX_IN_FLIGHT = intEnv('MAX_IN_FLIGHT', 1000, 1, 10000);
/** Every request's timeout (--timeout-seconds). */
export const TIMEOUT = `${intEnv('TIMEOUT_SECONDS', 10, 1, 60)}s`;

const host = BASE_URL.replace(/^https?:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').toLowerCase();
if (!(host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]')) {
  throw new Error(`BASE_URL ${BASE_URL}: load is only ever sent to a loopback address.`);
}

/**
 * Request parameters: the business key, the timeout and a `name` tag so thresholds can target one kind of request.
 * With a JSON body (json = true) also its Content-Type; never on a GET: the engine answers a GET that declares a
 * JSON body but sends none with 400. `headers` adds more (Cache-Control: no-cache for the uncached series).
 */
export function params(name, json = false, headers = {}) {
  const all = { Authorization: `Bearer ${API_KEY}`, ...headers };
  if (json) all['Content-Type'] = 'application/json';
  return { headers: all, tags: { name }, timeout: TIMEOUT };
}

/** The header that makes the engine recompute an answer instead of serving its cached copy. */
export const NO_CACHE = { 'Cache-Control': 'no-cache' };

/**
 * The k6 scenarios of a script's series, one after another: for each, a warm-up at the rate (tag phase=warmup), then
 * the measured run (phase=measured), both constant-arrival-rate. `series`: [{ name, exec }], in order.
 */
export function openLoop(series) {
  const scenarios = {};
  let start = 0;
  const arrivals = (exec, seconds, tags) => ({
    executor: 'constant-arrival-rate',
    exec,
    rate: RATE,
    timeUnit: '1s',
    duration: `${seconds}s`,
    startTime: `${start}s`,
    preAllocatedVUs: Math.min(MAX_IN_FLIGHT, Math.max(10, Math.ceil(RATE / 10))),
    maxVUs: MAX_IN_FLIGHT,
    gracefulStop: TIMEOUT,
    tags,
  });
  for (const { name, exec } of series) {
    if (WARMUP_SECONDS > 0) {
      scenarios[`${name}-warmup`.replace(/[^A-Za-z0-9_-]/g, '_')] = arrivals(exec, WARMUP_SECONDS, { series: name, phase: 'warmup' });
      start += WARMUP_SECONDS;
    }
    scenarios[name.replace(/[^A-Za-z0-9_-]/g, '_')] = arrivals(exec, SECONDS, { series: name, phase: 'measured' });
    start += SECONDS;
  }
  return scenarios;
}

/** Thresholds on the measured phase of each series: p(95) under `p95Ms`, < 1 % failed requests. */
export function measuredThresholds(names, p95Ms) {
  const thresholds = {};
  for (const name of names) {
    thresholds[`http_req_duration{series:${name},phase:measured}`] = [`p(95)<${p95Ms}`];
    thresholds[`http_req_failed{series:${name},phase:measured}`] = ['rate<0.01'];
  }
  return thresholds;
}

/**
 * For setup(): the salon's service and staff ids, read once from the API, and the focus service (SERVICE_ID, else the
 * first listed: Haircut on the demo salon) with its buffers.
 */
export function loadSalon() {
  const services = getItems('/v1/services');
  const staff = getItems('/v1/staff').map((s) => s.id);
  if (services.length === 0 || staff.length === 0) {
    throw new Error('The salon has no services or staff: start the engine with the demo seed.');
  }
  const focus = __ENV.SERVICE_ID ? services.find((s) => s.id === __ENV.SERVICE_ID) : services[0];
  if (!focus) throw new Error(`SERVICE_ID ${__ENV.SERVICE_ID}: no such service.`);
  return {
    services: services.map((s) => s.id),
    staff,
    focus: { id: focus.id, bufferBeforeMinutes: focus.bufferBeforeMinutes || 0, bufferAfterMinutes: focus.bufferAfterMinutes || 0 },
  };
}

// Lists answer a page at a time: { items, next }.
function getItems(path) {
  const items = [];
  let next = null;
  do {
    const url = `${BASE_URL}${path}?limit=500${next ? `&next=${next}` : ''}`;
    const res = http.get(url, params('setup'));
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body}`);
    const page = res.json();
    page.items.forEach((x) => items.push(x));
    next = page.next;
  } while (next);
  return items;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date at 00:00 UTC, in milliseconds (the .NET tool's DateTime.UtcNow.Date). */
function utcToday() {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** yyyy-MM-dd of UTC today plus some days. */
export function dateFromToday(days) {
  return new Date(utcToday() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The availability range: tomorrow to today + DAYS (UTC dates, as the .NET tool computes them). */
export function range() {
  return { from: dateFromToday(1), to: dateFromToday(DAYS) };
}

/** Any-staff availability of a service over the range; view 'times' for the compact view, source to force a path. */
export function availabilityUrl(serviceId, { view, source } = {}) {
  const { from, to } = range();
  return `${BASE_URL}/v1/availability?serviceId=${serviceId}&from=${from}&to=${to}` +
    (view ? `&view=${view}` : '') + (source ? `&source=${source}` : '');
}

/** A random integer in [min, max): System.Random.Next(min, max). */
export function randomInt(min, max) {
  return min + Math.floor(Math.random() * (max - min));
}

/** A random element of a list. */
export function pick(list) {
  return list[randomInt(0, list.length)];
}

/**
 * A quarter-hour between 08:00 and 19:45 UTC on one of the next DAYS days: mostly inside someone's hours.
 * Exactly Salon.RandomStart: UtcNow.Date + Next(1, DAYS + 1) days + 08:00 + Next(0, 48) × 15 minutes,
 * formatted yyyy-MM-ddTHH:mm:00Z.
 */
export function randomStart() {
  const ms = utcToday() + randomInt(1, DAYS + 1) * DAY_MS + (8 * 60 + randomInt(0, 48) * 15) * 60 * 1000;
  return new Date(ms).toISOString().slice(0, 16) + ':00Z';
}

/** The booking body of the .NET tool (Salon.BookingBody); with a hold token, the booking that confirms the hold. */
export function bookingBody(serviceId, staffId, start, holdToken) {
  const body = { serviceId, staffId, start, customer: { name: 'Load test' } };
  if (holdToken) body.holdToken = holdToken;
  return body;
}

/** A random booking: a random service, staff member and start. */
export function randomBookingBody(salon) {
  return bookingBody(pick(salon.services), pick(salon.staff), randomStart());
}

/**
 * POST /v1/holds for a random service, staff member and start; when placed, the booking with its token
 * (Booking.HoldThenBookAsync). Returns { hold, book } (book null when the hold was refused).
 */
export function holdThenBook(salon) {
  const serviceId = pick(salon.services);
  const staffId = pick(salon.staff);
  const start = randomStart();
  const hold = http.post(`${BASE_URL}/v1/holds`, JSON.stringify({ serviceId, staffId, start }), params('hold', true));
  if (hold.status !== 201) return { hold, book: null };
  const book = http.post(`${BASE_URL}/v1/appointments`, JSON.stringify(bookingBody(serviceId, staffId, start, hold.json('token'))),
    params('book', true));
  return { hold, book };
}
