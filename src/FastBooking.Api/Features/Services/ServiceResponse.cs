using System.Text.Json.Serialization;
using FastBooking.Application.Catalog;

namespace FastBooking.Api.Features.Services;

public sealed record ServiceResponse(
    Guid Id, string Name, int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes, decimal? Price,
    IReadOnlyList<ServiceResponse.StaffDto> Staff, IReadOnlyList<ServiceResponse.PhaseDto> Phases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ServiceResponse.ResourceDto? Resource = null)
{
    /// <summary>The resource kind the service needs a unit of, for its whole length (no phase) or one phase (from 0).</summary>
    public sealed record ResourceDto(Guid KindId, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Phase);

    public sealed record StaffDto(Guid StaffId, int? DurationMinutes);

    /// <summary>One step of the service; <c>staffBusy: false</c> is processing time.</summary>
    public sealed record PhaseDto(int Minutes, bool StaffBusy);

    public static ServiceResponse Example
    {
        get
        {
            var r = ServiceRequest.Example;
            return new(Guid.Parse(r.Id!), r.Name!, r.DurationMinutes, r.BufferBeforeMinutes, r.BufferAfterMinutes, r.Price,
                r.Staff!.Select(s => new StaffDto(Guid.Parse(s.StaffId!), s.DurationMinutes)).ToList(), []);
        }
    }

    public static ServiceResponse From(ServiceRecord service)
    {
        var s = service.Definition;
        return new(service.Id, s.Name, s.DurationMinutes, s.BufferBeforeMinutes, s.BufferAfterMinutes, s.Price,
            s.Staff.OrderBy(x => x.StaffId).Select(x => new StaffDto(x.StaffId, x.DurationMinutes)).ToList(),
            s.Phases.Select(p => new PhaseDto(p.Minutes, p.StaffBusy)).ToList(),
            s.Resource is { } need ? new ResourceDto(need.KindId, need.Phase) : null);
    }
}
