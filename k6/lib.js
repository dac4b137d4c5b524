// Shared configuration and helpers for the FastBooking k6 scenarios.
// The scenarios mirror load-tests/FastBooking.LoadTests/Scenarios.cs request for request, against the seeded demo salon.
import http from 'k6/http';

/** Where the engine listens. Like the .NET generator, load is only ever sent to a loopback address. */
export const BASE_URL = (__ENV.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
/** The business API key (the demo salon's by default). */
export const API_KEY = __ENV.API_KEY || 'demo-salon-key';
/** How many days ahead availability is read and bookings are tried (1–31, as in the .NET generator). */
export const DAYS = Math.min(Math.max(parseInt(__ENV.DAYS || '14', 10) || 14, 1), 31);

const host = BASE_URL.replace(/^https?:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').toLowerCase();
if (!(host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]')) {
  throw new Error(`BASE_URL ${BASE_URL}: load is only ever sent to a loopback address.`);
}

/**
 * Request parameters: the business key and a `name` tag so thresholds can target one kind of request.
 * With a JSON body (json = true) also its Content-Type; never on a GET: the engine answers a GET that declares a
 * JSON body but sends none with 400.
 */
export function params(name, json = false) {
  const headers = { Authorization: `Bearer ${API_KEY}` };
  if (json) headers['Content-Type'] = 'application/json';
  return { headers, tags: { name } };
}

/** For setup(): the salon's service ids and staff ids, read once from the API. */
export function loadSalon() {
  const services = getIds('/v1/services');
  const staff = getIds('/v1/staff');
  if (services.length === 0 || staff.length === 0) {
    throw new Error('The salon has no services or staff: start the engine with the demo seed.');
  }
  return { services, staff };
}

// Lists answer a page at a time: { items, next }.
function getIds(path) {
  const ids = [];
  let next = null;
  do {
    const url = `${BASE_URL}${path}?limit=500${next ? `&next=${next}` : ''}`;
    const res = http.get(url, params('setup'));
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body}`);
    const page = res.json();
    page.items.forEach((x) => ids.push(x.id));
    next = page.next;
  } while (next);
  return ids;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date at 00:00 UTC, in milliseconds (the .NET generator's DateTime.UtcNow.Date). */
function utcToday() {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** yyyy-MM-dd of UTC today plus some days. */
export function dateFromToday(days) {
  return new Date(utcToday() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The availability range: tomorrow to today + DAYS (UTC dates, as the .NET generator computes them). */
export function range() {
  return { from: dateFromToday(1), to: dateFromToday(DAYS) };
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
 * Exactly Scenarios.RandomStart: UtcNow.Date + Next(1, DAYS + 1) days + 08:00 + Next(0, 48) × 15 minutes,
 * formatted yyyy-MM-ddTHH:mm:00Z.
 */
export function randomStart() {
  const ms = utcToday() + randomInt(1, DAYS + 1) * DAY_MS + (8 * 60 + randomInt(0, 48) * 15) * 60 * 1000;
  return new Date(ms).toISOString().slice(0, 16) + ':00Z';
}

/** The booking body of the .NET generator: a random service, staff member and start. */
export function bookingBody(salon) {
  return {
    serviceId: pick(salon.services),
    staffId: pick(salon.staff),
    start: randomStart(),
    customer: { name: 'Load test' },
  };
}
