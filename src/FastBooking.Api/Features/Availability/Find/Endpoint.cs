using FastBooking.Application.Availability;
using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Availability.Find;
using FastBooking.Application.Common;
using FastEndpoints;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace FastBooking.Api.Features.Availability.Find;

/// <summary>
/// Bookable slots of a service on business-local dates, in the full or the times view; the header X-Served-By names
/// the read path that answered. Answers are cached while the read model and the clock leave them as they are
/// (<see cref="AnswerCache"/>), carry a strong ETag (If-None-Match answers 304), and are compressed when asked.
/// </summary>
public sealed class Endpoint(IHandler<FindAvailability, AvailableSlots> find, AnswerStamps stamps, AnswerCache cache, IClock clock)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/availability");
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<Response>(StatusCodes.Status200OK).Produces(StatusCodes.Status304NotModified).Refuses(ErrorCode.NotFound), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Find bookable slots";
            s.Description = "The bookable slots of a service on the business-local dates `from`–`to` (at most 31 days), for one staff member or, with `staffId` " +
                "left out or `any`, for every one who performs it; `timeZone` (IANA) only changes how instants are written. Two views of the same slots: " +
                "`view=full` (the default, the schema documented here) lists every slot with the staff who could take it; `view=times` answers " +
                "`{ businessTimeZone, serviceId, from, to, view: \"times\", days: [{ date, offset, times: [\"09:00\", …] }] }`, the start times per local date " +
                "(a date whose UTC offset changes has one entry per offset), without staff. Every answer carries a strong `ETag` and `Cache-Control: private, no-cache`: " +
                "sent back as `If-None-Match`, an unchanged answer is 304 with no body. `Cache-Control: no-cache` asks for an answer computed now; " +
                "`source=redis|postgres` chooses the read path (for operators), and `X-Served-By` names the one that answered.";
            s.ResponseExamples[StatusCodes.Status200OK] = Response.Example;
            s.Responses[StatusCodes.Status304NotModified] = "Not modified: `If-None-Match` names the current answer; no body.";
            foreach (var status in new[] { StatusCodes.Status200OK, StatusCodes.Status304NotModified })
            {
                s.ResponseHeaders.Add(new ResponseHeader(status, HeaderNames.ETag)
                {
                    Description = "A strong tag over the answer's bytes (each compressed form has its own), for `If-None-Match`.", Example = "\"5c1f9e0a3b7d2e64\"",
                });
                s.ResponseHeaders.Add(new ResponseHeader(status, "X-Served-By") { Description = "The read path that answered: `redis` or `postgres`.", Example = "redis" });
            }
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!Guid.TryParse(req.ServiceId, out var serviceId) || !AvailabilityQuery.TryStaff(req.StaffId, out var staffId))
        {
            await Send.ResultAsync(((Outcome<Done>)Error.NotFound("No such service or staff member.")).ToHttp());
            return;
        }
        var query = new FindAvailability(HttpContext.BusinessId(), serviceId, staffId,
            new DateInterval(ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!)), AvailabilityQuery.PathOf(req.Source));
        var view = req.View == "times" ? AvailabilityView.Times : AvailabilityView.Full;
        var key = new AnswerKey(query.Business.Value, serviceId, staffId, query.Dates.Start, query.Dates.End, req.TimeZone ?? "", view);

        var stamp = cache.Enabled ? await stamps.CurrentAsync(query, ct) : null;
        // "Cache-Control: no-cache" asks for an answer computed now (it is kept for the next caller).
        var answer = stamp is not null && !HttpContext.Request.Headers.CacheControl.ToString().Contains("no-cache")
            ? cache.Find(key, stamp, clock.GetCurrentInstant())
            : null;
        if (answer is null)
        {
            var outcome = await find.HandleAsync(query, ct);
            if (outcome is not Outcome<AvailableSlots>.Success { Value: var slots })
            {
                await Send.ResultAsync(outcome.ToHttp(_ => Done.Value));
                return;
            }
            var (body, until) = AvailabilityJson.Write(slots, view, ApiFormats.Zone(req.TimeZone) ?? slots.Business.Zone, req.From!, req.To!);
            answer = new RenderedAnswer(body, slots.ServedBy, slots.ServedBy == ReadPath.Redis ? stamp : null, new Interval(slots.Openings.Now, until));
            cache.Keep(key, answer);
        }
        await SendAsync(answer, ct);
    }

    private async Task SendAsync(RenderedAnswer answer, CancellationToken ct)
    {
        var (request, response) = (HttpContext.Request, HttpContext.Response);
        var coding = CodingAsked(request);
        var etag = coding switch
        {
            ContentCoding.Brotli => answer.ETag.Insert(answer.ETag.Length - 1, "-br"),
            ContentCoding.Gzip => answer.ETag.Insert(answer.ETag.Length - 1, "-gzip"),
            _ => answer.ETag,
        };
        response.Headers["X-Served-By"] = answer.ServedBy.ToString().ToLowerInvariant();
        response.Headers.ETag = etag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        // Per business (the API key), and to be revalidated: it is cheap to ask again with If-None-Match.
        response.Headers.CacheControl = "private, no-cache";
        if (Matches(request.Headers.IfNoneMatch.ToString(), etag))
        {
            await Send.ResultAsync(Results.StatusCode(StatusCodes.Status304NotModified));
            return;
        }
        if (coding != ContentCoding.Identity) response.Headers.ContentEncoding = coding == ContentCoding.Brotli ? "br" : "gzip";
        var body = answer.Encoded(coding);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await body.WriteToAsync(response.Body, ct);
    }

    /// <summary>Brotli, else gzip, when the client accepts it (a q of 0 refuses); else none.</summary>
    private static ContentCoding CodingAsked(HttpRequest request)
    {
        if (request.Headers.AcceptEncoding.Count == 0) return ContentCoding.Identity;
        var accepted = request.GetTypedHeaders().AcceptEncoding.Where(e => e.Quality is not 0).Select(e => e.Value.Value).ToList();
        return accepted.Contains("br") ? ContentCoding.Brotli : accepted.Contains("gzip") ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    private static bool Matches(string ifNoneMatch, string etag) =>
        ifNoneMatch.Length > 0 && ifNoneMatch.Split(',').Any(t => t.Trim() is var tag && (tag == "*" || tag == etag || tag == "W/" + etag));
}
