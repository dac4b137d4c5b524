using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>
/// The first answer to a request sent with an Idempotency-Key — a success or a refusal — replayed to its retries.
/// Status 0 while the claiming transaction is still running.
/// </summary>
public sealed class IdempotencyRow
{
    public Guid BusinessId { get; set; }
    public required string Key { get; set; }
    public required byte[] RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseBody { get; set; }
    public Instant CreatedAt { get; set; }
}
