using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// Random sequences of every kind of change, through HTTP, on one business with four staff and two services: after
/// each step the Redis answer equals the PostgreSQL answer exactly and the consistency check is clean.
/// A failure names the seed and the steps so far, so it can be replayed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReadModelConsistencyTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    // seed, zone, "now" at the start, first and last local date compared (bookings go from the third date on).
    [InlineData(20261124, "Europe/London", "2026-11-24T12:00:00Z", "2026-11-24", "2026-11-30")]
    [InlineData(1101, "America/New_York", "2026-10-29T14:00:00Z", "2026-10-29", "2026-11-03")] // fall back: a 25-hour day
    [InlineData(328, "Europe/Paris", "2027-03-24T09:00:00Z", "2027-03-24", "2027-03-30")] // spring forward: a 23-hour day
    [InlineData(530, "Asia/Kolkata", "2026-11-24T03:00:00Z", "2026-11-24", "2026-11-30")] // a 30-minute offset
    public async Task After_every_random_step_the_redis_answer_equals_the_postgres_answer(int seed, string zone, string now, string from, string to)
    {
        Api.Clock.Reset(InstantPattern.General.Parse(now).Value);
        await Api.CatchUpAsync();
        var run = await Run.StartAsync(Api, seed, zone, from, to);
        await run.AssertAgreeAsync("after setup", http: true);

        for (var step = 1; step <= 75; step++)
        {
            var action = await run.StepAsync();
            await run.AssertAgreeAsync($"step {step}: {action}", http: step % 15 == 0);
        }
    }

    /// <summary>One random run: the salon, what the run has created, and the random source.</summary>
    private sealed class Run
    {
        private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

        private readonly ApiFactory _api;
        private readonly Random _random;
        private readonly int _seed;
        private readonly SalonClient _salon;
        private readonly DateTimeZone _zone;
        private readonly string _from, _to;
        private readonly List<LocalDate> _bookableDates;
        private readonly string[] _staff;
        private readonly string[] _services;
        private readonly Dictionary<string, string[]> _performers = [];
        private readonly Dictionary<string, IReadOnlyList<string>> _lastSlots = [];
        private readonly List<(string Id, string Service)> _appointments = [];
        private readonly List<(string Token, string Service, string Start, Instant Expires)> _holds = [];
        private readonly List<(string Staff, string Id)> _timeOff = [];
        private readonly List<(string Staff, string Date)> _overrides = [];
        private readonly List<string> _log = [];

        private Run(ApiFactory api, int seed, SalonClient salon, DateTimeZone zone, string from, string to, string[] staff, string[] services)
        {
            _api = api;
            _seed = seed;
            _random = new Random(seed);
            _salon = salon;
            _zone = zone;
            _from = from;
            _to = to;
            _staff = staff;
            _services = services;
            var first = LocalDatePattern.Iso.Parse(from).Value;
            var last = LocalDatePattern.Iso.Parse(to).Value;
            // Two days after "now" and later: cancel and reschedule cut-offs (24 h) never get in the way.
            _bookableDates = Enumerable.Range(2, Period.Between(first, last, PeriodUnits.Days).Days - 1).Select(first.PlusDays).ToList();
        }

        public static async Task<Run> StartAsync(ApiFactory api, int seed, string zone, string from, string to)
        {
            var salon = await SalonClient.CreateAsync(api, zone);
            await salon.PutRulesAsync(holdTtlSeconds: 300);
            var staff = new[]
            {
                await salon.AddStaffAsync("Ada", "09:00", "17:00"),
                await salon.AddStaffAsync("Ben", "10:00", "18:00"),
                await salon.AddStaffAsync("Cy", "08:00", "19:00"),
                await salon.AddStaffAsync("Dee", "07:00", "15:00"),
            };
            var cut = await salon.AddServiceAsync("Cut", 30, 0, 0, (staff[0], null), (staff[1], null), (staff[2], null));
            var colour = await salon.AddServiceAsync("Colour", 45, 10, 15, (staff[1], null), (staff[2], null), (staff[3], 60));
            var run = new Run(api, seed, salon, DateTimeZoneProviders.Tzdb[zone], from, to, staff, [cut, colour]);
            run._performers[cut] = [staff[0], staff[1], staff[2]];
            run._performers[colour] = [staff[1], staff[2], staff[3]];
            return run;
        }

        private string Context(string step) =>
            $"seed {_seed}, {step}\nsteps so far:\n  {string.Join("\n  ", _log.TakeLast(15))}";

        /// <summary>Both read paths for both services (any staff) and for one staff member agree; the check is clean.</summary>
        public async Task AssertAgreeAsync(string step, bool http = false)
        {
            var context = Context(step);
            foreach (var service in _services)
                _lastSlots[service] = (await _api.Services.AssertPathsAgreeAsync(_salon, service, null, _from, _to, context)).Slots;
            var one = Pick(_services);
            await _api.Services.AssertPathsAgreeAsync(_salon, one, Pick(_performers[one]), _from, _to, context);

            var report = await _salon.CheckAsync(LocalDatePattern.Iso.Format(LocalDatePattern.Iso.Parse(_from).Value.PlusDays(-1)), _to);
            Assert.True(report["consistent"]!.GetValue<bool>(), $"{context}\nconsistency check: {report.ToJsonString()}");
            Assert.Equal(_staff.Length * (Period.Between(LocalDatePattern.Iso.Parse(_from).Value, LocalDatePattern.Iso.Parse(_to).Value,
                PeriodUnits.Days).Days + 2), report["staffDaysCompared"]!.GetValue<int>());

            if (!http) return;
            foreach (var service in _services)
            {
                var redis = await _salon.AvailabilityBodyAsync(service, null, _from, _to, "redis");
                var postgres = await _salon.AvailabilityBodyAsync(service, null, _from, _to, "postgres");
                Assert.True(redis.ServedBy == "redis", $"{context}\nGET /v1/availability?source=redis was served by {redis.ServedBy}");
                Assert.True(postgres.ServedBy == "postgres", $"{context}\nGET /v1/availability?source=postgres was served by {postgres.ServedBy}");
                Assert.True(redis.Body == postgres.Body, $"{context}\nHTTP bodies differ:\nredis:    {redis.Body}\npostgres: {postgres.Body}");
            }
        }

        /// <summary>Takes one random step and returns what it did.</summary>
        public async Task<string> StepAsync()
        {
            var roll = _random.Next(100);
            var done = roll switch
            {
                < 22 => await BookFromAvailabilityAsync(),
                < 27 => await BookAnywhereAsync(),
                < 35 => await CancelAsync(),
                < 43 => await RescheduleAsync(),
                < 55 => await HoldAsync(),
                < 60 => await ReleaseAsync(),
                < 66 => await BookWithHoldAsync(),
                < 90 => await ChangeScheduleAsync(),
                _ => await AdvanceAsync(),
            };
            _log.Add(done);
            return done;
        }

        // ------------------------------------------------------------------ appointments and holds

        /// <summary>A slot of the last answer on a bookable date: start, and the staff free for it.</summary>
        private (string Start, string[] Staff)? FreeSlot(string service)
        {
            var candidates = _lastSlots[service].Select(s => s.Split('/'))
                .Where(p => _bookableDates.Contains(InstantPattern.General.Parse(p[0]).Value.InZone(_zone).Date)).ToList();
            if (candidates.Count == 0) return null;
            var slot = Pick(candidates);
            return (slot[0], slot[2].Split(','));
        }

        private async Task<string> BookFromAvailabilityAsync()
        {
            var service = Pick(_services);
            if (FreeSlot(service) is not { } slot) return "book: no free slot";
            var staff = _random.Next(3) == 0 ? null : Pick(slot.Staff);
            var response = await _salon.BookAsync(service, staff, slot.Start);
            var body = await Expect(response, $"book {slot.Start} with {staff ?? "any"}", HttpStatusCode.Created);
            _appointments.Add((body["id"]!.GetValue<string>(), service));
            return $"book {Name(service)} {slot.Start} {Name(staff)} -> {Name(body["staffId"]!.GetValue<string>())}";
        }

        /// <summary>Any local time of a bookable day on a 5-minute grid: often refused (grid, open time, taken, held).</summary>
        private async Task<string> BookAnywhereAsync()
        {
            var service = Pick(_services);
            var start = LocalTime(Pick(_bookableDates), 6 * 60 + 5 * _random.Next(14 * 12));
            var staff = _random.Next(2) == 0 ? null : Pick(_performers[service]);
            var response = await _salon.BookAsync(service, staff, start);
            var body = await Expect(response, $"book {start}", HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
            if (response.StatusCode == HttpStatusCode.Created) _appointments.Add((body["id"]!.GetValue<string>(), service));
            return $"book anywhere {Name(service)} {start} {Name(staff)} -> {(int)response.StatusCode} {body["code"] ?? body["staffId"]}";
        }

        private async Task<string> CancelAsync()
        {
            if (_appointments.Count == 0) return "cancel: nothing booked";
            var appointment = Pick(_appointments);
            await Expect(await _salon.CancelAsync(appointment.Id), "cancel", HttpStatusCode.OK);
            _appointments.Remove(appointment);
            return $"cancel {appointment.Id}";
        }

        private async Task<string> RescheduleAsync()
        {
            if (_appointments.Count == 0) return "reschedule: nothing booked";
            var appointment = Pick(_appointments);
            if (FreeSlot(appointment.Service) is not { } slot) return "reschedule: no free slot";
            var staff = Pick(slot.Staff);
            await Expect(await _salon.RescheduleAsync(appointment.Id, slot.Start, staff), $"reschedule to {slot.Start}", HttpStatusCode.OK);
            return $"reschedule {appointment.Id} to {slot.Start} {Name(staff)}";
        }

        private async Task<string> HoldAsync()
        {
            var service = Pick(_services);
            if (FreeSlot(service) is not { } slot) return "hold: no free slot";
            var staff = _random.Next(3) == 0 ? null : Pick(slot.Staff);
            var body = await Expect(await _salon.HoldAsync(service, staff, slot.Start), $"hold {slot.Start}", HttpStatusCode.Created);
            _holds.Add((body["token"]!.GetValue<string>(), service, slot.Start,
                OffsetDateTimePattern.ExtendedIso.Parse(body["expiresAt"]!.GetValue<string>()).Value.ToInstant()));
            return $"hold {Name(service)} {slot.Start} {Name(staff)} -> {Name(body["staffId"]!.GetValue<string>())}";
        }

        private async Task<string> ReleaseAsync()
        {
            if (_holds.Count == 0) return "release: no hold";
            var hold = Pick(_holds);
            // An expired hold may still be stored until its Redis TTL: releasing it is harmless either way.
            await Expect(await _salon.ReleaseHoldAsync(hold.Token), "release", HttpStatusCode.NoContent, HttpStatusCode.NotFound);
            _holds.Remove(hold);
            return $"release {hold.Token}";
        }

        private async Task<string> BookWithHoldAsync()
        {
            if (_holds.Count == 0) return "book with hold: no hold";
            var hold = Pick(_holds);
            var live = hold.Expires > _api.Clock.GetCurrentInstant();
            var response = await _salon.BookWithHoldAsync(hold.Service, null, hold.Start, hold.Token);
            // A live hold confirms, unless a schedule change has since closed its time (422 outside_open_time).
            var body = live
                ? await Expect(response, $"book with live hold {hold.Token}", HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity)
                : await Expect(response, $"book with expired hold {hold.Token}", HttpStatusCode.Conflict);
            if (response.StatusCode == HttpStatusCode.Created) _appointments.Add((body["id"]!.GetValue<string>(), hold.Service));
            else if (live) Assert.Equal("outside_open_time", body["code"]!.GetValue<string>());
            _holds.Remove(hold);
            return $"book with {(live ? "live" : "expired")} hold {hold.Start} -> {(int)response.StatusCode} {body["code"]}";
        }

        private async Task<string> AdvanceAsync()
        {
            var seconds = _random.Next(30, 420);
            // Minutes passing give the projector, which runs all along, time to apply what was committed (a booking's
            // stand-in lasts 30 s for that): the fake clock jumps them at once, so let it finish first.
            await _api.CatchUpAsync();
            _api.Clock.Advance(Duration.FromSeconds(seconds));
            return $"advance the clock {seconds} s to {_api.Clock.GetCurrentInstant()}";
        }

        // ------------------------------------------------------------------ schedules

        private async Task<string> ChangeScheduleAsync()
        {
            var staff = Pick(_staff);
            switch (_random.Next(6))
            {
                case 0:
                    var hours = Week(() => _random.Next(8) == 0 ? [] : Shifts());
                    await Ok(_salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/working-hours", new { days = hours }));
                    return $"working hours of {Name(staff)}";
                case 1:
                    var breaks = Week(() => _random.Next(2) == 0 ? [] : [Range(11 * 60 + 15 * _random.Next(12), 15 * (1 + _random.Next(4)))]);
                    await Ok(_salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/breaks", new { days = breaks }));
                    return $"breaks of {Name(staff)}";
                case 2:
                    var day = Pick(_bookableDates);
                    var start = LocalTime(day, 7 * 60 + 15 * _random.Next(40));
                    var end = InstantPattern.General.Format(InstantPattern.General.Parse(start).Value + Duration.FromMinutes(15 * (1 + _random.Next(16))));
                    var created = await SalonClient.Json(await Ok(_salon.Http.PostAsJsonAsync($"/v1/staff/{staff}/time-off", new { start, end, reason = "random" })));
                    _timeOff.Add((staff, created["id"]!.GetValue<string>()));
                    return $"time off {Name(staff)} {start}–{end}";
                case 3 when _timeOff.Count > 0:
                    var off = Pick(_timeOff);
                    await Ok(_salon.Http.DeleteAsync($"/v1/staff/{off.Staff}/time-off/{off.Id}"));
                    _timeOff.Remove(off);
                    return $"remove time off of {Name(off.Staff)}";
                case 4 when _overrides.Count > 0 && _random.Next(2) == 0:
                    var over = Pick(_overrides);
                    await Ok(_salon.Http.DeleteAsync($"/v1/staff/{over.Staff}/overrides/{over.Date}"));
                    _overrides.Remove(over);
                    return $"remove override of {Name(over.Staff)} on {over.Date}";
                default:
                    var date = LocalDatePattern.Iso.Format(LocalDatePattern.Iso.Parse(_from).Value.PlusDays(_random.Next(_bookableDates.Count + 2)));
                    var intervals = _random.Next(3) == 0 ? [] : Shifts();
                    await Ok(_salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/overrides/{date}", new { intervals }));
                    _overrides.Remove((staff, date));
                    _overrides.Add((staff, date));
                    return $"override {Name(staff)} on {date}: {intervals.Length} intervals";
            }
        }

        private object[] Week(Func<object[]> intervals) =>
            Weekdays.Where(_ => _random.Next(7) != 0).Select(d => (object)new { weekday = d, intervals = intervals() }).ToArray();

        /// <summary>One shift, or a split shift.</summary>
        private object[] Shifts()
        {
            var start = 6 * 60 + 30 * _random.Next(8);
            if (_random.Next(3) != 0) return [Range(start, 60 * (4 + _random.Next(7)))];
            var lunch = start + 60 * (2 + _random.Next(3));
            return [Range(start, lunch - start), Range(lunch + 30 * (1 + _random.Next(3)), 60 * (2 + _random.Next(4)))];
        }

        private static object Range(int startMinute, int minutes) =>
            new { start = $"{startMinute / 60:D2}:{startMinute % 60:D2}", end = $"{(startMinute + minutes) / 60:D2}:{(startMinute + minutes) % 60:D2}" };

        // ------------------------------------------------------------------ plumbing

        private string LocalTime(LocalDate date, int minute) =>
            InstantPattern.General.Format(_zone.AtLeniently(date.AtMidnight().PlusMinutes(minute)).ToInstant());

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private string Name(string? id) =>
            id is null ? "any" : Array.IndexOf(_staff, id) is var i and >= 0 ? $"staff{i}" : Array.IndexOf(_services, id) is var j and >= 0 ? $"service{j}" : id;

        private async Task<JsonNode> Expect(HttpResponseMessage response, string what, params HttpStatusCode[] statuses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(statuses.Contains(response.StatusCode), $"{Context(what)}\nanswered {(int)response.StatusCode}: {body}");
            return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
        }

        private async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
        {
            var response = await call;
            Assert.True(response.IsSuccessStatusCode, $"{Context("schedule change")}\nanswered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response;
        }
    }
}
