using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>A business's API key, stored only as its SHA-256 hash.</summary>
public sealed class ApiKeyRow
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required byte[] KeyHash { get; set; }
    /// <summary>The key's first characters, to tell keys apart in a list.</summary>
    public string Prefix { get; set; } = "";
    public Instant CreatedAt { get; set; }
}
