namespace FastBooking.Application.Common;

/// <summary>What readiness depends on: PostgreSQL, the source of truth, answering.</summary>
public interface IEngineHealth
{
    Task<bool> DatabaseAnswersAsync(CancellationToken ct);
}
