using FastBooking.Domain.Availability;

namespace FastBooking.Application.Common;

/// <summary>The one table from domain <see cref="Reason"/>s to error codes, and how several refusals become one answer.</summary>
public static class Refusals
{
    // Most permanent first: when several staff were refused, the answer names the most transient reason,
    // the one closest to success ("someone could, but it is taken").
    private static readonly ErrorCode[] ByPermanence =
    [
        ErrorCode.OffGrid, ErrorCode.LeadTime, ErrorCode.BookingWindow, ErrorCode.ServiceNotOffered, ErrorCode.OutsideOpenTime,
        ErrorCode.ResourceUnavailable, ErrorCode.HoldConflict, ErrorCode.SlotTaken,
    ];

    /// <summary>Every code a start can be refused with (the published contract lists them on booking, holds and moves).</summary>
    public static IReadOnlyList<ErrorCode> StartCodes => ByPermanence;

    private static ErrorCode CodeOf(Reason reason) => reason.Code switch
    {
        Reason.OffGrid => ErrorCode.OffGrid,
        Reason.LeadTime => ErrorCode.LeadTime,
        Reason.BookingWindow => ErrorCode.BookingWindow,
        Reason.ServiceNotOffered => ErrorCode.ServiceNotOffered,
        Reason.OutsideWorkingHours or Reason.Break or Reason.TimeOff => ErrorCode.OutsideOpenTime,
        Reason.Held => ErrorCode.HoldConflict,
        Reason.ResourceUnavailable => ErrorCode.ResourceUnavailable,
        _ => ErrorCode.SlotTaken,
    };

    /// <summary>Why one staff member cannot take a start: the most permanent reason's code, every reason's detail.</summary>
    public static Error FromReasons(IReadOnlyList<Reason> reasons)
    {
        var code = reasons.Select(CodeOf).OrderBy(c => Array.IndexOf(ByPermanence, c)).First();
        return new Error(code, string.Join(" ", reasons.Select(r => r.Detail)));
    }

    /// <summary>Of several staff members' refusals, the one closest to success.</summary>
    public static Error MostTransient(IEnumerable<Error> refusals) =>
        refusals.OrderByDescending(r => Array.IndexOf(ByPermanence, r.Code)).First();

    public static readonly Error NobodyPerforms = new(ErrorCode.ServiceNotOffered, "No staff member performs this service.");

    public static readonly Error Held = new(ErrorCode.HoldConflict, "The time is held by someone else.");

    public static readonly Error UnitsTaken = new(ErrorCode.ResourceUnavailable, "Every free unit of the resource is being booked by someone else.");

    public static readonly Error JustTaken = new(ErrorCode.SlotTaken, "The time was just booked by someone else.");
}
